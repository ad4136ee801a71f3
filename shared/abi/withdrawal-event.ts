/**
 * `Withdrawal(address indexed _collateralProxy, address _asset, uint256 _amount)`: emitted by Rain's
 * public v1 controller for every executed withdrawal (evm-withdrawals.md section 7). It names neither
 * the recipient nor the executor salt: the recipient is in the token's `Transfer`, the salt only in the
 * transaction's calldata. The v2 coordinator's events are not public, so nothing may rely on them.
 */
export const withdrawalEventAbi = [
  {
    type: "event",
    name: "Withdrawal",
    anonymous: false,
    inputs: [
      { name: "_collateralProxy", type: "address", indexed: true },
      { name: "_asset", type: "address", indexed: false },
      { name: "_amount", type: "uint256", indexed: false },
    ],
  },
] as const;
