// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "../interfaces/IERC20.sol";

/// @notice ERC-20 transfer that also accepts tokens returning nothing, and fails loudly otherwise.
library TokenTransfer {
    error TokenTransferFailed();

    function send(address token, address to, uint256 amount) internal {
        (bool ok, bytes memory result) = token.call(abi.encodeCall(IERC20.transfer, (to, amount)));
        if (!ok || (result.length != 0 && !abi.decode(result, (bool))) || (result.length == 0 && token.code.length == 0)) {
            revert TokenTransferFailed();
        }
    }
}
