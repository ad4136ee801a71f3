import { type Address, type Hex, encodeFunctionData, parseEventLogs, parseSignature, serializeSignature } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collateralAbi } from "../../shared/abi/collateral";
import { controllerV1Abi } from "../../shared/abi/controller-v1";
import { type ChainFixture, type ExecutorPayload, type TestWallet, executorPayload, fundedCollateral, startChainFixture } from "./testing/chain-fixture";
import { expectRevert } from "./testing/expect-revert";

const USD = 1_000_000n; // 6 decimals

let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture();
});
afterAll(() => f?.stop());

/** `withdrawAsset` with parameters[0..6] in order, sent by `from` to the controller (or `to`). */
function withdraw(from: TestWallet, p: ExecutorPayload, to?: Address) {
  return from.writeContract({
    address: to ?? f.chain.controllerAddress,
    abi: controllerV1Abi,
    functionName: "withdrawAsset",
    args: [p.collateral, p.asset, p.amount, p.recipient, p.expiresAt, p.salt, p.signature],
  });
}

async function setup(balance = 100n * USD) {
  const admin = await f.newWallet();
  const collateral = await fundedCollateral(f, { admin: admin.account.address, version: 1, balance });
  const recipient = (await f.newWallet()).account.address;
  const sign = (over: Partial<Parameters<typeof executorPayload>[1]> = {}) =>
    executorPayload(f, { version: 1, collateral, admin: admin.account.address, amount: 40n * USD, recipient, ...over });
  return { admin, collateral, recipient, sign };
}

describe("controller v1 withdrawAsset", () => {
  it("moves the test dollar from the collateral to the recipient when an admin sends an executor-signed withdrawal", async () => {
    const { admin, collateral, recipient, sign } = await setup();
    const payload = await sign();
    const hash = await withdraw(admin, payload);
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash });

    expect(receipt.status).toBe("success");
    expect(await f.chain.tokenBalance(collateral)).toBe(60n * USD);
    expect(await f.chain.tokenBalance(recipient)).toBe(40n * USD);
    expect(await f.chain.adminNonce(collateral)).toBe(1n);
    const [event] = parseEventLogs({ abi: controllerV1Abi, eventName: "Withdrawn", logs: receipt.logs });
    expect(event?.args).toEqual({
      collateral,
      asset: f.chain.tokenAddress,
      amount: 40n * USD,
      recipient,
      executorSalt: payload.salt,
    });
  });

  it("encodes the call with selector 0xe167d26a", async () => {
    const { sign } = await setup();
    const p = await sign();
    const data = encodeFunctionData({
      abi: controllerV1Abi,
      functionName: "withdrawAsset",
      args: [p.collateral, p.asset, p.amount, p.recipient, p.expiresAt, p.salt, p.signature],
    });
    expect(data.slice(0, 10)).toBe("0xe167d26a");
  });

  it("rejects a sender that is not an admin of the collateral", async () => {
    const { sign } = await setup();
    const stranger = await f.newWallet();
    await expectRevert(withdraw(stranger, await sign()), "NotAdmin");
  });

  it("rejects another admin sending a withdrawal signed for the first admin", async () => {
    const { collateral, sign } = await setup();
    const otherAdmin = await f.newWallet();
    await f.chain.addCollateralAdmin({ proxyAddress: collateral, admin: otherAdmin.account.address });
    await expectRevert(withdraw(otherAdmin, await sign()), "BadExecutorSignature");
  });

  it("reverts when the transaction goes to the collateral proxy instead of the controller", async () => {
    const { admin, collateral, sign } = await setup();
    await expectRevert(withdraw(admin, await sign(), collateral), "NotCallTarget");
  });

  it("rejects an expired signature", async () => {
    const { admin, sign } = await setup();
    const payload = await sign({ expiresAt: (await f.now()) - 1n });
    await expectRevert(withdraw(admin, payload), "Expired");
  });

  it("rejects a replay of the same transaction, and a mined replay changes nothing", async () => {
    const { admin, collateral, recipient, sign } = await setup();
    const payload = await sign({ amount: 10n * USD });
    await f.publicClient.waitForTransactionReceipt({ hash: await withdraw(admin, payload) });
    await expectRevert(withdraw(admin, payload), "SaltUsed");

    // Sent anyway (gas given, so no pre-flight), it is mined as a failure.
    const hash = await admin.writeContract({
      address: f.chain.controllerAddress,
      abi: controllerV1Abi,
      functionName: "withdrawAsset",
      args: [payload.collateral, payload.asset, payload.amount, payload.recipient, payload.expiresAt, payload.salt, payload.signature],
      gas: 300_000n,
    });
    expect((await f.publicClient.waitForTransactionReceipt({ hash })).status).toBe("reverted");
    expect(await f.chain.tokenBalance(recipient)).toBe(10n * USD);
    expect(await f.chain.tokenBalance(collateral)).toBe(90n * USD);
  });

  it("rejects the second of two signatures issued at the same nonce", async () => {
    const { admin, sign } = await setup();
    const first = await sign({ amount: 10n * USD });
    const second = await sign({ amount: 20n * USD });
    await f.publicClient.waitForTransactionReceipt({ hash: await withdraw(admin, first) });
    await expectRevert(withdraw(admin, second), "BadExecutorSignature");
  });

  it("rejects a tampered amount or recipient", async () => {
    const { admin, sign } = await setup();
    const payload = await sign();
    await expectRevert(withdraw(admin, { ...payload, amount: payload.amount + 1n }), "BadExecutorSignature");
    await expectRevert(withdraw(admin, { ...payload, recipient: admin.account.address }), "BadExecutorSignature");
  });

  it("rejects a signature by a key other than the registered executor", async () => {
    const { admin, sign } = await setup();
    await expectRevert(withdraw(admin, await sign({ signerKey: generatePrivateKey() })), "BadExecutorSignature");
  });

  it("rejects the malleated (high-s) form of a valid executor signature", async () => {
    const { admin, sign } = await setup();
    const payload = await sign();
    const { r, s, yParity } = parseSignature(payload.signature);
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const highS = serializeSignature({ r, s: `0x${(n - BigInt(s)).toString(16).padStart(64, "0")}` as Hex, yParity: 1 - yParity });
    await expectRevert(withdraw(admin, { ...payload, signature: highS }), "BadExecutorSignature");
  });

  it("rejects a withdrawal larger than the collateral holds", async () => {
    const { admin, collateral, sign } = await setup(30n * USD);
    await expectRevert(withdraw(admin, await sign({ amount: 30n * USD + 1n })), "InsufficientBalance");
    expect(await f.publicClient.readContract({ address: collateral, abi: collateralAbi, functionName: "adminNonce" })).toBe(0n);
  });

  it("rejects a v2 collateral, which is not wired to the controller", async () => {
    const admin = await f.newWallet();
    const collateral = await fundedCollateral(f, { admin: admin.account.address, version: 2, balance: 10n * USD });
    const payload = await executorPayload(f, { version: 1, collateral, admin: admin.account.address, amount: USD, recipient: admin.account.address });
    await expectRevert(withdraw(admin, payload), "NotWithdrawer");
  });
});
