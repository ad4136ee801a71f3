/**
 * Read-only looks at the sandbox from the test (what Machines and the identity issuer hold), to check
 * what the page did: never used to move a journey forward, except where a real person would act
 * outside the page and the brief allows it (a fault rule scoped to one user's calls). Through the one
 * sandbox driver (`test/support/sandbox`).
 */
import { createSandboxClient, type FaultRule, type SandboxUserSummary, type SandboxUserView } from "../../support/sandbox/sandbox-client";
import { e2e } from "./env";

export type { FaultRule, SandboxUserSummary };
export type SandboxUserDetail = SandboxUserView;

const sandbox = () => createSandboxClient({ sandboxUrl: e2e.sandboxUrl() });

export function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  return sandbox().control<T>(method, path, body);
}

/** The Machines user who submitted KYC with this email (the simulator records it from the application). */
export function userByEmail(email: string): Promise<SandboxUserSummary | undefined> {
  return sandbox().userByEmail(email);
}

export function userDetail(userId: string): Promise<SandboxUserDetail> {
  return sandbox().user(userId);
}

/** A fault in the Machines simulator that hits this user's calls only (tests never break each other). */
export function injectFault(rule: FaultRule): Promise<{ id: string }> {
  return sandbox().addFault(rule);
}

export async function faultHits(id: string): Promise<number | undefined> {
  return (await sandbox().faultHits(id)) ?? undefined;
}

export async function removeFault(id: string): Promise<void> {
  await sandbox().removeFault(id).catch(() => undefined);
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
