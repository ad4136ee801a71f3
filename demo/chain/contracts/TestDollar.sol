// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "./interfaces/IERC20.sol";

/// @title Test Dollar (rUSD)
/// @notice The sandbox's stand-in for a 6-decimal dollar stablecoin. The minter (the sandbox deployer,
///         which runs the faucet control) mints any amount to anyone; anyone mints up to $100 a call to
///         themselves through `mint(uint256)`, the public faucet Rain's rUSD on Base Sepolia has.
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
    error AboveFaucetLimit(uint256 dollars);
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

    /// @notice rUSD's public faucet (Base Sepolia): whole dollars, at most 100 a call, to the caller.
    function mint(uint256 _amountDollars_Max100) external {
        if (_amountDollars_Max100 > 100) revert AboveFaucetLimit(_amountDollars_Max100);
        uint256 amount = _amountDollars_Max100 * 10 ** decimals;
        totalSupply += amount;
        unchecked {
            balances[msg.sender] += amount; // cannot overflow: bounded by totalSupply
        }
        emit Transfer(address(0), msg.sender, amount);
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
