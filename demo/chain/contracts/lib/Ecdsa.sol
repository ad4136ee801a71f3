// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Recovers the signer of a 65-byte r||s||v secp256k1 signature.
/// @dev Rejects high-s values (EIP-2) so a signature cannot be replayed in its malleated form,
///      and any v other than 27/28. Returns address(0) instead of reverting so callers pick the error.
library Ecdsa {
    /// secp256k1n / 2
    uint256 private constant HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    function recover(bytes32 digest, bytes memory signature) internal pure returns (address) {
        if (signature.length != 65) return address(0);
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly ("memory-safe") {
            r := mload(add(signature, 0x20))
            s := mload(add(signature, 0x40))
            v := byte(0, mload(add(signature, 0x60)))
        }
        if (uint256(s) > HALF_ORDER) return address(0);
        if (v != 27 && v != 28) return address(0);
        return ecrecover(digest, v, r, s);
    }
}
