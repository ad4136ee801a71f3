import type { Bindings } from "../env";
import type { Settings } from "../settings/settings";
import { checkChain, checkContracts } from "./check-chain";
import { checkCrossmintKey, checkJwks } from "./check-crossmint";
import { checkMigrations } from "./check-database";
import { checkMachinesKey, checkScopes } from "./check-machines";
import { checkOrigins } from "./check-origins";
import { checkWithdrawalBinding } from "./check-withdrawals";

/**
 * One preflight finding. `setting` names what to change; `fix` says how. Never a secret's value: a
 * check may quote what an upstream said (a chain id, a token's issuer), which is public.
 */
export interface PreflightCheck {
  /** Stable name: machines_key, machines_scopes, crossmint_key, jwks, sample_token, chain, contracts, collateral_token, withdrawal_targets, database, origins. */
  check: string;
  ok: boolean;
  /** The setting to change when `ok` is false (the one most likely wrong). */
  setting: string;
  detail: string;
  /** What to do; present when `ok` is false. */
  fix?: string;
}

export interface PreflightInput {
  settings: Settings;
  env: Bindings;
  /** A real user's JWT from the partner's page, to compare its iss/aud with the settings (optional). */
  sampleToken?: string | null;
  /** Contract addresses to find code for, besides CHAIN_CONTRACTS. */
  contracts?: readonly string[];
}

export const passed = (check: string, setting: string, detail: string): PreflightCheck => ({ check, ok: true, setting, detail });
export const failed = (check: string, setting: string, detail: string, fix: string): PreflightCheck => ({
  check,
  ok: false,
  setting,
  detail,
  fix,
});

/**
 * Every check, run at once; none creates a user, a session, a wallet or a transaction. Each reads what
 * it needs from the upstream the settings name, with the Worker's upstream timeout.
 */
export async function runPreflight(input: PreflightInput): Promise<PreflightCheck[]> {
  const groups = await Promise.all([
    checkMachinesKey(input.settings),
    checkScopes(input.settings),
    checkCrossmintKey(input.settings),
    checkJwks(input.settings, input.sampleToken ?? null),
    checkChain(input.settings),
    checkContracts(input.settings, input.env.CHAIN_CONTRACTS, input.contracts ?? []),
    checkWithdrawalBinding(input.settings),
    checkMigrations(input.env.DB),
    checkOrigins(input.settings),
  ]);
  return groups.flat();
}

/** `fetch` with the Worker's upstream timeout; `null` when nothing answered (timeout, refused, DNS). */
export async function reach(url: string, init: RequestInit, timeoutMs: number): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return null;
  }
}
