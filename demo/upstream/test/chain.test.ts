import { type Address, type Hex, parseEventLogs } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collateralWithdrawTypedData } from "@machines-card/contract/abi/collateral-withdraw-typed-data";
import { controllerV1Abi } from "@machines-card/contract/abi/controller-v1";
import { coordinatorV2Abi } from "@machines-card/contract/abi/coordinator-v2";
import { erc20Abi } from "@machines-card/contract/abi/erc20";
import { type ChainFixture, randomSalt, startChainFixture, type TestWallet } from "../../chain/testing/chain-fixture";
import { createHarness, type Harness } from "./harness";

/**
 * The simulator on a real anvil with the sandbox contracts: collaterals provisioned on resolve,
 * deposits detected from real transfers, and `ready` withdrawals executed for real.
 */

let f: ChainFixture;
let h: Harness;
beforeAll(async () => {
  f = await startChainFixture();
  h = createHarness({ chain: f.chain, now: Date.now, withdrawalReadyAfterSeconds: 0, depositProcessingSeconds: 0.3 });
}, 60_000);
afterAll(async () => {
  h?.simulator.close();
  await f?.stop();
});

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a client must do with the varied encodings (evm-withdrawals.md §2). */
function normaliseSalt(salt: unknown): Hex {
  if (Array.isArray(salt)) return `0x${Buffer.from(salt as number[]).toString("hex")}`;
  if (typeof salt === "string" && salt.startsWith("0x")) return salt as Hex;
  return `0x${Buffer.from(salt as string, "base64").toString("hex")}`;
}
function normaliseExpiry(expiresAt: unknown): bigint {
  if (typeof expiresAt === "number") return BigInt(expiresAt);
  if (typeof expiresAt === "string" && /^\d+$/.test(expiresAt)) return BigInt(expiresAt);
  return BigInt(Math.floor(Date.parse(expiresAt as string) / 1000));
}

async function newUser(userId: string): Promise<{ wallet: TestWallet; token: string; collateral: Address }> {
  const wallet = await f.newWallet();
  const { token } = await h.onboard(userId, { wallet: wallet.account.address });
  const users = await h.call("GET", `/sandbox/users/${userId}`);
  return { wallet, token, collateral: users.json.data.user.collateral.address };
}

async function readyWithdrawal(token: string, body: unknown) {
  const key = crypto.randomUUID();
  const pending = await h.call("POST", "/withdrawals", { token, body, idempotencyKey: key });
  expect(pending.json.data.status).toBe("pending");
  const ready = await h.call("POST", "/withdrawals", { token, body, idempotencyKey: key });
  expect(ready.json.data.status).toBe("ready");
  return ready.json.data;
}

async function fund(userId: string, token: string, amountCents: number) {
  const before = (await h.call("GET", "/balances", { token })).json.data.balances.creditLimit as number;
  await h.call("POST", "/sandbox/faucet", { body: { userId, amountCents } });
  await eventually(
    () => h.call("GET", "/balances", { token }),
    (r) => r.json.data.balances.creditLimit === before + amountCents,
  );
}

describe("collaterals", () => {
  it("are provisioned on resolve with the wallet as admin, at the configured version", async () => {
    const { wallet, collateral } = await newUser("chain-v2");
    expect(await f.chain.isCollateralAdmin({ proxyAddress: collateral, admin: wallet.account.address })).toBe(true);
    const user = (await h.call("GET", "/sandbox/users/chain-v2")).json.data.user;
    expect(user.collateral).toMatchObject({ version: 2, chainId: f.chain.chainId });
    const chainInfo = await h.call("GET", "/sandbox/chain");
    expect(chainInfo.json.data).toMatchObject({ connected: true, tokenAddress: f.chain.tokenAddress });
  });
});

