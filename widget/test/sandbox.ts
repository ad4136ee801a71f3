import { agreementsRoutes } from "../../shared/api/agreements";
import { balancesRoutes } from "../../shared/api/balances";
import { kycApplicationRoutes } from "../../shared/api/kyc-application";
import { meRoutes } from "../../shared/api/me";
import { approvedApplication } from "../../demo/upstream/testing/approved-application";
import { createWorkerClient, type WorkerClient } from "../src/api/client";
import type { AuthAdapter } from "../src/auth/auth-adapter";
import { createSandboxAuth } from "../src/auth/sandbox-auth";
import type { JourneyState } from "../src/flow/journey-state";
import { latestCode, uniqueEmail, type StackUrls } from "./services";

/**
 * The widget tests' one way to the sandbox: a real user on the running stack brought to a stage of the
 * journey through the Worker's own API, and the sandbox controls (`demo/upstream/README.md`, "Controls"),
 * so a step test starts where its step begins. Test support only: nothing in `widget/src` imports it.
 */
export interface SandboxUser {
  email: string;
  auth: AuthAdapter;
  token: () => Promise<string | null>;
  /** A Worker client for this user (setting up state through the real routes). */
  client: WorkerClient;
  /** The user's id at the Machines simulator (what the sandbox controls take). */
  machinesUserId: string;
  walletAddress: string;
  /** The journey state the element would hold for this user (for `renderStep`'s `state`). */
  state: Partial<JourneyState>;
}

/** How far the new user gets: signed in only, identity approved, or agreements accepted too. */
export type Stage = "signed-in" | "kyc-approved" | "agreements-accepted";

export interface SandboxUserOptions {
  /** Default `agreements-accepted`. */
  stage?: Stage;
  /** Mint this many test dollars into the collateral and wait until they are credited (after the agreements). */
  fundCents?: number;
  /** The collateral version (1 controller, 2 coordinator) for this user; the sandbox default is 2. */
  collateralVersion?: 1 | 2;
  /** The label in the user's email address (which test made it). */
  label?: string;
  /**
   * Keep the session in this page's storage, as the element does, so an element mounted next restores it
   * (default: in memory, for step tests that pass `token` themselves).
   */
  keepSession?: boolean;
}

/** Calls a sandbox control (`/sandbox/*`) and returns its `data`. */
export async function sandboxControl<T = unknown>(stack: StackUrls, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.controlsUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; data: T; errors?: unknown };
  if (!response.ok || !json.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** Removes fault rules made with `POST /faults` (in a `finally`, so one test's faults never meet another's calls). */
export async function clearFaults(stack: StackUrls, faults: { id: string }[]): Promise<void> {
  for (const f of faults) await fetch(`${stack.controlsUrl}/faults/${f.id}`, { method: "DELETE" });
}

/** A new user on the running stack, signed in through the sandbox issuer (a code "emailed" and typed), at `stage`. */
export async function sandboxUser(stack: StackUrls, options: SandboxUserOptions = {}): Promise<SandboxUser> {
  const email = uniqueEmail(options.label ?? "user");
  const memory = new Map<string, string>();
  const auth = createSandboxAuth({
    issuerUrl: stack.identityUrl,
    ...(options.keepSession
      ? {}
      : { storage: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v), removeItem: (k) => void memory.delete(k) } }),
  });
  await auth.sendCode(email);
  const signedIn = await auth.verifyCode(email, await latestCode(stack.identityUrl, email));
  const token = () => auth.token();
  const client = createWorkerClient({ baseUrl: stack.workerUrl, token, renewToken: () => auth.renew() });

  // The wallet exists (sandbox signer, like an embedded wallet at login) before the Worker links the user, so
  // the collateral version can be chosen for this wallet alone: tests sharing the sandbox never race on it.
  if (options.collateralVersion) {
    const wallet = await fetch(stack.signerUrl, { headers: { Authorization: `Bearer ${await token()}` } });
    const { address } = (await wallet.json()) as { address: string };
    await sandboxControl(stack, "PUT", `/collateral-versions/${address}`, { version: options.collateralVersion });
  }
  // The Worker links the user (and the simulator provisions the collateral) on their first call.
  const me = await client.call(meRoutes.getMe, {});
  const user: SandboxUser = {
    email,
    auth,
    token,
    client,
    // The partner user id the Worker reaches Machines under is the simulator's user id.
    machinesUserId: me.user.id,
    walletAddress: me.user.walletAddress,
    state: { user: signedIn, walletAddress: me.user.walletAddress, kyc: me.kyc, agreementsAccepted: false, balances: null, nextStep: me.nextStep, hasCard: false },
  };
  await advanceUser(user, options.stage ?? "agreements-accepted");
  if (options.fundCents) await fund(stack, user, options.fundCents);
  return user;
}

