import type { Address, Hex } from "viem";
import type { WithdrawalCreateRequest } from "@machines-card/contract/machines";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { bytesToHex, canonicalJson, ids, randomBytes } from "../crypto/encoding";
import { chainUnavailable, insufficientCollateral, invalidRequest } from "../errors";
import type { CollateralRecord, UserRecord, WithdrawalRecord } from "../state/records";
import { sourceToken, unitsPerCent, type WithdrawalDestination } from "./assets";
import { collateralBalance, isCollateralAdmin, primaryEvmWallet } from "./collateral";

/** How long a `ready` signature stays valid (evm-withdrawals.md §8). */
export const SIGNATURE_TTL_SECONDS = 600;

/** `adminAddress` defaults to the user's linked EVM wallet and must be an admin of their collateral. */
export async function resolveAdminAddress(
  ctx: SimulatorContext,
  user: UserRecord,
  collateral: CollateralRecord,
  requested: string | undefined,
): Promise<string> {
  const admin = (requested ?? primaryEvmWallet(user)?.address)?.toLowerCase();
  if (!admin) throw invalidRequest("missing wallet: link an EVM wallet or send adminAddress", "adminAddress");
  if (!EVM_ADDRESS_PATTERN.test(admin)) throw invalidRequest("adminAddress must be an EVM address", "adminAddress");
  let isAdmin: boolean;
  try {
    isAdmin = await isCollateralAdmin(ctx, collateral, admin);
  } catch (error) {
    throw chainUnavailable(`could not read the collateral's admins: ${String(error)}`);
  }
  if (!isAdmin) throw invalidRequest("adminAddress is not an admin of the user's collateral", "adminAddress");
  return admin;
}

/**
 * (user, amount, source, destination, admin). The source is left out: the sandbox has one source, already
 * checked, and the old and new body shapes spell it differently.
 */
export function withdrawalFingerprint(userId: string, request: WithdrawalCreateRequest, adminAddress: string): string {
  return canonicalJson({
    userId,
    amountCents: request.amountCents,
    destination: { ...request.destination, address: request.destination.address.toLowerCase() },
    adminAddress,
  });
}

/** Not yet executed, not overtaken by another withdrawal of the same collateral, and not expired. */
export function isOpenWithdrawal(ctx: SimulatorContext, record: WithdrawalRecord): boolean {
  if (record.executedTxHash || record.supersededAtMs !== null) return false;
  return !record.signed || record.signed.expiresAt * 1000 > ctx.now();
}

export function findOpenWithdrawal(ctx: SimulatorContext, userId: string, fingerprint: string): WithdrawalRecord | undefined {
  return ctx.store.withdrawals(userId).find((record) => record.fingerprint === fingerprint && isOpenWithdrawal(ctx, record));
}

export interface NewWithdrawal {
  user: UserRecord;
  collateral: CollateralRecord;
  request: WithdrawalCreateRequest;
  adminAddress: string;
  fingerprint: string;
  destination: WithdrawalDestination;
}

/** Records a new `pending` withdrawal once the collateral covers the amount (else 422). */
export async function createWithdrawal(ctx: SimulatorContext, p: NewWithdrawal): Promise<WithdrawalRecord> {
  const needed = BigInt(p.request.amountCents) * unitsPerCent(ctx);
  let balance: bigint;
  try {
    balance = await collateralBalance(ctx, p.user, p.collateral);
  } catch (error) {
    throw chainUnavailable(`could not read the collateral balance: ${String(error)}`);
  }
  if (balance < needed) {
    throw insufficientCollateral(`Collateral balance ${balance} is lower than requested amount ${needed}`);
  }
  const id = ids.prefixed("wd");
  const relay = p.destination.relayed
    ? {
        changeNowId: bytesToHex(randomBytes(7)),
        payinAddress: `0x${bytesToHex((await ctx.secrets.derive("relay-payin", id)).slice(0, 20))}`,
        payoutAddress: p.request.destination.address,
        payoutExtraId: p.request.destination.extraId ?? null,
        toCurrency: p.destination.currency,
        toNetwork: p.destination.network,
      }
    : null;
  const now = ctx.now();
  return ctx.store.putWithdrawal({
    id,
    userId: p.user.userId,
    request: p.request,
    adminAddress: p.adminAddress,
    fingerprint: p.fingerprint,
    createdAtMs: now,
    readyAtMs: now + ctx.settings.withdrawalReadyAfterSeconds * 1000,
    collateral: p.collateral,
    relay,
    signed: null,
    executedTxHash: null,
    supersededAtMs: null,
  });
}