describe("collateral version per wallet", () => {
  it("a version chosen for a wallet wins over the default, for that user only", async () => {
    const chosen = await f.newWallet();
    const chose = await h.call("PUT", `/sandbox/collateral-versions/${chosen.account.address}`, { body: { version: 1 } });
    expect(chose.status).toBe(200);
    const v1 = await newUser("per-wallet-v1");
    expect(v1).toBeDefined();
    await h.onboard("per-wallet-chosen", { wallet: chosen.account.address });
    const picked = (await h.call("GET", "/sandbox/users/per-wallet-chosen")).json.data.user;
    const others = (await h.call("GET", "/sandbox/users/per-wallet-v1")).json.data.user;
    expect(picked.collateral.version).toBe(1);
    expect(others.collateral.version).toBe(2);
    expect((await h.call("PUT", "/sandbox/collateral-versions/0x1234", { body: { version: 1 } })).status).toBe(400);
    expect((await h.call("PUT", `/sandbox/collateral-versions/${chosen.account.address}`, { body: { version: 3 } })).status).toBe(400);
  });
});

describe("deposits on chain", () => {
  it("a real transfer into the collateral moves the deposit to processing, then completed, and raises credit", async () => {
    const { wallet, token } = await newUser("depositor-chain");
    const created = await h.call("POST", "/deposits", { token, body: { currency: "rusd", network: "base" } });
    const { deposit } = created.json.data;
    expect(deposit.chainId).toBe(f.chain.chainId);

    // The user sends test dollars from their wallet to the deposit address, as a person would.
    await f.chain.mintToken({ to: wallet.account.address, amount: 25_000_000n });
    const hash = await wallet.writeContract({
      address: f.chain.tokenAddress,
      abi: erc20Abi,
      functionName: "transfer",
      args: [deposit.depositAddress, 25_000_000n],
    });
    await f.publicClient.waitForTransactionReceipt({ hash });

    await eventually(
      () => h.call("GET", `/deposits/${deposit.id}`, { token }),
      (r) => r.json.data.deposit.status === "processing",
    );
    const completed = await eventually(
      () => h.call("GET", `/deposits/${deposit.id}`, { token }),
      (r) => r.json.data.deposit.status === "completed",
    );
    expect(completed.json.data.deposit.updatedAt).not.toBe(deposit.updatedAt);
    expect((await h.call("GET", "/balances", { token })).json.data.balances).toMatchObject({ creditLimit: 2500, spendingPower: 2500 });
  });

  it("the faucet mints for real; with no open deposit the credit still rises", async () => {
    const { token, collateral } = await newUser("faucet-chain");
    const reply = await h.call("POST", "/sandbox/faucet", { body: { userId: "faucet-chain", amountCents: 7_000 } });
    expect(reply.json.data.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await f.chain.tokenBalance(collateral)).toBe(70_000_000n);
    await eventually(
      () => h.call("GET", "/balances", { token }),
      (r) => r.json.data.balances.creditLimit === 7_000,
    );
  });
});

