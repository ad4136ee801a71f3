import type { VerifiedIdentity } from "../auth/verify-user-token";
import { AppError } from "../errors";
import type { Settings, WalletSigner } from "../settings/settings";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import { createWallet, type WalletAdminSigner } from "../upstream/crossmint/create-wallet";
import { getWallet } from "../upstream/crossmint/get-wallet";
import { crossmintTransport } from "../upstream/crossmint/wallets-request";
import { partnerCaller } from "../upstream/machines/machines-caller";
import { machinesTransport } from "../upstream/machines/transport";
import type { PartnerUser } from "./partner-user";
import { partnerUserIdFor } from "./partner-user-id";
import { saveUser } from "./users.queries";

export interface LinkUserDeps {
  db: D1Database;
  settings: Settings;
  requestId: string;
}

/** The wallet's admin (recovery) signer for the signer mode: the user's email unless the partner opted into `api-key`. */
function adminSignerFor(signer: WalletSigner, identity: VerifiedIdentity): WalletAdminSigner {
  if (signer === "api-key") return { type: "api-key" };
  if (!identity.email) {
    throw new AppError("wallet_unavailable", "this user has no wallet yet, and the token carries no email to create one with", { status: 409 });
  }
  return { type: "email", email: identity.email };
}

/**
 * First request of a person the Worker has not seen: their wallet address comes from the Crossmint
 * wallets API (created there, idempotently, when they have none yet), never from the browser; then
 * `POST /users/resolve` links the stable partner user id and the wallet at Machines, and the link is
 * stored. Safe to run twice at once: every step is idempotent and the row is upserted.
 */
export async function linkUser(deps: LinkUserDeps, identity: VerifiedIdentity): Promise<PartnerUser> {
  const { settings, requestId } = deps;
  const partnerUserId = await partnerUserIdFor(identity.sub);
  const wallets = crossmintTransport(settings, requestId);
  let wallet = await getWallet(wallets, { userId: identity.sub });
  if (!wallet) {
    wallet = await createWallet(wallets, {
      userId: identity.sub,
      adminSigner: adminSignerFor(settings.crossmint.walletSigner, identity),
      idempotencyKey: `machines-card-wallet-${partnerUserId}`,
    });
  }
  const walletAddress = wallet.address.toLowerCase();
  const partner = partnerCaller(machinesTransport(settings, requestId), settings.machines.partnerKey);
  const resolved = await partner.call(machinesApi.resolveUser, { body: { userId: partnerUserId, walletAddress } });
  const now = new Date().toISOString();
  return saveUser(deps.db, {
    partnerUserId,
    crossmintUserId: identity.sub,
    machinesUserId: resolved.userId,
    walletAddress,
    kycStatus: resolved.kycStatus,
    linkedAt: now,
    lastUsedAt: now,
  });
}
