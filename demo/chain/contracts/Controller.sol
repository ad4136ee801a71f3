// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICollateralProxy} from "./interfaces/ICollateralProxy.sol";
import {Ecdsa} from "./lib/Ecdsa.sol";

/// @title Controller (v1), written from the public facts of Rain's v1 collateral controller
/// @notice A collateral admin withdraws with the controller admin's (Rain's executor's) signature alone.
///         Interface, EIP-712 domain and message, per-collateral nonce, the order of the checks, their
///         revert strings and the events follow evm-withdrawals.md section 7; nothing here is invented
///         except where marked [sandbox choice].
contract Controller {
    string public constant EIP712_DOMAIN_NAME = "Rain Collateral";
    string public constant EIP712_DOMAIN_VERSION = "1";

    bytes32 public constant EIP712_DOMAIN_TYPE_HASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)");
    /// @dev The type strings say `uint`, not `uint256`, exactly as Rain's public constants do, so the hash is
    ///      of that literal string (an EIP-712 library given `uint256` computes a different digest).
    bytes32 public constant WITHDRAW_TYPE_HASH = keccak256(
        "Withdraw(address user,address collateral,address asset,uint amount,address recipient,uint nonce,uint expiresAt)"
    );
    bytes32 public constant PAY_TYPE_HASH =
        keccak256("Pay(address user,address collateral,address[] assets,uint[] amounts,uint nonce,uint expiresAt)");

    address public owner;
    /// The key whose signature authorises withdrawals and payments (Rain's executor publisher).
    address public controllerAdmin;
    /// Where payments and liquidations send assets.
    address public treasury;
    /// One counter per collateral proxy, moved on by every valid signature (withdrawals and payments alike).
    mapping(address collateralProxy => uint256) public nonce;

    /// The signed withdrawal, kept together to stay within the EVM stack.
    struct WithdrawMessage {
        address user;
        address collateral;
        address asset;
        uint256 amount;
        address recipient;
        uint256 nonce;
        uint256 expiresAt;
    }

    event Withdrawal(address indexed _collateralProxy, address _asset, uint256 _amount);
    event Payment(address indexed _collateralProxy, address[] _assets, uint256[] _amounts);
    event Liquidation(address indexed _collateralProxy, address[] _assets, uint256[] _amounts);

    modifier onlyOwner() {
        require(msg.sender == owner, "Ownable: caller is not the owner");
        _;
    }

    constructor(address controllerAdmin_, address treasury_, address owner_) {
        controllerAdmin = controllerAdmin_;
        treasury = treasury_;
        owner = owner_;
    }

    /// @notice Selector 0xe167d26a. Arguments are the API's `parameters[0..6]` in order.
    /// @dev Checks in Rain's order: the sender is an admin of the collateral, the signature has not
    ///      expired (strictly before `_expiresAt`), the controller admin signed this withdrawal for this
    ///      sender at the collateral's current nonce with `_salt` as the domain salt.
    function withdrawAsset(
        address _collateralProxy,
        address _asset,
        uint256 _amount,
        address _recipient,
        uint256 _expiresAt,
        bytes32 _salt,
        bytes calldata _signature
    ) external {
        require(ICollateralProxy(_collateralProxy).isAdmin(msg.sender), "Unauthorized");
        require(block.timestamp < _expiresAt, "Expired signature");
        WithdrawMessage memory message =
            WithdrawMessage(msg.sender, _collateralProxy, _asset, _amount, _recipient, nonce[_collateralProxy], _expiresAt);
        _useSignature(_collateralProxy, _withdrawStructHash(message), _salt, _signature);

        ICollateralProxy(_collateralProxy).withdrawAsset(_asset, _recipient, _amount);
        emit Withdrawal(_collateralProxy, _asset, _amount);
    }

    /// @notice Pays the treasury from a collateral with the controller admin's signature (any sender).
    function makePayment(
        address _collateralProxy,
        address[] calldata _assets,
        uint256[] calldata _amounts,
        uint256 _expiresAt,
        bytes32 _salt,
        bytes calldata _signature
    ) external {
        require(block.timestamp < _expiresAt, "Expired signature");
        require(_assets.length == _amounts.length, "Invalid Params");
        _useSignature(_collateralProxy, _payStructHash(_collateralProxy, _assets, _amounts, _expiresAt), _salt, _signature);
        _toTreasury(_collateralProxy, _assets, _amounts);
        emit Payment(_collateralProxy, _assets, _amounts);
    }

    /// @notice The controller admin moves collateral to the treasury without a signature.
    function liquidateAsset(address _collateralProxy, address[] calldata _assets, uint256[] calldata _amounts) external {
        require(msg.sender == controllerAdmin, "Not controller admin");
        require(_assets.length == _amounts.length, "Invalid Params");
        _toTreasury(_collateralProxy, _assets, _amounts);
        emit Liquidation(_collateralProxy, _assets, _amounts);
    }

    /// @notice Invalidates every signature issued for the collateral's current nonce.
    function increaseNonce(address _collateralProxy) external onlyOwner {
        nonce[_collateralProxy] += 1;
    }

    function updateControllerAdmin(address _controllerAdmin) external onlyOwner {
        require(_controllerAdmin != address(0), "Zero Address");
        controllerAdmin = _controllerAdmin;
    }

    function updateTreasury(address _treasury) external onlyOwner {
        require(_treasury != address(0), "Zero Address");
        treasury = _treasury;
    }

    /// @dev The domain carries the salt, so each signature has its own separator; a valid signature
    ///      moves the collateral's nonce on, so it can never be used twice.
    function _useSignature(address collateralProxy, bytes32 structHash, bytes32 salt, bytes calldata signature) private {
        bytes32 domainSeparator = keccak256(
            abi.encode(
                EIP712_DOMAIN_TYPE_HASH,
                keccak256(bytes(EIP712_DOMAIN_NAME)),
                keccak256(bytes(EIP712_DOMAIN_VERSION)),
                block.chainid,
                address(this),
                salt
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
        address signer = Ecdsa.recover(digest, signature);
        require(signer != address(0) && signer == controllerAdmin, "Invalid signature");
        nonce[collateralProxy] += 1;
    }

    function _withdrawStructHash(WithdrawMessage memory m) private pure returns (bytes32) {
        return keccak256(
            abi.encode(WITHDRAW_TYPE_HASH, m.user, m.collateral, m.asset, m.amount, m.recipient, m.nonce, m.expiresAt)
        );
    }

    /// @dev EIP-712 hashes an array as keccak256 of its 32-byte-padded items, which is what encodePacked gives for arrays.
    function _payStructHash(address collateralProxy, address[] calldata assets, uint256[] calldata amounts, uint256 expiresAt)
        private
        view
        returns (bytes32)
    {
        bytes32 assetsHash = keccak256(abi.encodePacked(assets));
        bytes32 amountsHash = keccak256(abi.encodePacked(amounts));
        return keccak256(
            abi.encode(PAY_TYPE_HASH, msg.sender, collateralProxy, assetsHash, amountsHash, nonce[collateralProxy], expiresAt)
        );
    }

    function _toTreasury(address collateralProxy, address[] calldata assets, uint256[] calldata amounts) private {
        for (uint256 i = 0; i < assets.length; i++) {
            ICollateralProxy(collateralProxy).withdrawAsset(assets[i], treasury, amounts[i]);
        }
    }
}
