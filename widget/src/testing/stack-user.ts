import { createWorkerClient, type WorkerClient } from "../api/client";
import { getMe } from "../api/get-me";
import { createSandboxAuth } from "../auth/sandbox-auth";
import type { AuthAdapter } from "../auth/auth-adapter";
import { latestCode, stack, uniqueEmail, type StackUrls } from "./services";

/** The running stack as widget tests see it (`test/stack.ts`). */
export interface TestStack extends StackUrls {
  identityUrl: string;
  controlsUrl: string;
}

/**
 * A new user signed in to the stack's Worker the way the widget does it (sandbox issuer, email code),
 * known to the Worker (its bootstrap ran) and to the sandbox (its Machines user id, for the controls).
 */
export interface StackUser {
  stack: TestStack;
  email: string;
  auth: AuthAdapter;
  /** For `renderStep(…, { workerUrl, token })`. */
  workerUrl: string;
  token: () => Promise<string | null>;
  /** A Worker client for this user (setting up state through the real routes). */
  client: WorkerClient;
  /** The user's id in the Machines sandbox (what the controls take). */
  sandboxUserId: string;
  walletAddress: string;
}


/** The stack, or null while `test/stack.ts` is missing (the caller skips). */
export async function testStack(): Promise<TestStack | null> {
  return (await stack()) as TestStack | null;
}

/**
 * Signs a fresh user in to the stack. The first call in a run starts the stack: give the calling hook
 * a long timeout (`this.timeout(180_000)`).
 *
 * @example
 * before(async function () { this.timeout(180_000); user = await stackUser(); if (!user) this.skip(); });
 */
export async function stackUser(label = "user"): Promise<StackUser | null> {
  const s = await testStack();
  if (!s) return null;
  const memory = new Map<string, string>();
  const auth = createSandboxAuth({
    issuerUrl: s.identityUrl,
    storage: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) },
  });
  const email = uniqueEmail(label);
  await auth.sendCode(email);
  await auth.verifyCode(email, await latestCode(s.identityUrl, email));
  const token = () => auth.token();
  const client = createWorkerClient({ baseUrl: s.workerUrl, token });
  const me = await getMe(client);
  const found = await control<{ users: { userId: string }[] }>(s, `/users?q=${encodeURIComponent(me.user.walletAddress)}`);
  const sandboxUserId = found.users[0]?.userId;
  if (!sandboxUserId) throw new Error(`the sandbox does not know the wallet ${me.user.walletAddress}`);
  return { stack: s, email, auth, workerUrl: s.workerUrl, token, client, sandboxUserId, walletAddress: me.user.walletAddress };
}

/** Calls a sandbox control (`demo/upstream/README.md`, "Controls") and returns its `data`. */
export async function control<T = unknown>(s: TestStack, path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<T> {
  const response = await fetch(`${s.controlsUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; data: T; summary?: string };
  if (!response.ok || !json.ok) throw new Error(`sandbox control ${method} ${path} answered ${response.status}: ${json.summary ?? ""}`);
  return json.data;
}

/** Sets the user's KYC status through the sandbox control (what a reviewer or the hosted page would do). */
export function setKycStatus(user: StackUser, status: string, reason?: string): Promise<unknown> {
  return control(user.stack, `/users/${user.sandboxUserId}/kyc`, reason === undefined ? { status } : { status, reason });
}
