import { sendWalletsRequest, type CrossmintTransport, type CrossmintWallet, type WalletUnavailableError } from "./wallets-request";

export interface GetWalletParameters {
  /** The Crossmint user id (the JWT's `sub`). */
  userId: string;
}
export type GetWalletReturnType = CrossmintWallet | null;
export type GetWalletErrorType = WalletUnavailableError;

/** `GET /api/2025-06-09/wallets/userId:<id>:evm:smart`: the user's EVM smart wallet, or null when none exists yet. */
export function getWallet(t: CrossmintTransport, p: GetWalletParameters): Promise<GetWalletReturnType> {
  return sendWalletsRequest(t, { method: "GET", path: `/userId:${encodeURIComponent(p.userId)}:evm:smart` });
}
