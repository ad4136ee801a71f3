// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICollateralProxy} from "./interfaces/ICollateralProxy.sol";
import {IERC20} from "./interfaces/IERC20.sol";
import {TokenTransfer} from "./lib/TokenTransfer.sol";

/// @title Collateral proxy (one per user)
/// @notice Holds the user's test dollars (its address is the deposit address) and knows who may
///         withdraw them: admins send the transaction, but only the controller (v1, through Rain's
///         public `withdrawAsset(asset, recipient, amount)`) or the coordinator (v2, through `release`)
///         can move funds, after checking the signatures.
/// @dev [sandbox choice] The proxy is told its controller and coordinator when it is created (Rain's
///      collateral asks its factory; that wiring is not part of the public interface). Withdrawals go
///      to the controller or coordinator, never here: any other call reverts NotCallTarget.
contract CollateralProxy is ICollateralProxy {
    address public immutable owner;
    address public controller;
    address public coordinator;
    /// Bumped by every v2 release, so each admin signature (which commits to it) works once.
    uint256 public adminNonce;
    mapping(address account => bool) private admins;

    event AdminAdded(address indexed admin);
    event AdminRemoved(address indexed admin);
    event WithdrawersSet(address controller, address coordinator);

    error NotOwner();
    error NotWithdrawer();
    error InsufficientBalance();
    error NotCallTarget();
    error ZeroAddress();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    constructor(address owner_, address firstAdmin, address controller_, address coordinator_) {
        if (owner_ == address(0)) revert ZeroAddress();
        owner = owner_;
        _addAdmin(firstAdmin);
        _setWithdrawers(controller_, coordinator_);
    }

    function isAdmin(address account) external view returns (bool) {
        return admins[account];
    }

    function addAdmin(address admin) external onlyOwner {
        _addAdmin(admin);
    }

    function removeAdmin(address admin) external onlyOwner {
        admins[admin] = false;
        emit AdminRemoved(admin);
    }

    /// @notice Zero disables a path (a v1 collateral has no coordinator, a v2 one no controller).
    function setWithdrawers(address controller_, address coordinator_) external onlyOwner {
        _setWithdrawers(controller_, coordinator_);
    }

    /// @notice v1: the controller pays out after checking the executor's signature.
    function withdrawAsset(address asset, address recipient, uint256 amount) external {
        if (msg.sender != controller || controller == address(0)) revert NotWithdrawer();
        _pay(asset, recipient, amount);
    }

    /// @notice v2 [sandbox choice]: the coordinator pays out; every release moves adminNonce on.
    function release(address asset, uint256 amount, address recipient) external {
        if (msg.sender != coordinator || coordinator == address(0)) revert NotWithdrawer();
        ++adminNonce;
        _pay(asset, recipient, amount);
    }

    fallback() external {
        revert NotCallTarget();
    }

    function _pay(address asset, address recipient, uint256 amount) private {
        if (recipient == address(0)) revert ZeroAddress();
        if (IERC20(asset).balanceOf(address(this)) < amount) revert InsufficientBalance();
        TokenTransfer.send(asset, recipient, amount);
    }

    function _addAdmin(address admin) private {
        if (admin == address(0)) revert ZeroAddress();
        admins[admin] = true;
        emit AdminAdded(admin);
    }

    function _setWithdrawers(address controller_, address coordinator_) private {
        controller = controller_;
        coordinator = coordinator_;
        emit WithdrawersSet(controller_, coordinator_);
    }
}
