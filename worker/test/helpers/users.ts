import { approvedApplication } from "../../../demo/upstream/testing/approved-application";
import type { ProvidedSandbox } from "../provided-context";
import { call, expectOk, type CallOptions } from "./api";
import { sandbox } from "./sandbox";

let counter = 0;

/** A fresh email per test user, so tests never share a person (the sandbox is shared by every test file). */
export function newEmail(label = "user"): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

async function post(s: ProvidedSandbox, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${s.url}/identity${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`identity ${path} failed: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Signs an email in at the sandbox identity issuer the way the widget does (one-time code) and returns the JWT. */
export async function signIn(email = newEmail(), s: ProvidedSandbox = sandbox()): Promise<string> {
  await post(s, "/otp/start", { email });
  const codes = await (await fetch(`${s.url}/identity/otp/codes?email=${encodeURIComponent(email)}`)).json();
  const code = (codes as { codes: { code: string }[] }).codes[0]!.code;
  const reply = await post(s, "/otp/verify", { email, code });
  return reply.jwt as string;
}

/** A KYC application the sandbox approves at once, with any field changed. */
export function kycApplication(overrides: Record<string, unknown> = {}) {
  return { ...approvedApplication("ada@example.com"), ...overrides };
}

export interface TestUser {
  email: string;
  token: string;
}

/**
 * Signs in a new user and walks them through the journey up to `stage`. For another sandbox, pass it and
 * a fetcher for the Worker pointed at it (`workerFor(s)`).
 */
export async function newUser(
  stage: "signed-in" | "approved" | "agreed" = "signed-in",
  o: Pick<CallOptions, "fetcher"> & { sandbox?: ProvidedSandbox } = {},
): Promise<TestUser> {
  const email = newEmail();
  const token = await signIn(email, o.sandbox);
  if (stage === "signed-in") return { email, token };
  const fetcher = o.fetcher;
  expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email }), fetcher }));
  if (stage === "approved") return { email, token };
  expectOk("acceptAgreements", await call("acceptAgreements", { token, body: { accepted: true }, fetcher }));
  return { email, token };
}
