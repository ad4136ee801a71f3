import type { WalletSigner } from "../../settings/settings";
import { sendWalletsRequest, WalletUnavailableError, type CrossmintTransport, type CrossmintWallet } from "./wallets-request";

/**
 * Crossmint's `config.adminSigner`: the recovery signer (wallets SDK 1.x `recovery`). In `device` and
 * `passkey` modes it is the user's email; the device key or passkey is added later from the browser as a
 * delegated signer, since only the browser holds it.
 */
export type WalletAdminSigner = { type: Extract<WalletSigner, "api-key"> } | { type: "email"; email: string };

export interface CreateWalletParameters {
  /** The Crossmint user id (the JWT's `sub`): the wallet's owner. */
  userId: string;
  /**
   * `email` (every mode but `api-key`): Crossmint's non-custodial signer; a signature needs the one-time
   * code Crossmint emails the user, which the widget's approval prompt asks for. `api-key`: Crossmint
   * signs for the project whenever the signed-in user's JWT asks (custodial, deprecated, opt-in only).
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
