/**
 * Helpers for the withdrawal suites: the sandbox controls they need beyond
 * `worker/test/helpers/sandbox.ts` (find a user, fund their collateral, switch encodings).
 */
import type { ProvidedSandbox } from "../provided-context";
import { call as callWorker, type CallOptions } from "./api";
import { control, controls, sandbox } from "./sandbox";
import { upstreamBindings, workerWith } from "./worker-with";
import type { OperationId } from "@machines-card/contract/api/routes";

/**
 * The Worker with a patient Machines budget (10 s instead of the suite's 2.5 s). These suites test
 * idempotency and the chain, not timeouts (the fault suite does); on a loaded machine a slow sandbox
 * must not turn them into upstream_timeout failures.
 */
export const PATIENT_UPSTREAM_TIMEOUT_MS = "10000";
export const patientWorker = workerWith({ UPSTREAM_TIMEOUT_MS: PATIENT_UPSTREAM_TIMEOUT_MS });
export const call = (operationId: OperationId, o: CallOptions = {}) => callWorker(operationId, { fetcher: patientWorker, ...o });

/** `workerFor(s)` (another sandbox as every upstream and chain) with the same patient budget. */
export function patientWorkerFor(s: ProvidedSandbox) {
  return workerWith({ ...upstreamBindings(s), UPSTREAM_TIMEOUT_MS: PATIENT_UPSTREAM_TIMEOUT_MS });
}


/** The Machines user id of the person who signed in with this email (their KYC email). */
export function sandboxUserId(email: string, s: ProvidedSandbox = sandbox()): Promise<string> {
  return controls(s).machinesUserId(email);
}

/** Mints test dollars into the user's collateral (credited without a chain). */
export function fundCollateral(userId: string, amountCents: number, s: ProvidedSandbox = sandbox()) {
  return control<{ txHash: string | null; collateralAddress: string }>(s, "POST", "/faucet", { userId, amountCents });
}

export interface SandboxSettingsPatch {
  withdrawalReadyAfterSeconds?: number;
  collateralVersion?: 1 | 2;
  saltEncoding?: "base64" | "hex" | "bytes";
  expiresAtEncoding?: "number" | "string" | "iso";
}

export function patchSandboxSettings(patch: SandboxSettingsPatch, s: ProvidedSandbox = sandbox()) {
  return control(s, "PATCH", "/settings", patch);
}

export interface SandboxWithdrawal {
  id: string;
  amountCents: number;
  adminAddress: string;
  signed: boolean;
  executedTxHash: string | null;
  superseded: boolean;
}

/** The withdrawals Machines (the simulator) holds for a user: what reached it, whatever the Worker says. */
export async function sandboxWithdrawals(userId: string, s: ProvidedSandbox = sandbox()): Promise<SandboxWithdrawal[]> {
  const data = await control<{ withdrawals: SandboxWithdrawal[] }>(s, "GET", `/users/${encodeURIComponent(userId)}`);
  return data.withdrawals;
}

/** The sandbox's fault rules with how many requests each has hit. */
export async function listFaults(s: ProvidedSandbox = sandbox()): Promise<{ id: string; kind: string; hits: number }[]> {
  return controls(s).faults();
}