/**
 * Once the pending interval has passed, builds and signs the executor payload (evm-withdrawals.md §8):
 * amount = cents × 10^(decimals−2), recipient = destination (or relay pay-in), expiry now + 600 s,
 * a fresh 32-byte salt, the nonce the call target checks (v1: the controller's `nonce(collateral)`, as Rain's
 * public controller keeps it; v2: the collateral's `adminNonce()`), and the sandbox executor's signature.
 */
export async function advanceWithdrawal(ctx: SimulatorContext, record: WithdrawalRecord): Promise<void> {
  if (record.signed || ctx.now() < record.readyAtMs) return;
  await ctx.singleFlight.run(`sign:${record.id}`, async () => {
    if (record.signed) return;
    const token = sourceToken(ctx);
    const amount = BigInt(record.request.amountCents) * unitsPerCent(ctx);
    const recipient = record.relay?.payinAddress ?? record.request.destination.address;
    const expiresAt = Math.floor(ctx.now() / 1000) + SIGNATURE_TTL_SECONDS;
    const salt = `0x${bytesToHex(randomBytes(32))}` as Hex;
    const proxy = record.collateral.proxyAddress as Address;
    let nonce = 0n;
    let signature: string;
    try {
      if (ctx.chain) {
        nonce = await ctx.chain.executorNonce({ version: record.collateral.version, collateral: proxy });
        signature = await ctx.chain.signExecutorWithdrawal({
          version: record.collateral.version,
          user: record.adminAddress as Address,
          collateral: proxy,
          asset: token.tokenAddress as Address,
          amount,
          recipient: recipient as Address,
          nonce,
          expiresAt: BigInt(expiresAt),
          salt,
        });
      } else {
        // No chain, no executor key: a well-formed 65-byte placeholder that no contract accepts.
        signature = `0x${bytesToHex(randomBytes(65))}`;
      }
    } catch (error) {
      throw chainUnavailable(`could not sign the withdrawal: ${String(error)}`);
    }
    record.signed = {
      collateralProxy: record.collateral.proxyAddress,
      asset: token.tokenAddress,
      amount: amount.toString(),
      recipient,
      expiresAt,
      salt,
      signature,
      nonce: nonce.toString(),
    };
    ctx.log.info("withdrawal ready", { withdrawalId: record.id, version: record.collateral.version });
  });
}

/**
 * Test dollars left a collateral: the withdrawal they pay is executed; every other signed one of that
 * collateral is bound to a nonce that has now moved on, so it can no longer execute.
 */
export function observeCollateralOutflow(
  ctx: SimulatorContext,
  user: UserRecord,
  p: { to: string; amount: bigint; txHash: string },
): void {
  const to = p.to.toLowerCase();
  const via = [ctx.chain?.coordinatorAddress.toLowerCase()];
  let paid = false;
  for (const record of ctx.store.withdrawals(user.userId)) {
    if (!record.signed || record.executedTxHash || record.supersededAtMs !== null) continue;
    const pays = record.signed.amount === p.amount.toString() && (record.signed.recipient.toLowerCase() === to || via.includes(to));
    if (pays && !paid) {
      record.executedTxHash = p.txHash;
      paid = true;
    } else record.supersededAtMs = ctx.now();
  }
}
