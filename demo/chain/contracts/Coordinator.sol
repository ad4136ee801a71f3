// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICollateralProxy} from "./interfaces/ICollateralProxy.sol";
import {SignatureChecker} from "./lib/SignatureChecker.sol";
import {TokenTransfer} from "./lib/TokenTransfer.sol";
import {WithdrawalGate} from "./lib/WithdrawalGate.sol";

/// @title Coordinator (Rain-style v2)
/// @notice Needs both the executor's signature and the admin's own EIP-712 signature over the
///         withdrawal, bound to the collateral's adminNonce so each admin signature works once.
/// @dev The call shape (section 4) and the admin signature (section 5) are public; the executor message,
///      the single-use salt, the custom errors and the order of the checks are [sandbox choice]s.
contract Coordinator is WithdrawalGate {
    bytes32 public constant ADMIN_WITHDRAW_TYPEHASH =
        keccak256("Withdraw(address user,address asset,uint256 amount,address recipient,uint256 nonce)");
    bytes32 private constant COLLATERAL_NAME_HASH = keccak256("Collateral");
    bytes32 private constant COLLATERAL_VERSION_HASH = keccak256("2");

    error LengthMismatch();
    error BadAdminSignature();

    constructor(address executor_) WithdrawalGate(executor_, "Coordinator", "2") {}

    /// @notice Selector 0x4b268241. Arguments 0..6 are the API's `parameters`; the admin pair is the
    ///         wallet's own (one salt, one signature); `_directTransfer` false pays via this contract.
    function withdrawAsset(
        address _collateralProxy,
        address _asset,
        uint256 _amountNative,
        address _recipient,
        uint256 _expiresAt,
        bytes32 _executorPublisherSalt,
        bytes memory _executorPublisherSignature,
        bytes32[] memory _adminSalts,
        bytes[] memory _adminSignatures,
        bool _directTransfer
    ) external {
        Withdrawal memory w =
            Withdrawal(_collateralProxy, _asset, _amountNative, _recipient, _expiresAt, _executorPublisherSalt);
        _authorize(w, _executorPublisherSignature, _adminSalts, _adminSignatures);

        usedSalts[w.executorSalt] = true;
        _pay(w, _directTransfer);
    }

    /// Checks in the documented order (evm-withdrawals.md section 8); reverts with the first failure.
    function _authorize(
        Withdrawal memory w,
        bytes memory executorSignature,
        bytes32[] memory adminSalts,
        bytes[] memory adminSignatures
    ) private view {
        _requireFresh(w);
        ICollateralProxy collateral = ICollateralProxy(w.collateral);
        uint256 nonce = collateral.adminNonce();
        _requireExecutorSignature(w, nonce, executorSignature);
        if (!collateral.isAdmin(msg.sender)) revert NotAdmin();
        if (adminSalts.length != adminSignatures.length || adminSalts.length != 1) revert LengthMismatch();
        bytes32 adminDigest = hashAdminWithdrawal(w, msg.sender, nonce, adminSalts[0]);
        if (!SignatureChecker.isValidSignatureNow(msg.sender, adminDigest, adminSignatures[0])) {
            revert BadAdminSignature();
        }
    }

    /// Direct: collateral pays the recipient. Otherwise the funds pass through this contract first.
    function _pay(Withdrawal memory w, bool directTransfer) private {
        ICollateralProxy collateral = ICollateralProxy(w.collateral);
        if (directTransfer) {
            collateral.release(w.asset, w.amount, w.recipient);
        } else {
            collateral.release(w.asset, w.amount, address(this));
            TokenTransfer.send(w.asset, w.recipient, w.amount);
        }
    }

    /// @notice The digest the admin signs (evm-withdrawals.md section 5): domain "Collateral"/"2" on the
    ///         collateral proxy with the admin's own salt, message Withdraw(user, asset, amount, recipient, nonce).
    function hashAdminWithdrawal(Withdrawal memory w, address user, uint256 nonce, bytes32 adminSalt)
        public
        view
        returns (bytes32)
    {
        bytes32 domainSeparator = keccak256(
            abi.encode(
                DOMAIN_TYPEHASH, COLLATERAL_NAME_HASH, COLLATERAL_VERSION_HASH, block.chainid, w.collateral, adminSalt
            )
        );
        bytes32 structHash =
            keccak256(abi.encode(ADMIN_WITHDRAW_TYPEHASH, user, w.asset, w.amount, w.recipient, nonce));
        return keccak256(abi.encodePacked(hex"1901", domainSeparator, structHash));
    }
}
