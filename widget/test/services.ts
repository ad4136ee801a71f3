/**
 * Where the widget's browser tests find real services, from the test runner (`scripts/lib/wtr-sandbox.mjs`):
 * the sandbox identity issuer always; the whole stack (sandbox + the Worker under `wrangler dev`) once
 * `test/stack.ts` exists. Tests that need the Worker call `stack()` and skip when it is null.
 */
export interface TestServices {
  /** The sandbox identity issuer, served by the test runner (email codes, JWTs). */
  identityUrl: string;
  /** The same issuer with codes that expire after half a second. */
  fastIdentityUrl: string;
  /** A Worker on the stack's sandbox that does not allow this page's origin (with `strictWorker()`). */
  strictWorkerUrl: string | null;
  /** The running stack's URLs (`workerUrl`, its own identity issuer, the signer…), or null. */
  stack: StackUrls | null;
}

/** The running stack's URLs (what `test/stack.ts`'s `startStack()` returns, without its handles). */
export interface StackUrls {
  workerUrl: string;
  /** The stack's own identity issuer (sign-in for Worker-backed tests). */
  identityUrl: string;
  /** The sandbox wallets' signer. */
  signerUrl: string;
  /** The sandbox controls (`demo/upstream/README.md`, "Controls"). */
  controlsUrl: string;
  rpcUrl: string;
  chainId: number;
}

export async function testServices(): Promise<TestServices> {
  const response = await fetch("/__services.json");
  return (await response.json()) as TestServices;
}

let stackPromise: Promise<StackUrls | null> | undefined;

/** The whole stack, started on first use (once per run) — or null when `test/stack.ts` is not there yet. */
export function stack(): Promise<StackUrls | null> {
  stackPromise ??= fetch("/__services.json?stack=1")
    .then((r) => r.json() as Promise<TestServices>)
    .then((s) => s.stack);
  return stackPromise;
}

/** A Worker on the stack's sandbox that refuses this page's origin (started on first use), or null without a stack. */
export async function strictWorker(): Promise<string | null> {
  const response = await fetch("/__services.json?stack=1&strict=1");
  return ((await response.json()) as TestServices).strictWorkerUrl;
}

/** The latest one-time code the sandbox issuer sent to an email (what the sandbox page shows). */
export async function latestCode(identityUrl: string, email: string): Promise<string> {
  const response = await fetch(`${identityUrl}/otp/codes?email=${encodeURIComponent(email)}`);
  const { codes } = (await response.json()) as { codes: { email: string; code: string }[] };
  const code = codes.find((c) => c.email === email.toLowerCase())?.code;
  if (!code) throw new Error(`no code was sent to ${email}`);
  return code;
}

/** A fresh email per test, so tests never share a user. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}
