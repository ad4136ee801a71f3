import { createWorkerClient } from "../api/client";
import { acceptAgreements } from "../api/accept-agreements";
import { submitKycApplication } from "../api/submit-kyc-application";
import { createSandboxAuth } from "../auth/sandbox-auth";
import type { AuthAdapter } from "../auth/auth-adapter";
import { approvedApplication } from "../../../demo/upstream/testing/approved-application";
import { latestCode, uniqueEmail, type StackUrls } from "./services";

/** The running stack's URLs the widget's tests use. */
export interface Stack extends StackUrls {
  identityUrl: string;
  controlsUrl: string;
}

/**
 * Signs a new user in through the sandbox issuer the way the widget does (a code "emailed" and typed),
 * keeping the session in this page's storage, so an element mounted next restores it.
 */
export async function signedInUser(stack: Stack, email = uniqueEmail()): Promise<{ email: string; auth: AuthAdapter }> {
  const auth = createSandboxAuth({ issuerUrl: stack.identityUrl });
  await auth.sendCode(email);
  await auth.verifyCode(email, await latestCode(stack.identityUrl, email));
  return { email, auth };
}


/** Takes a signed-in user through KYC (approved) and, optionally, the agreements, over the Worker's API. */
export async function advanceUser(stack: Stack, user: { email: string; auth: AuthAdapter }, to: "kyc-approved" | "agreements-accepted") {
  const api = createWorkerClient({ baseUrl: stack.workerUrl, token: () => user.auth.token() });
  await submitKycApplication(api, approvedApplication(user.email));
  if (to === "agreements-accepted") await acceptAgreements(api, { accepted: true });
}

/** Forgets every sandbox session kept in this page's storage (tests start signed out). */
export function forgetSessions(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith("machines-card:")) localStorage.removeItem(key);
}
