// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ecdsa} from "./Ecdsa.sol";

/// @notice The v2 coordinator's executor side: the registered executor, single-use executor salts,
///         expiry, and the executor's EIP-712 withdrawal message.
/// @dev [sandbox choice] Rain's EVM v2 executor message is not public (evm-withdrawals.md section 7): this
///      mirrors Rain's public Solana form, with the executor salt as the EIP-712 domain salt so every
///      signature has its own domain separator. It emits no event of its own: the Worker confirms a v2
///      withdrawal from the receipt, the call target and the token's Transfer only.
abstract contract WithdrawalGate {
    bytes32 public constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)");
    bytes32 public constant EXECUTOR_WITHDRAW_TYPEHASH = keccak256(
        "Withdraw(address user,address collateral,address asset,uint256 amount,address recipient,uint256 nonce,uint256 expiresAt)"
    );

    /// The one key allowed to authorise withdrawals (Rain's executor publisher).
    address public immutable executor;
    /// Executor salts already spent; a salt authorises one withdrawal only.
    mapping(bytes32 salt => bool used) public usedSalts;

    bytes32 private immutable nameHash;
    bytes32 private immutable versionHash;

    error Expired();
    error SaltUsed();
    error NotAdmin();
    error BadExecutorSignature();
    error ZeroAddress();

    /// The signed part of a withdrawal, kept together to stay within the EVM stack.
    struct Withdrawal {
        address collateral;
        address asset;
        uint256 amount;
        address recipient;
        uint256 expiresAt;
        bytes32 executorSalt;
    }

    constructor(address executor_, string memory name, string memory version) {
        if (executor_ == address(0)) revert ZeroAddress();
        executor = executor_;
        nameHash = keccak256(bytes(name));
        versionHash = keccak256(bytes(version));
    }

    /// @notice The digest the executor signs for `user` withdrawing from `collateral` at `nonce`.
    function hashExecutorWithdrawal(Withdrawal memory w, address user, uint256 nonce) public view returns (bytes32) {
        bytes32 domainSeparator =
            keccak256(abi.encode(DOMAIN_TYPEHASH, nameHash, versionHash, block.chainid, address(this), w.executorSalt));
        bytes32 structHash = keccak256(
            abi.encode(
                EXECUTOR_WITHDRAW_TYPEHASH, user, w.collateral, w.asset, w.amount, w.recipient, nonce, w.expiresAt
            )
        );
        return keccak256(abi.encodePacked(hex"1901", domainSeparator, structHash));
    }

    function _requireFresh(Withdrawal memory w) internal view {
        if (block.timestamp > w.expiresAt) revert Expired();
        if (usedSalts[w.executorSalt]) revert SaltUsed();
    }

    function _requireExecutorSignature(Withdrawal memory w, uint256 nonce, bytes memory signature) internal view {
        if (Ecdsa.recover(hashExecutorWithdrawal(w, msg.sender, nonce), signature) != executor) {
            revert BadExecutorSignature();
        }
    }
}