describe("withdrawals on chain", () => {
  it("v2: ready parameters and an admin signature execute on the coordinator; replay reverts; credit drops", async () => {
    const { wallet, token, collateral } = await newUser("withdraw-v2");
    await fund("withdraw-v2", token, 10_000);
    const recipient = (await f.newWallet()).account.address;
    const body = { amountCents: 4_000, source: { chainId: f.chain.chainId }, destination: { currency: "rusd", network: "base", address: recipient } };
    const ready = await readyWithdrawal(token, body);
    const { parameters: p, execution } = ready;
    expect(execution).toMatchObject({ callPath: "coordinator_v2", callTarget: f.chain.coordinatorAddress, collateralProxyAddress: collateral });
    expect(execution.controllerAddress).toBe(f.chain.controllerAddress);

    const amount = BigInt(p[2]);
    const nonce = await f.chain.adminNonce(collateral);
    const adminSalt = randomSalt();
    const adminSignature = await wallet.signTypedData(
      collateralWithdrawTypedData({ chainId: execution.chainId, collateralProxy: p[0], adminSalt, user: wallet.account.address, asset: p[1], amount, recipient: p[3], nonce }),
    );
    const args = [p[0], p[1], amount, p[3], normaliseExpiry(p[4]), normaliseSalt(p[5]), p[6], [adminSalt], [adminSignature], true] as const;
    const hash = await wallet.writeContract({ address: execution.callTarget, abi: coordinatorV2Abi, functionName: "withdrawAsset", args });
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe("success");
    expect(parseEventLogs({ abi: erc20Abi, eventName: "Transfer", logs: receipt.logs }).map((t) => t.args)).toEqual([
      { from: collateral, to: recipient, value: 40_000_000n },
    ]);
    expect(await f.chain.tokenBalance(recipient)).toBe(40_000_000n);

    await expect(
      f.publicClient.simulateContract({ account: wallet.account, address: execution.callTarget, abi: coordinatorV2Abi, functionName: "withdrawAsset", args }),
    ).rejects.toThrow();
    await eventually(
      () => h.call("GET", "/balances", { token }),
      (r) => r.json.data.balances.creditLimit === 6_000,
    );
    // Executed: the same body with a fresh key starts a new withdrawal.
    const next = await h.call("POST", "/withdrawals", { token, body, idempotencyKey: crypto.randomUUID() });
    expect(next.json.data.status).toBe("pending");
  }, 30_000);

  it("v1 with byte-array salts and string expiry: the controller accepts the normalised parameters", async () => {
    await h.call("PATCH", "/sandbox/settings", { body: { collateralVersion: 1, saltEncoding: "bytes", expiresAtEncoding: "string" } });
    try {
      const { wallet, token } = await newUser("withdraw-v1");
      await fund("withdraw-v1", token, 5_000);
      const recipient = (await f.newWallet()).account.address;
      const legacyBody = { amountCents: 1_234, tokenAddress: f.chain.tokenAddress, recipientAddress: recipient, chainId: f.chain.chainId };
      const { parameters: p, execution } = await readyWithdrawal(token, legacyBody);
      expect(execution).toMatchObject({ callPath: "controller_v1", callTarget: f.chain.controllerAddress, contractVersion: 1 });
      expect(Array.isArray(p[5])).toBe(true);
      const hash = await wallet.writeContract({
        address: execution.callTarget,
        abi: controllerV1Abi,
        functionName: "withdrawAsset",
        args: [p[0], p[1], BigInt(p[2]), p[3], normaliseExpiry(p[4]), normaliseSalt(p[5]), p[6]],
      });
      const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).toBe("success");
      expect(await f.chain.tokenBalance(recipient)).toBe(12_340_000n);
      // Signed at the controller's nonce(collateral), as Rain's v1 controller checks it; that nonce moved on.
      expect(parseEventLogs({ abi: controllerV1Abi, eventName: "Withdrawal", logs: receipt.logs })).toHaveLength(1);
      expect(await f.chain.executorNonce({ version: 1, collateral: p[0] })).toBe(1n);
    } finally {
      await h.call("PATCH", "/sandbox/settings", { body: { collateralVersion: 2, saltEncoding: "base64", expiresAtEncoding: "number" } });
    }
  }, 30_000);

  it("checks admins and balances on chain: 400 for a stranger, 422 above the collateral", async () => {
    const { token } = await newUser("withdraw-checks");
    await fund("withdraw-checks", token, 1_000);
    const stranger = (await f.newWallet()).account.address;
    const body = { amountCents: 500, destination: { currency: "rusd", network: "base", address: stranger } };
    const notAdmin = await h.call("POST", "/withdrawals", { token, body: { ...body, adminAddress: stranger } });
    expect(notAdmin.json.errors[0]).toMatchObject({ code: "invalid_request", field: "adminAddress" });
    const tooMuch = await h.call("POST", "/withdrawals", { token, body: { ...body, amountCents: 1_001 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.errors[0].message).toBe("Collateral balance 10000000 is lower than requested amount 10010000");
  });
});