/** Takes a user on to `stage` over the Worker's API (KYC approved, then the agreements accepted). */
export async function advanceUser(user: SandboxUser, stage: Stage): Promise<void> {
  if (stage === "signed-in") return;
  if (user.state.kyc?.status !== "approved") {
    user.state.kyc = await user.client.call(kycApplicationRoutes.submitKycApplication, { body: approvedApplication(user.email) });
  }
  if (stage === "agreements-accepted" && !user.state.agreementsAccepted) {
    await user.client.call(agreementsRoutes.acceptAgreements, { body: { accepted: true } });
    user.state.agreementsAccepted = true;
    user.state.balances = await user.client.call(balancesRoutes.getBalances, {});
    user.state.nextStep = "card";
  }
}

/** Mints test dollars into the user's collateral and waits until the simulator has credited them. */
async function fund(stack: StackUrls, user: SandboxUser, cents: number): Promise<void> {
  let balances = await user.client.call(balancesRoutes.getBalances, {});
  const target = balances.creditLimit + cents;
  await sandboxControl(stack, "POST", "/faucet", { userId: user.machinesUserId, amountCents: cents });
  // The simulator credits the mint once its transfer watcher has seen it on chain.
  for (let i = 0; i < 100 && balances.creditLimit < target; i++) {
    await new Promise((r) => setTimeout(r, 200));
    balances = await user.client.call(balancesRoutes.getBalances, {});
  }
  if (balances.creditLimit < target) throw new Error("the faucet's mint was not credited in time");
  user.state.balances = balances;
}

/** Sets the user's KYC status through the sandbox control (what a reviewer or the hosted page would do). */
export function setKycStatus(stack: StackUrls, user: SandboxUser, status: string, reason?: string): Promise<unknown> {
  return sandboxControl(stack, "POST", `/users/${user.machinesUserId}/kyc`, reason === undefined ? { status } : { status, reason });
}

/** The user's deposits as the Machines sandbox recorded them (to count what reached it). */
export async function sandboxDeposits(stack: StackUrls, user: SandboxUser): Promise<{ id: string; status: string }[]> {
  return (await sandboxControl<{ deposits: { id: string; status: string }[] }>(stack, "GET", `/users/${user.machinesUserId}`)).deposits;
}

/** Records a card purchase through the sandbox control (posted at once unless `posted` is false). */
export function recordPurchase(stack: StackUrls, cardId: string, amountCents: number, merchantName = "Corner Café", posted = true) {
  return sandboxControl<{ transaction: { transactionId: string } }>(stack, "POST", "/purchases", { cardId, amountCents, merchantName, posted });
}

/** The sandbox chain's facts (RPC URL, test dollar token, contracts). */
export function sandboxChain(stack: StackUrls) {
  return sandboxControl<{ chainId: number; rpcUrl: string; tokenAddress: string; tokenDecimals: number }>(stack, "GET", "/chain");
}

/** An ERC-20 balance read straight from the chain's RPC (`balanceOf`), in the token's smallest unit. */
export async function tokenBalance(rpcUrl: string, token: string, holder: string): Promise<bigint> {
  const data = `0x70a08231${holder.toLowerCase().replace(/^0x/, "").padStart(64, "0")}`;
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_call", params: [{ to: token, data }, "latest"] }),
  });
  const { result } = (await response.json()) as { result: string };
  return BigInt(result);
}

/** Forgets every sandbox session kept in this page's storage (tests start signed out). */
export function forgetSessions(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith("machines-card:")) localStorage.removeItem(key);
}
