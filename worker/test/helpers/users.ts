import { SELF } from "cloudflare:test";
import { approvedApplication } from "@machines-card/demo/upstream/testing/approved-application";
import { bringToStage } from "@machines-card/test-support/sandbox/new-user";
import { uniqueEmail } from "@machines-card/test-support/sandbox/sandbox-client";
import { createWorkerClient } from "@machines-card/test-support/sandbox/worker-client";
import type { ProvidedSandbox } from "../provided-context";
import { BASE, type CallOptions } from "./api";
import { controls, sandbox } from "./sandbox";

/** A fresh email per test user, so tests never share a person (the sandbox is shared by every test file). */
export const newEmail = (label = "user"): string => uniqueEmail(label);

/** Signs an email in at the sandbox identity issuer the way the widget does (one-time code) and returns the JWT. */
export function signIn(email = newEmail(), s: ProvidedSandbox = sandbox()): Promise<string> {
  return controls(s).signIn(email);
}

/** A KYC application the sandbox approves at once, with any field changed. */
export function kycApplication(overrides: Record<string, unknown> = {}) {
  return { ...approvedApplication("ada@example.com"), ...overrides };
}

export interface TestUser {
  email: string;
  token: string;
}

const driverStage = { "signed-in": "signed-in", approved: "kyc-approved", agreed: "agreements-accepted" } as const;

/**
 * Signs in a new user and walks them through the journey up to `stage` (the sandbox driver's
 * `bringToStage`, through this Worker). For another sandbox, pass it and a fetcher for the Worker pointed
 * at it (`workerFor(s)`).
 */
export async function newUser(
  stage: keyof typeof driverStage = "signed-in",
  o: Pick<CallOptions, "fetcher"> & { sandbox?: ProvidedSandbox } = {},
): Promise<TestUser> {
  const email = newEmail();
  const token = await signIn(email, o.sandbox);
  if (stage === "signed-in") return { email, token };
  const worker = createWorkerClient(BASE, { fetch: o.fetcher ?? ((request) => SELF.fetch(request)) });
  // The partner user id is only needed by the later stages (funding), which the Worker suites set up themselves.
  await bringToStage(worker, controls(o.sandbox), { email, token, machinesUserId: "" }, driverStage[stage]);
  return { email, token };
}
