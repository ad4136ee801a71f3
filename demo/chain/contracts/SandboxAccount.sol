// SPDX-License-Identifier: GPL-3.0
pragma solidity ^0.8.24;

import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {SimpleAccount} from "@account-abstraction/contracts/samples/SimpleAccount.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title Sandbox smart account: the ERC-4337 reference SimpleAccount (v0.7) with ERC-1271
/// @notice The sandbox's stand-in for a Crossmint smart wallet. The reference account validates user
///         operations but cannot approve signatures (it has no `isValidSignature`); Crossmint's wallets
///         support ERC-1271, and the v2 coordinator checks a smart-account admin that way.
/// @dev [sandbox choice] The ERC-1271 format: the owner's 65-byte ECDSA signature over the hash itself
///      (no wrapping), the simplest form; production wallets wrap it (e.g. ERC-7739) to stop one owner's
///      signature being valid for all of that owner's accounts.
contract SandboxAccount is SimpleAccount {
    bytes4 private constant ERC1271_VALID = 0x1626ba7e;
    bytes4 private constant ERC1271_INVALID = 0xffffffff;

    constructor(IEntryPoint anEntryPoint) SimpleAccount(anEntryPoint) {}

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError failure,) = ECDSA.tryRecover(hash, signature);
        bool valid = failure == ECDSA.RecoverError.NoError && signer == owner;
        return valid ? ERC1271_VALID : ERC1271_INVALID;
    }
}
