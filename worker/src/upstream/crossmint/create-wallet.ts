import { sendWalletsRequest, WalletUnavailableError, type CrossmintTransport, type CrossmintWallet } from "./wallets-request";

export interface CreateWalletParameters {
  /** The Crossmint user id (the JWT's `sub`): the wallet's owner. */
  userId: string;
  /** The user's email: the wallet's admin signer, as Crossmint's embedded wallets sign with it. */
  email: string;
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
      config: { adminSigner: { type: "email", email: p.email } },
    },
  });
  if (!wallet) throw new WalletUnavailableError("the wallet was not created");
  return wallet;
}
