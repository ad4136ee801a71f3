import type { WalletChain } from "@machines-card/contract/machines";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines";
import { isoAt, type SimulatorContext } from "../context";
import { machinesError } from "../errors";
import type { UserRecord } from "../state/records";
import { addCollateralAdmin, primaryEvmWallet, tryEnsureCollateral } from "./collateral";

const SOLANA_ADDRESS_PATTERN = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export interface LinkUserParameters {
  userId: string;
  wallet: { chain: WalletChain; address: string };
  label?: string;
  /** The body field the wallet came from, for error messages. */
  walletField: string;
}

/**
 * Finds or creates the user and links the wallet (used by `/users/resolve` and, because the quickstart
 * mints a session before resolving, by `/sessions` too). A different wallet for an existing user is
 * linked as an extra wallet and becomes the one replies report [sandbox choice]. New EVM users get their
 * collateral contract here.
 */
export async function linkUser(ctx: SimulatorContext, p: LinkUserParameters): Promise<UserRecord> {
  const pattern = p.wallet.chain === "evm" ? EVM_ADDRESS_PATTERN : SOLANA_ADDRESS_PATTERN;
  if (!pattern.test(p.wallet.address)) {
    throw machinesError(400, "wallet_invalid_for_chain", `not a valid ${p.wallet.chain} address`, p.walletField);
  }
  const address = p.wallet.chain === "evm" ? p.wallet.address.toLowerCase() : p.wallet.address;
  const nowIso = isoAt(ctx.now());

  const user =
    ctx.store.user(p.userId) ??
    ctx.store.putUser({
      userId: p.userId,
      createdAt: nowIso,
      wallets: [],
      kyc: { status: "not_submitted", reason: null, submittedAt: null, updatedAt: null, email: null, firstName: null, lastName: null },
      agreementsAcceptedAt: null,
      collateral: null,
      creditLimitCents: 0,
      missingContractServed: false,
    });

  const index = user.wallets.findIndex((wallet) => wallet.chain === p.wallet.chain && wallet.address === address);
  const known = index >= 0 ? user.wallets.splice(index, 1)[0]! : undefined;
  user.wallets.push({ chain: p.wallet.chain, address, label: p.label ?? known?.label ?? null, linkedAt: known?.linkedAt ?? nowIso });

  if (p.wallet.chain === "evm") {
    if (user.collateral) {
      try {
        await addCollateralAdmin(ctx, user, address);
      } catch (error) {
        ctx.log.warn("could not add the wallet as collateral admin", { userId: user.userId, error: String(error) });
      }
    } else {
      await tryEnsureCollateral(ctx, user);
    }
  }
  return user;
}

/** The wallet replies report: the latest linked one. */
export function replyWallet(user: UserRecord): { chain: WalletChain; address: string } | null {
  const wallet = user.wallets.at(-1);
  return wallet ? { chain: wallet.chain, address: wallet.address } : null;
}

export { primaryEvmWallet };
