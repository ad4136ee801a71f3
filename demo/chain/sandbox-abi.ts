/**
 * The sandbox-operator side of the contracts (faucet, provisioning, admin management): used by
 * `sandbox-chain.ts` only. The public surface the Worker and widget use is in `shared/abi/`.
 * Checked against the compiled artifacts by `abi.test.ts`.
 */
export const testDollarMintAbi = [
  {
    type: "function",
    name: "mint",
    stateMutability: "nonpayable",
    inputs: [
      { name: "to", type: "address" },
      { name: "amount", type: "uint256" },
    ],
    outputs: [],
  },
  { type: "error", name: "NotMinter", inputs: [] },
] as const;

export const collateralFactoryAbi = [
  {
    type: "function",
    name: "createCollateral",
    stateMutability: "nonpayable",
    inputs: [
      { name: "admin", type: "address" },
      { name: "version", type: "uint8" },
    ],
    outputs: [{ name: "collateral", type: "address" }],
  },
  {
    type: "event",
    name: "CollateralCreated",
    anonymous: false,
    inputs: [
      { name: "collateral", type: "address", indexed: true },
      { name: "admin", type: "address", indexed: true },
      { name: "version", type: "uint8", indexed: false },
    ],
  },
  { type: "error", name: "NotOwner", inputs: [] },
  { type: "error", name: "UnsupportedVersion", inputs: [] },
] as const;

export const collateralAdminsAbi = [
  {
    type: "function",
    name: "addAdmin",
    stateMutability: "nonpayable",
    inputs: [{ name: "admin", type: "address" }],
    outputs: [],
  },
  {
    type: "function",
    name: "removeAdmin",
    stateMutability: "nonpayable",
    inputs: [{ name: "admin", type: "address" }],
    outputs: [],
  },
  { type: "error", name: "NotOwner", inputs: [] },
  { type: "error", name: "ZeroAddress", inputs: [] },
] as const;
