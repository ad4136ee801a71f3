/** `isAdmin(address)` */
export const COLLATERAL_IS_ADMIN_SELECTOR = "0x24d7806c";
/** `adminNonce()` */
export const COLLATERAL_ADMIN_NONCE_SELECTOR = "0x4ab3be98";

/**
 * The user's collateral proxy, read-only. Never send a withdrawal here: it goes to `execution.callTarget`.
 * `isAdmin` is the preflight check that the sending wallet may withdraw; `adminNonce` goes into the
 * v2 admin signature and must be read just before signing.
 */
export const collateralAbi = [
  {
    type: "function",
    name: "isAdmin",
    stateMutability: "view",
    inputs: [{ name: "account", type: "address" }],
    outputs: [{ name: "", type: "bool" }],
  },
  {
    type: "function",
    name: "adminNonce",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "uint256" }],
  },
] as const;
