// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICollateralProxy} from "./interfaces/ICollateralProxy.sol";
import {WithdrawalGate} from "./lib/WithdrawalGate.sol";

/// @title Controller (Rain-style v1)
/// @notice A collateral admin withdraws with the executor's signature alone; no admin signature.
contract Controller is WithdrawalGate {
    constructor(address executor_) WithdrawalGate(executor_, "Controller", "1") {}

    /// @notice Selector 0xe167d26a. Arguments are the API's `parameters[0..6]` in order.
    function withdrawAsset(
        address _collateralProxy,
        address _asset,
        uint256 _amount,
        address _recipient,
        uint256 _expiresAt,
        bytes32 _salt,
        bytes calldata _signature
    ) external {
        Withdrawal memory w = Withdrawal(_collateralProxy, _asset, _amount, _recipient, _expiresAt, _salt);
        _requireFresh(w);
        ICollateralProxy collateral = ICollateralProxy(_collateralProxy);
        if (!collateral.isAdmin(msg.sender)) revert NotAdmin();
        _requireExecutorSignature(w, collateral.adminNonce(), _signature);

        usedSalts[_salt] = true;
        collateral.release(_asset, _amount, _recipient);
        emit Withdrawn(_collateralProxy, _asset, _amount, _recipient, _salt);
    }
}
