// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "./interfaces/IERC20.sol";

/// @title Test Dollar (rUSD)
/// @notice The sandbox's stand-in for a 6-decimal dollar stablecoin. Only the minter (the sandbox
///         deployer, which runs the faucet) creates tokens.
contract TestDollar is IERC20 {
    string public constant name = "Test Dollar";
    string public constant symbol = "rUSD";
    uint8 public constant decimals = 6;

    address public immutable minter;
    uint256 public totalSupply;
    mapping(address account => uint256) private balances;
    mapping(address owner => mapping(address spender => uint256)) private allowances;

    error NotMinter();
    error ZeroAddress();
    error TransferExceedsBalance(uint256 balance, uint256 needed);
    error TransferExceedsAllowance(uint256 allowance, uint256 needed);

    constructor(address minter_) {
        if (minter_ == address(0)) revert ZeroAddress();
        minter = minter_;
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return allowances[owner][spender];
    }

    function mint(address to, uint256 amount) external {
        if (msg.sender != minter) revert NotMinter();
        if (to == address(0)) revert ZeroAddress();
        totalSupply += amount;
        unchecked {
            balances[to] += amount; // cannot overflow: bounded by totalSupply
        }
        emit Transfer(address(0), to, amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        if (spender == address(0)) revert ZeroAddress();
        allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) revert TransferExceedsAllowance(allowed, amount);
            unchecked {
                allowances[from][msg.sender] = allowed - amount;
            }
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) private {
        if (to == address(0)) revert ZeroAddress();
        uint256 balance = balances[from];
        if (balance < amount) revert TransferExceedsBalance(balance, amount);
        unchecked {
            balances[from] = balance - amount;
            balances[to] += amount;
        }
        emit Transfer(from, to, amount);
    }
}
