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
