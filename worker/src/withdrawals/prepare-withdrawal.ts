import { type Address, bytesToHex, type Hex, isErc6492Signature, parseErc6492Signature } from "viem";
import type { PreparedWithdrawal, WithdrawalTransaction } from "@machines-card/contract/api/withdrawals";
import { readAdminNonce } from "../chain/read-admin-nonce";
import { readIsAdmin } from "../chain/read-is-admin";
import { readLatestBlock } from "../chain/read-latest-block";
import { simulateWithdrawal } from "../chain/simulate-withdrawal";
import { verifyAdminSignature } from "../chain/verify-admin-signature";
import { AppError } from "../errors";
import { adminTypedData, adminTypedDataJson } from "./admin-typed-data";
import { type BindingDeps, bindingRefusal, refusalError } from "./binding/bind-to-request";
import { checkEffects } from "./binding/check-effects";
import type { WithdrawalCallParameters } from "./call-parameters";
import { planWithdrawalCall, type WithdrawalCallPlan } from "./execution";
import { problemError } from "./problem-error";
import { type ReconcileDeps, reconcileWithdrawal } from "./reconcile-withdrawal";
import { simulationError } from "./simulation-error";
import { controllerV1Calldata, coordinatorV2Calldata } from "./withdrawal-calldata";
import type { WithdrawalRecord } from "./withdrawal-record";
import { recordAdminSalt } from "./withdrawal-chain.queries";

/** D1, the chain (`CHAIN_ID`, the chain this Worker reads and reconciles), the clock, and what calls are bound to. */
export type PrepareDeps = ReconcileDeps & Pick<BindingDeps, "bindingTargets">;

/** `{}` for the first call; coordinator_v2's second call brings back the admin salt and the wallet's signature. */
export type PrepareInput = Record<string, never> | { adminSalt: string; adminSignature: string };

/** A signature this close to expiry is not handed out: the wallet could not get it mined in time. */
export const PREPARE_EXPIRY_MARGIN_SECONDS = 15;

/**
 * The call the user's wallet makes for a ready withdrawal, always to `execution.callTarget` from the
 * user's own wallet:
 * - controller_v1: the 7-argument `withdrawAsset` transaction at once;
 * - coordinator_v2, first call: the admin EIP-712 typed data with a fresh admin salt (kept in D1) and
 *   the collateral's current `adminNonce`; second call, with that salt and the wallet's signature:
 *   the signature is verified (ECDSA or ERC-1271) and the 10-argument transaction returned.
 *
 * Before anything is handed out, the withdrawal is checked against the user's request (`binding/`).
 * The final transaction is dry-run as the user's wallet first (for a smart account: the call to the target
 * as the account, not its own `execute` path); one that would revert is refused with the contract's
 * reason instead of being handed out, and one whose token transfers are not exactly the signed amount to
 * the signed recipient is refused (`withdrawal_simulation_mismatch`). A submitted withdrawal whose hash has not executed it can be
 * prepared again.
 *
 * @throws AppError `invalid_state` (not ready, not EVM, not an admin, nonce moved, would revert),
 *   `withdrawal_expired`, `invalid_request` (wrong salt or signature), `insufficient_collateral`,
 *   `chain_unavailable`, `upstream_invalid_response`.
 */
