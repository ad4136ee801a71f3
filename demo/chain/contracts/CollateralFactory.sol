// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CollateralProxy} from "./CollateralProxy.sol";

/// @title Collateral factory (sandbox)
/// @notice Provisions one collateral proxy per user in a single transaction, wired to the v1
///         controller or the v2 coordinator, so provisioning needs no bytecode on the caller's side.
contract CollateralFactory {
    address public immutable owner;
    address public immutable controller;
    address public immutable coordinator;

    event CollateralCreated(address indexed collateral, address indexed admin, uint8 version);

    error NotOwner();
    error UnsupportedVersion();

    constructor(address owner_, address controller_, address coordinator_) {
        owner = owner_;
        controller = controller_;
        coordinator = coordinator_;
    }

    /// @notice The proxy is owned by this factory's owner (who can add admins later).
    function createCollateral(address admin, uint8 version) external returns (address collateral) {
        if (msg.sender != owner) revert NotOwner();
        if (version == 1) {
            collateral = address(new CollateralProxy(owner, admin, controller, address(0)));
        } else if (version == 2) {
            collateral = address(new CollateralProxy(owner, admin, address(0), coordinator));
        } else {
            revert UnsupportedVersion();
        }
        emit CollateralCreated(collateral, admin, version);
    }
}
