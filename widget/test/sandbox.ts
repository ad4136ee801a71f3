import { meRoutes } from "@machines-card/contract/api/me";
import { bringToStage, fund as fundCollateral, stages, type Stage, type UserFacts } from "../../test/support/sandbox/new-user";
import { createSandboxClient, type SandboxClient } from "../../test/support/sandbox/sandbox-client";
import { createWorkerClient as createRawWorkerClient, type WorkerClient as RawWorkerClient } from "../../test/support/sandbox/worker-client";
import { createWorkerClient, type WorkerClient } from "../src/api/client";
import type { AuthAdapter } from "../src/auth/auth-adapter";
import { createSandboxAuth } from "../src/auth/sandbox-auth";
import type { JourneyState } from "../src/flow/journey-state";
import { latestCode, uniqueEmail, type StackUrls } from "./services";

/**
 * The widget tests' one way to the sandbox: a real user on the running stack brought to a stage of the
 * journey through the Worker's own API, and the sandbox controls (`demo/upstream/README.md`, "Controls"),
 * so a step test starts where its step begins. Built on the one sandbox driver (`test/support/sandbox`);
 * what is the widget's own here is the sign-in through the element's sandbox auth adapter and the journey
 * state the element would hold. Test support only: nothing in `widget/src` imports it.
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
  /** The sandbox driver this user was made with. */
  driver: { sandbox: SandboxClient; worker: RawWorkerClient };
  /** The journey state the element would hold for this user (for `renderStep`'s `state`). */
  state: Partial<JourneyState>;
}

/** How far the new user gets (the driver's stages; funding goes by `fundCents`). */
export type { Stage };

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

/** The sandbox driver (`test/support/sandbox`) for the running stack: its controls and a raw Worker client. */
function driverFor(stack: StackUrls): { sandbox: SandboxClient; worker: RawWorkerClient } {
  return {
    sandbox: createSandboxClient({ sandboxUrl: stack.controlsUrl.replace(/\/sandbox$/, "") }),
    worker: createRawWorkerClient(stack.workerUrl),
  };
}

/** Calls a sandbox control (`/sandbox/*`) and returns its `data`. */
export function sandboxControl<T = unknown>(stack: StackUrls, method: string, path: string, body?: unknown): Promise<T> {
  return driverFor(stack).sandbox.control<T>(method, path, body);
}

/** Removes fault rules made with `POST /faults` (in a `finally`, so one test's faults never meet another's calls). */
export async function clearFaults(stack: StackUrls, faults: { id: string }[]): Promise<void> {
  const { sandbox } = driverFor(stack);
  for (const f of faults) await sandbox.removeFault(f.id).catch(() => undefined);
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
  const driver = driverFor(stack);
  if (options.collateralVersion) {
    const { address } = await driver.sandbox.wallet((await token())!).address();
    await driver.sandbox.setCollateralVersion(address, options.collateralVersion);
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
    driver,
    state: { user: signedIn, walletAddress: me.user.walletAddress, kyc: me.kyc, agreementsAccepted: false, balances: null, nextStep: me.nextStep, hasCard: false },
  };
  await advanceUser(user, options.stage ?? "agreements-accepted");
  if (options.fundCents) await fund(user, options.fundCents);
  return user;
}

/** Takes a user on to `stage` over the Worker's API (the sandbox driver's `bringToStage`), keeping `state` true. */
export async function advanceUser(user: SandboxUser, stage: Stage): Promise<void> {
  if (stage === "signed-in" || (stage === "kyc-approved" && user.state.kyc?.status === "approved") || user.state.agreementsAccepted) return;
  const facts = await driverFacts(user);
  await bringToStage(user.driver.worker, user.driver.sandbox, facts, stage);
  if (facts.kyc) user.state.kyc = facts.kyc;
  if (stages.indexOf(stage) >= stages.indexOf("agreements-accepted")) {
    user.state.agreementsAccepted = true;
    user.state.balances = facts.balances ?? null;
    user.state.nextStep = "card";
  }
  if (facts.card) user.state.hasCard = true;
}

async function driverFacts(user: SandboxUser): Promise<UserFacts & { email: string; token: string; machinesUserId: string }> {
  const token = await user.token();
  if (!token) throw new Error(`${user.email} is signed out`);
  return { email: user.email, token, machinesUserId: user.machinesUserId, kyc: user.state.kyc ?? undefined };
}

/** Mints test dollars into the user's collateral and waits until the simulator has credited them. */
async function fund(user: SandboxUser, cents: number): Promise<void> {
  const facts = await driverFacts(user);
  await fundCollateral(user.driver.worker, user.driver.sandbox, facts, cents);
  user.state.balances = facts.balances ?? null;
}

/** Sets the user's KYC status through the sandbox control (what a reviewer or the hosted page would do). */
export function setKycStatus(stack: StackUrls, user: SandboxUser, status: string, reason?: string): Promise<unknown> {
  return driverFor(stack).sandbox.setKyc(user.machinesUserId, status, reason);
}

/** The user's deposits as the Machines sandbox recorded them (to count what reached it). */
export async function sandboxDeposits(stack: StackUrls, user: SandboxUser): Promise<{ id: string; status: string }[]> {
  return (await driverFor(stack).sandbox.user(user.machinesUserId)).deposits;
}

/** Records a card purchase through the sandbox control (posted at once unless `posted` is false). */
export function recordPurchase(stack: StackUrls, cardId: string, amountCents: number, merchantName = "Corner Café", posted = true) {
  return driverFor(stack).sandbox.purchase(cardId, amountCents, merchantName, posted);
}

/** The sandbox chain's facts (RPC URL, test dollar token, contracts). */
export function sandboxChain(stack: StackUrls) {
  return driverFor(stack).sandbox.chain();
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
