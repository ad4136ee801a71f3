import { collateralWithdrawTypedData } from "@machines-card/contract/abi/collateral-withdraw-typed-data";
import { crossmintJwt } from "./crossmint-page";

/** The Crossmint wallets API path the SDK uses for the signed-in user's EVM smart wallet. */
export const ME = "/api/2025-06-09/wallets/me:evm:smart";
export const PROJECT = "proj-test-1";
export const ADDRESS = "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c";
export const SIGNATURE = `0x${"12".repeat(65)}`;
export const JWT = crossmintJwt({ sub: "cm-user-1", aud: PROJECT, email: "ada@example.com" });

const typedData = collateralWithdrawTypedData({
  chainId: 84532,
  collateralProxy: "0x1111111111111111111111111111111111111111",
  adminSalt: `0x${"07".repeat(32)}`,
  user: ADDRESS,
  asset: "0x2222222222222222222222222222222222222222",
  amount: 2_500_000n,
  recipient: "0x3333333333333333333333333333333333333333",
  nonce: 4n,
});
/** The v2 withdrawal's EIP-712 message as the Worker hands it to the widget (uint256 values as decimal strings). */
export const WITHDRAW = { ...typedData, message: { ...typedData.message, amount: String(typedData.message.amount), nonce: String(typedData.message.nonce) } };
