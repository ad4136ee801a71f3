// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ecdsa} from "./Ecdsa.sol";
import {IERC1271} from "../interfaces/IERC1271.sol";

/// @notice "Is this a valid signature by `signer` right now?" for both kinds of account:
///         ECDSA when `signer` has no code (an EOA), ERC-1271 when it is a contract (a smart wallet).
library SignatureChecker {
    function isValidSignatureNow(address signer, bytes32 digest, bytes memory signature)
        internal
        view
        returns (bool)
    {
        if (signer == address(0)) return false;
        if (signer.code.length == 0) return Ecdsa.recover(digest, signature) == signer;
        (bool ok, bytes memory result) =
            signer.staticcall(abi.encodeCall(IERC1271.isValidSignature, (digest, signature)));
        return ok && result.length >= 32 && abi.decode(result, (bytes32)) == bytes32(IERC1271.isValidSignature.selector);
    }
}
