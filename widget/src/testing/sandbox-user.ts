import { routes } from "../../../shared/api/routes";
import { createWorkerClient, type WorkerClient } from "../api/client";
import { createSandboxAuth } from "../auth/sandbox-auth";
import type { AuthAdapter } from "../auth/auth-adapter";
import type { JourneyState } from "../flow/journey-state";
import { approvedApplication } from "../../../demo/upstream/testing/approved-application";
import { latestCode, uniqueEmail, type StackUrls } from "./services";

/**
 * Test-only: a real user on the running stack, brought to a stage of the journey through the Worker's
 * own API and the sandbox controls (`demo/upstream/README.md`), so a step test can start where its
 * step begins. Nothing here is imported by the widget itself.
 */
export interface SandboxUser {
  email: string;
  auth: AuthAdapter;
  token: () => Promise<string | null>;
  client: WorkerClient;
  /** The user's id at the Machines simulator (for the sandbox controls). */
  machinesUserId: string;
  walletAddress: string;
  /** The journey state the element would hold for this user (for `renderStep`'s `state`). */
  state: Partial<JourneyState>;
}

export interface SandboxUserOptions {
  /** Mint this many test dollars into the collateral and wait until they are credited. */
  fundCents?: number;
  /** The collateral version (1 controller, 2 coordinator) for this user; the sandbox default is 2. */
  collateralVersion?: 1 | 2;
}

interface Stack extends StackUrls {
  identityUrl: string;
  controlsUrl: string;
  signerUrl: string;
}

/** Calls a sandbox control (`/sandbox/*`) and returns its `data`. */
export async function sandboxControl<T = unknown>(stack: StackUrls, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${(stack as Stack).controlsUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; data: T; errors?: unknown };
  if (!response.ok || !json.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${JSON.stringify(json.errors)}`);
  return json.data;
}

export async function sandboxUser(stack: StackUrls, options: SandboxUserOptions = {}): Promise<SandboxUser> {
  const s = stack as Stack;
  const email = uniqueEmail("card");
  const storage = new Map<string, string>();
  const auth = createSandboxAuth({
    issuerUrl: s.identityUrl,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
  });
  await auth.sendCode(email);
  const user = await auth.verifyCode(email, await latestCode(s.identityUrl, email));
  const token = () => auth.token();
  const client = createWorkerClient({ baseUrl: s.workerUrl, token, renewToken: () => auth.renew() });

  // The wallet exists (sandbox signer, like an embedded wallet at login) before the Worker links the user, so
  // the collateral version can be chosen for this wallet alone: tests sharing the sandbox never race on it.
  if (options.collateralVersion) {
    const jwt = await token();
    const wallet = await fetch(s.signerUrl, { headers: { Authorization: `Bearer ${jwt}` } });
    const { address } = (await wallet.json()) as { address: string };
    await sandboxControl(stack, "PUT", `/collateral-versions/${address}`, { version: options.collateralVersion });
  }
  // The Worker links the user (and the simulator provisions the collateral) on their first call.
  const me = await client.call(routes.getMe, {});

  const kyc = await client.call(routes.submitKycApplication, { body: approvedApplication(email) });
  await client.call(routes.acceptAgreements, { body: { accepted: true } });

  // The partner user id the Worker reaches Machines under is the simulator's user id.
  const machinesUserId = me.user.id;

  let balances = await client.call(routes.getBalances, {});
  if (options.fundCents) {
    const target = balances.creditLimit + options.fundCents;
    await sandboxControl(stack, "POST", "/faucet", { userId: machinesUserId, amountCents: options.fundCents });
    // The simulator credits the mint once its transfer watcher has seen it on chain.
    for (let i = 0; i < 100 && balances.creditLimit < target; i++) {
      await new Promise((r) => setTimeout(r, 200));
      balances = await client.call(routes.getBalances, {});
    }
    if (balances.creditLimit < target) throw new Error("the faucet's mint was not credited in time");
  }

  return {
    email,
    auth,
    token,
    client,
    machinesUserId,
    walletAddress: me.user.walletAddress,
    state: { user, walletAddress: me.user.walletAddress, kyc, agreementsAccepted: true, balances, nextStep: "card", hasCard: false },
  };
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
