// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the controller (v1) and the coordinator (v2) need from a user's collateral.
interface ICollateralProxy {
    /// @notice Rain's public collateral interface: may `account` withdraw from this collateral?
    function isAdmin(address account) external view returns (bool);
    /// @notice v1 (Rain's public interface): pays `amount` of `asset` to `recipient`; only the controller may call it.
    function withdrawAsset(address asset, address recipient, uint256 amount) external;
    /// @notice v2: the nonce the admin's own signature commits to; moves on with every v2 release.
    function adminNonce() external view returns (uint256);
    /// @dev v2 [sandbox choice]: only the coordinator may call it; bumps adminNonce, then pays out.
    function release(address asset, uint256 amount, address recipient) external;
}
