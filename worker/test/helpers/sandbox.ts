import { inject } from "vitest";
import type { ProvidedSandbox } from "../provided-context";

/** The sandbox the project's Worker talks to (or the fault-injection one). */
export const sandbox = (): ProvidedSandbox => inject("sandbox");
/** For the core routes' fault tests (one file: `worker/src/upstream/machines/faults.test.ts`). */
export const faultSandbox = (): ProvidedSandbox => inject("faultSandbox");
/** For the withdrawal routes' fault tests (one file). */
export const withdrawalsFaultSandbox = (): ProvidedSandbox => inject("withdrawalsFaultSandbox");

/** Calls a sandbox control (`/sandbox/*`) and returns its `data`; throws on a refusal. */
export async function control<T = any>(s: ProvidedSandbox, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${s.url}/sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; data: T; errors: unknown[] };
  if (!res.ok || !json.ok) throw new Error(`sandbox control ${method} ${path} failed: ${res.status} ${JSON.stringify(json.errors)}`);
  return json.data;
}

export interface FaultRule {
  method?: string;
  path?: string;
  kind: "latency" | "error" | "malformed" | "rate_limit" | "rewrite";
  status?: number;
  latencyMs?: number;
  retryAfterSeconds?: number;
  times?: number;
  phase?: "before" | "after";
  /** Only this partner user's requests (`data.user.id` of `getMe`). */
  userId?: string;
  /** For `rewrite`: values to set and members to remove in the real reply, by dotted path (`data.cards.*.status`). */
  rewrite?: { set?: Record<string, unknown>; remove?: string[] };
}

/** Sandbox controls (`/sandbox/*`): fault injection, money movements, KYC decisions. */
export const controls = (s: ProvidedSandbox = sandbox()) => ({
  addFault: async (rule: FaultRule) => (await control<{ faults: { id: string }[] }>(s, "POST", "/faults", rule)).faults[0]!,
  /** How many requests a rule has affected so far (rules with `times` disappear once used up). */
  faultHits: async (id: string) => (await control<{ faults: { id: string; hits: number }[] }>(s, "GET", "/faults")).faults.find((f) => f.id === id)?.hits ?? null,
  clearFaults: () => control(s, "DELETE", "/faults"),
  removeFault: (id: string) => control(s, "DELETE", `/faults/${encodeURIComponent(id)}`),
  setKyc: (machinesUserId: string, status: string) => control(s, "POST", `/users/${encodeURIComponent(machinesUserId)}/kyc`, { status }),
  completeDeposit: (depositId: string, amountCents?: number) =>
    control(s, "POST", `/deposits/${encodeURIComponent(depositId)}/complete`, amountCents === undefined ? {} : { amountCents }),
  purchase: (cardId: string, amountCents: number, merchantName = "Test Merchant") =>
    control(s, "POST", "/purchases", { cardId, amountCents, merchantName, posted: true }),
  user: (machinesUserId: string) => control(s, "GET", `/users/${encodeURIComponent(machinesUserId)}`),
});
