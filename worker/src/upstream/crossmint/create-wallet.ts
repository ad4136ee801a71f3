import type { WalletSigner } from "../../settings/settings";
import { sendWalletsRequest, WalletUnavailableError, type CrossmintTransport, type CrossmintWallet } from "./wallets-request";

/** Who approves what the wallet signs (Crossmint's `config.adminSigner`). */
export type WalletAdminSigner = { type: Extract<WalletSigner, "api-key"> } | { type: Extract<WalletSigner, "email">; email: string };

export interface CreateWalletParameters {
  /** The Crossmint user id (the JWT's `sub`): the wallet's owner. */
  userId: string;
  /**
   * `api-key` (the default, `CROSSMINT_WALLET_SIGNER`): Crossmint signs for the project when the signed-in
   * user asks through the client SDK, so the widget completes a withdrawal with the user's JWT alone.
   * `email`: Crossmint's non-custodial signer, which asks the user for a one-time code in Crossmint's
   * signer frame on every signature; the widget does not host that prompt yet, so it refuses to sign.
   */
  adminSigner: WalletAdminSigner;
  /** Derived from the user, so retries and racing first requests create one wallet. */
  idempotencyKey: string;
}
export type CreateWalletReturnType = CrossmintWallet;
export type CreateWalletErrorType = WalletUnavailableError;

/** `POST /api/2025-06-09/wallets` with `x-idempotency-key`: the user's EVM smart wallet, owned by `userId:<id>`. */
export async function createWallet(t: CrossmintTransport, p: CreateWalletParameters): Promise<CreateWalletReturnType> {
  const wallet = await sendWalletsRequest(t, {
    method: "POST",
    path: "",
    idempotencyKey: p.idempotencyKey,
    body: {
      chainType: "evm",
      type: "smart",
      owner: `userId:${p.userId}`,
      config: { adminSigner: p.adminSigner },
    },
  });
  if (!wallet) throw new WalletUnavailableError("the wallet was not created");
  return wallet;
}
