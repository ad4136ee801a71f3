// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the controller (v1) and the coordinator (v2) need from a user's collateral.
interface ICollateralProxy {
    function isAdmin(address account) external view returns (bool);
    function adminNonce() external view returns (uint256);
    /// @dev Only the registered withdrawers may call it; bumps adminNonce, then pays out.
    function release(address asset, uint256 amount, address recipient) external;
}