export async function prepareWithdrawal(deps: PrepareDeps, record: WithdrawalRecord, input: PrepareInput): Promise<PreparedWithdrawal> {
  // A submitted hash is a candidate: unless the chain shows it executed, the user may send again. The
  // signature is single-use on chain (v1 nonce, v2 salt and admin nonce), so at most one send can pay.
  if (record.status === "submitted") record = await reconcileWithdrawal(deps, record);
  requireReady(record);
  const parameters = record.parameters!;
  const plan = planWithdrawalCall(record.execution, parameters, deps.chainId);
  if (!plan.ok) throw problemError(plan.problem);
  // Checked when Machines answered; again here for rows kept before the check existed (cached: no RPC).
  const refusal = await bindingRefusal(deps, record, { parameters, execution: record.execution, relay: record.relay });
  if (refusal) throw refusalError(refusal);
  const { callPath, callTarget, chainId } = plan.value;
  const signed = "adminSalt" in input;
  if (callPath === "controller_v1" && signed) {
    throw new AppError("invalid_request", "adminSalt and adminSignature apply to coordinator_v2 withdrawals only", { field: "adminSalt" });
  }

  const [head, isAdmin] = await Promise.all([
    readLatestBlock(deps.chain),
    readIsAdmin(deps.chain, { collateralProxy: parameters.collateralProxy, account: record.adminAddress }),
  ]);
  const chainNow = Math.max(head.timestamp, Math.floor(deps.now() / 1000));
  if (chainNow > parameters.expiresAt) {
    // Settle it (a transaction nobody reported may have run) and say what happened.
    const settled = await reconcileWithdrawal(deps, record);
    if (settled.status === "confirmed") throw new AppError("invalid_state", "this withdrawal has already been executed on chain");
    throw expired();
  }
  if (chainNow > parameters.expiresAt - PREPARE_EXPIRY_MARGIN_SECONDS) throw expired();
  if (!isAdmin) {
    throw new AppError("invalid_state", "your wallet is not an admin of the collateral, so it cannot send this withdrawal", {
      field: "adminAddress",
    });
  }

  if (callPath === "controller_v1") return transaction(deps, record, plan.value, controllerV1Calldata(parameters));
  if (!signed) return issueTypedData(deps, record, parameters, chainId);

  if (!record.adminSalt || record.adminSalt.toLowerCase() !== input.adminSalt.toLowerCase()) {
    throw new AppError("invalid_request", "adminSalt is not the salt this withdrawal's typed data was issued with; call prepare again without a body", {
      field: "adminSalt",
    });
  }
  const nonce = await readAdminNonce(deps.chain, { collateralProxy: parameters.collateralProxy });
  if (nonce !== record.adminNonce) {
    throw new AppError("invalid_state", "another withdrawal from this collateral ran since the typed data was issued; start a new withdrawal");
  }
  const typedData = adminTypedData({ parameters, chainId, admin: record.adminAddress, adminSalt: record.adminSalt, nonce });
  const wallets = input.adminSignature as Hex;
  const valid = await verifyAdminSignature(deps.chain, { admin: record.adminAddress, typedData, signature: wallets });
  if (!valid) {
    throw new AppError("invalid_request", `adminSignature is not ${record.adminAddress}'s signature of this withdrawal's typed data`, {
      field: "adminSignature",
    });
  }
  const { adminSignature, deployFirst } = forCoordinator(wallets);
  const data = coordinatorV2Calldata(parameters, { adminSalt: record.adminSalt, adminSignature });
  return transaction(deps, record, plan.value, data, deployFirst);
}

/**
 * A smart account that is not deployed yet signs with an ERC-6492 wrapper (its factory call around the
 * inner signature). The coordinator checks the signature with ERC-1271 when it runs, and by then the
 * same user operation has deployed the account, so the call carries the inner signature; the dry run
 * deploys the account first, as that operation will.
 */
function forCoordinator(signature: Hex): { adminSignature: Hex; deployFirst?: { factory: Address; factoryData: Hex } } {
  if (!isErc6492Signature(signature)) return { adminSignature: signature };
  const { address, data, signature: inner } = parseErc6492Signature(signature);
  return address && data ? { adminSignature: inner, deployFirst: { factory: address, factoryData: data } } : { adminSignature: inner };
}

function requireReady(record: WithdrawalRecord): void {
  if ((record.status === "ready" || record.status === "submitted") && record.parameters) return;
  if (record.status === "confirmed") throw new AppError("invalid_state", "this withdrawal has already been executed on chain");
  if (record.status === "pending") throw new AppError("invalid_state", "the withdrawal is not ready yet; wait retryAfterSeconds and read it again");
  if (record.status === "expired") throw expired();
  throw new AppError("invalid_state", `the withdrawal is ${record.status}; only a ready withdrawal can be prepared`);
}

function expired(): AppError {
  return new AppError("withdrawal_expired", "the withdrawal's signature has expired; start a new withdrawal");
}

async function issueTypedData(deps: PrepareDeps, record: WithdrawalRecord, parameters: WithdrawalCallParameters, chainId: number): Promise<PreparedWithdrawal> {
  const nonce = await readAdminNonce(deps.chain, { collateralProxy: parameters.collateralProxy });
  const adminSalt = bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
  const saved = await recordAdminSalt(deps.db, record.id, deps.now(), adminSalt, nonce);
  if (!saved) throw new AppError("invalid_state", "the withdrawal changed while it was being prepared; read it again");
  return {
    kind: "typedData",
    typedData: adminTypedDataJson({ parameters, chainId, admin: record.adminAddress, adminSalt, nonce }),
    adminSalt,
    signer: record.adminAddress,
  };
}

/** The transaction, once a dry run as the user's wallet shows it would go through. */
async function transaction(
  deps: PrepareDeps,
  record: WithdrawalRecord,
  plan: WithdrawalCallPlan,
  data: Hex,
  deployFirst?: { factory: Address; factoryData: Hex },
): Promise<PreparedWithdrawal> {
  const tx: WithdrawalTransaction = { from: record.adminAddress, to: plan.callTarget, data, value: "0x0", chainId: plan.chainId };
  const dryRun = await simulateWithdrawal(deps.chain, { from: tx.from as Address, to: tx.to as Address, data, ...(deployFirst && { deployFirst }) });
  if (!dryRun.ok) throw simulationError(dryRun.error);
  const effects = dryRun.logs && checkEffects(dryRun.logs, record.parameters!, record.adminAddress);
  if (effects) throw refusalError(effects);
  return { kind: "transaction", transaction: tx };
}
