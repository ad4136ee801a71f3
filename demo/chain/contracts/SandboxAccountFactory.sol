// SPDX-License-Identifier: GPL-3.0
pragma solidity ^0.8.24;

import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {SimpleAccount} from "@account-abstraction/contracts/samples/SimpleAccount.sol";
import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";
import {SandboxAccount} from "./SandboxAccount.sol";

/// @title Sandbox account factory
/// @notice The reference SimpleAccountFactory's interface (`createAccount(owner, salt)`, `getAddress(owner,
///         salt)`) for `SandboxAccount`: each account is an ERC-1967 proxy created with CREATE2, so its
///         address is known before it exists (counterfactual) and its first user operation deploys it
///         (the factory call is the operation's initCode).
contract SandboxAccountFactory {
    SandboxAccount public immutable accountImplementation;

    constructor(IEntryPoint entryPoint) {
        accountImplementation = new SandboxAccount(entryPoint);
    }

    /// @notice Deploys the account, or returns it when it exists (so the EntryPoint can always ask).
    function createAccount(address owner, uint256 salt) external returns (SandboxAccount account) {
        address predicted = getAddress(owner, salt);
        if (predicted.code.length > 0) return SandboxAccount(payable(predicted));
        account = SandboxAccount(payable(new ERC1967Proxy{salt: bytes32(salt)}(address(accountImplementation), _initialization(owner))));
    }

    function getAddress(address owner, uint256 salt) public view returns (address) {
        bytes memory proxyInit =
            abi.encodePacked(type(ERC1967Proxy).creationCode, abi.encode(address(accountImplementation), _initialization(owner)));
        return Create2.computeAddress(bytes32(salt), keccak256(proxyInit));
    }

    function _initialization(address owner) private pure returns (bytes memory) {
        return abi.encodeCall(SimpleAccount.initialize, (owner));
    }
}
