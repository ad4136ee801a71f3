// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice ERC-1271: contracts that can approve signatures (smart accounts).
interface IERC1271 {
    /// @return magicValue 0x1626ba7e when `signature` is valid for `hash`.
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4 magicValue);
}
