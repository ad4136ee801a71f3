/**
 * "A new sandbox user at stage X", once for every suite: signed in at the sandbox identity issuer, then
 * walked through the Worker's own API (KYC approved, agreements accepted), funded through the faucet and
 * given a card, so a test starts where its subject begins. Fetch only (Node, browser and workerd alike).
 */
import { approvedApplication } from "@machines-card/demo/upstream/testing/approved-application";
import type { DataOf, WorkerClient } from "./worker-client";
import { uniqueEmail, type SandboxClient } from "./sandbox-client";

/** How far a new user gets, in journey order. */
export const stages = ["signed-in", "kyc-approved", "agreements-accepted", "funded", "card-created"] as const;
export type Stage = (typeof stages)[number];

const reached = (stage: Stage, wanted: Stage) => stages.indexOf(stage) <= stages.indexOf(wanted);

/** What the journey told us on the way (the replies a widget would hold). */
export interface UserFacts {
  me?: DataOf<"getMe">;
  kyc?: DataOf<"submitKycApplication">;
  balances?: DataOf<"getBalances">;
  card?: DataOf<"createCard">["card"];
}

export interface SandboxUser extends UserFacts {
  email: string;
  /** The identity JWT the Worker accepts. */
  token: string;
  /** The user's id at the Machines simulator (what the sandbox controls take). */
  machinesUserId: string;
  walletAddress: string;
}

export interface StageOptions {
  /** Test dollars the `funded` stage mints into the collateral (default $100). */
  fundCents?: number;
}

export interface NewUserOptions extends StageOptions {
  stage?: Stage;
  label?: string;
  email?: string;
  /** The collateral version for this user's wallet alone (set before the Worker first sees the user). */
  collateralVersion?: 1 | 2;
}

/**
 * Takes a signed-in user on to `stage` over the Worker's API. `user.token` authenticates; the facts the
 * replies carry are written onto `user` as they come.
 */
export async function bringToStage(
  worker: WorkerClient,
  sandbox: SandboxClient,
  user: UserFacts & { email: string; token: string; machinesUserId: string },
  stage: Stage,
  options: StageOptions = {},
): Promise<void> {
  const t = { token: user.token };
  if (!reached("kyc-approved", stage)) return;
  if (user.kyc?.status !== "approved" && user.me?.kyc.status !== "approved") {
    user.kyc = await worker.ok("submitKycApplication", { ...t, body: approvedApplication(user.email) });
  }
  if (!reached("agreements-accepted", stage)) return;
  await worker.ok("acceptAgreements", { ...t, body: { accepted: true } });
  user.balances = await worker.ok("getBalances", t);
  if (reached("funded", stage)) await fund(worker, sandbox, user, options.fundCents ?? 10_000);
  if (reached("card-created", stage)) {
    const body = { label: "Test card", limit: { amountCents: 100_00, frequency: "allTime" as const } };
    const { card } = await worker.ok("createCard", { ...t, body, idempotencyKey: crypto.randomUUID() });
    user.card = card;
  }
}

/** Mints test dollars into the user's collateral and waits until the simulator has credited them. */
export async function fund(
  worker: WorkerClient,
  sandbox: SandboxClient,
  user: UserFacts & { token: string; machinesUserId: string },
  cents: number,
): Promise<void> {
  let balances = await worker.ok("getBalances", { token: user.token });
  const target = balances.creditLimit + cents;
  await sandbox.faucet(user.machinesUserId, cents);
  // The simulator credits the mint once its transfer watcher has seen it on chain.
  for (let i = 0; i < 100 && balances.creditLimit < target; i++) {
    await new Promise((r) => setTimeout(r, 200));
    balances = await worker.ok("getBalances", { token: user.token });
  }
  if (balances.creditLimit < target) throw new Error("the faucet's mint was not credited in time");
  user.balances = balances;
}

/** A new user, signed in at the sandbox issuer and brought to `stage` (default `agreements-accepted`). */
export async function newSandboxUser(worker: WorkerClient, sandbox: SandboxClient, options: NewUserOptions = {}): Promise<SandboxUser> {
  const email = options.email ?? uniqueEmail(options.label);
  const token = await sandbox.signIn(email);
  if (options.collateralVersion) {
    // The wallet exists (sandbox signer, like an embedded wallet at login) before the Worker links the user.
    const { address } = await sandbox.wallet(token).address();
    await sandbox.setCollateralVersion(address, options.collateralVersion);
  }
  // The Worker links the user (and the simulator provisions the collateral) on their first call.
  const me = await worker.ok("getMe", { token });
  const user: SandboxUser = { email, token, machinesUserId: me.user.id, walletAddress: me.user.walletAddress, me };
  await bringToStage(worker, sandbox, user, options.stage ?? "agreements-accepted", options);
  return user;
}
