// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1271} from "./interfaces/IERC1271.sol";
import {Ecdsa} from "./lib/Ecdsa.sol";

/// @title Minimal smart account (test only)
/// @notice Stands in for a smart wallet acting as collateral admin: it approves digests its owner
///         signed (ERC-1271) and forwards the owner's calls, so it is `msg.sender` downstream.
contract Erc1271Wallet is IERC1271 {
    address public immutable owner;

    error NotOwner();

    constructor(address owner_) {
        owner = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        return Ecdsa.recover(hash, signature) == owner ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }

    /// @notice Calls `to` with `data` as this account; bubbles the callee's revert data unchanged.
    function execute(address to, bytes calldata data) external payable returns (bytes memory result) {
        if (msg.sender != owner) revert NotOwner();
        bool ok;
        (ok, result) = to.call{value: msg.value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
    }

    receive() external payable {}
}
