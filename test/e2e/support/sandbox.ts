/**
 * Read-only looks at the sandbox from the test (what Machines and the identity issuer hold), to check
 * what the page did: never used to move a journey forward, except where a real person would act
 * outside the page and the brief allows it (a fault rule scoped to one user's calls).
 */
import { e2e } from "./env";

interface Envelope<T> {
  ok: boolean;
  data: T;
  errors?: { code: string; message: string }[];
}

export async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${e2e.controlsUrl()}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Envelope<T>;
  if (!response.ok || !json.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${JSON.stringify(json.errors)}`);
  return json.data;
}

export interface SandboxUserSummary {
  userId: string;
  email: string | null;
  kycStatus: string;
  agreementsAccepted?: boolean;
  wallets?: unknown[];
  collateral: { address: string; version: 1 | 2; contractId: string; chainId: number } | null;
  balances: { creditLimit: number; spendingPower: number; pendingCharges?: number; postedCharges?: number };
}

export interface SandboxUserDetail {
  user: SandboxUserSummary;
  deposits: { id: string; status: string; amount?: number | null }[];
  withdrawals: { id: string; amount?: unknown; signed?: boolean; executedTxHash?: string | null; superseded?: boolean }[];
  cards?: { cardId: string }[];
}

/** The Machines user who submitted KYC with this email (the simulator records it from the application). */
export async function userByEmail(email: string): Promise<SandboxUserSummary | undefined> {
  const { users } = await control<{ users: SandboxUserSummary[] }>("GET", `/users?q=${encodeURIComponent(email)}`);
  return users.find((u) => u.email?.toLowerCase() === email.toLowerCase());
}

export function userDetail(userId: string): Promise<SandboxUserDetail> {
  return control<SandboxUserDetail>("GET", `/users/${encodeURIComponent(userId)}`);
}

export interface FaultRule {
  kind: "error" | "malformed" | "latency" | "rate_limit";
  method?: string;
  path?: string;
  status?: number;
  times?: number;
  userId?: string;
  phase?: "before" | "after";
}

/** A fault in the Machines simulator that hits this user's calls only (tests never break each other). */
export async function injectFault(rule: FaultRule): Promise<{ id: string }> {
  const data = await control<{ fault?: { id: string }; faults?: { id: string }[] }>("POST", "/faults", rule);
  const fault = data.fault ?? data.faults?.at(-1);
  if (!fault) throw new Error(`the sandbox did not return the fault it added: ${JSON.stringify(data)}`);
  return fault;
}

export async function faultHits(id: string): Promise<number | undefined> {
  const { faults } = await control<{ faults: { id: string; hits: number }[] }>("GET", "/faults");
  return faults.find((f) => f.id === id)?.hits;
}

export async function removeFault(id: string): Promise<void> {
  await control("DELETE", `/faults/${encodeURIComponent(id)}`).catch(() => undefined);
}

/**
 * The withdrawal-approval code the sandbox wallet "emailed" to this address (its mailbox, which the
 * console and the sandbox page show): what the person reads in their inbox, never something the page has.
 */
export async function approvalCode(email: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${e2e.sandboxUrl()}/sandbox/wallet/approvals/codes?email=${encodeURIComponent(email.toLowerCase())}`);
    const { codes } = (await res.json()) as { codes: { code: string; status: string }[] };
    const waiting = codes.find((c) => c.status === "pending");
    if (waiting) return waiting.code;
    if (Date.now() > until) throw new Error(`no approval code waiting for ${email}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
