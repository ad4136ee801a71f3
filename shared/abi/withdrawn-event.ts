/**
 * Emitted by the controller (v1) and the coordinator (v2) for every executed withdrawal. The
 * executor salt (parameters[5]) is indexed so a withdrawal can be reconciled from its salt alone.
 */
export const withdrawnEventAbi = [
  {
    type: "event",
    name: "Withdrawn",
    anonymous: false,
    inputs: [
      { name: "collateral", type: "address", indexed: true },
      { name: "asset", type: "address", indexed: false },
      { name: "amount", type: "uint256", indexed: false },
      { name: "recipient", type: "address", indexed: true },
      { name: "executorSalt", type: "bytes32", indexed: true },
    ],
  },
] as const;
