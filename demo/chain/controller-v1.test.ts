/**
 * The sandbox's v1 controller against the public facts of Rain's v1 controller (evm-withdrawals.md
 * section 7), read from the chain: domain name and version, `controllerAdmin()`, `nonce(address)`, the
 * literal `Withdraw(…uint…)` type string, the order of the checks and their revert strings, the
 * `Withdrawal` event, and the collateral's `withdrawAsset(asset, recipient, amount)` for the controller only.
 */
import {
  type Address,
  type Hex,
  concat,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  hashDomain,
  keccak256,
  pad,
  parseEventLogs,
  parseSignature,
  serializeSignature,
  toHex,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collateralAbi } from "@machines-card/contract/abi/collateral";
import { controllerV1Abi } from "@machines-card/contract/abi/controller-v1";
import { erc20Abi } from "@machines-card/contract/abi/erc20";
import { withdrawalErrorsAbi } from "@machines-card/contract/abi/withdrawal-errors";
import { loadArtifacts } from "./compile";
import { SANDBOX_DEPLOYER_PRIVATE_KEY, SANDBOX_EXECUTOR_PRIVATE_KEY } from "./keys";
import { type ChainFixture, type ExecutorPayload, type TestWallet, executorPayload, fundedCollateral, randomSalt, startChainFixture } from "./testing/chain-fixture";
import { expectRevert } from "./testing/expect-revert";

const USD = 1_000_000n; // 6 decimals
/** Section 7, verbatim: Rain's message spells its integers `uint`. */
const RAIN_WITHDRAW_TYPE = "Withdraw(address user,address collateral,address asset,uint amount,address recipient,uint nonce,uint expiresAt)";
const RAIN_PAY_TYPE = "Pay(address user,address collateral,address[] assets,uint[] amounts,uint nonce,uint expiresAt)";
const controllerAbi = [...controllerV1Abi, ...withdrawalErrorsAbi];

let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture();
});
afterAll(() => f?.stop());

const read = <T>(functionName: string, args: readonly unknown[] = []) =>
  f.publicClient.readContract({ address: f.chain.controllerAddress, abi: controllerV1Abi, functionName, args } as never) as Promise<T>;
const controllerNonce = (collateral: Address) => read<bigint>("nonce", [collateral]);

/** `withdrawAsset` with parameters[0..6] in order, sent by `from` to the controller (or `to`). */
function withdraw(from: TestWallet, p: ExecutorPayload, options: { to?: Address; gas?: bigint } = {}) {
  return from.writeContract({
    address: options.to ?? f.chain.controllerAddress,
    abi: controllerAbi,
    functionName: "withdrawAsset",
    args: [p.collateral, p.asset, p.amount, p.recipient, p.expiresAt, p.salt, p.signature],
    ...(options.gas && { gas: options.gas }),
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

describe("controller v1: Rain's public interface, read from the chain", () => {
  it("names its EIP-712 domain 'Rain Collateral' version '1' and signs with controllerAdmin()", async () => {
    expect(await read("EIP712_DOMAIN_NAME")).toBe("Rain Collateral");
    expect(await read("EIP712_DOMAIN_VERSION")).toBe("1");
    expect(await read("controllerAdmin")).toBe(f.chain.executorAddress);
    const { Controller } = await loadArtifacts();
    const extra = (functionName: string) => f.publicClient.readContract({ address: f.chain.controllerAddress, abi: Controller.abi, functionName });
    expect(await extra("owner")).toBe(f.chain.deployment.deployerAddress);
    expect(await extra("treasury")).toBe(f.chain.deployment.deployerAddress);
    expect(await extra("EIP712_DOMAIN_TYPE_HASH")).toBe(
      keccak256(toHex("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)")),
    );
    expect(await extra("WITHDRAW_TYPE_HASH")).toBe(keccak256(toHex(RAIN_WITHDRAW_TYPE)));
    expect(await extra("PAY_TYPE_HASH")).toBe(keccak256(toHex(RAIN_PAY_TYPE)));
  });

  it("has the Withdrawal, Payment and Liquidation events and no invented one", async () => {
    const { Controller, Coordinator, CollateralProxy } = await loadArtifacts();
    const events = (abi: readonly { type: string; name?: string }[]) => abi.filter((i) => i.type === "event").map((i) => i.name).sort();
    expect(events(Controller.abi)).toEqual(["Liquidation", "Payment", "Withdrawal"]);
    for (const abi of [Controller.abi, Coordinator.abi, CollateralProxy.abi]) expect(events(abi)).not.toContain("Withdrawn");
    expect(Controller.abi.filter((i) => i.type === "error")).toEqual([]); // Rain's v1 reverts with strings
  });

  it("encodes withdrawAsset with selector 0xe167d26a", async () => {
    const { sign } = await setup();
    const p = await sign();
    const data = encodeFunctionData({
      abi: controllerV1Abi,
      functionName: "withdrawAsset",
      args: [p.collateral, p.asset, p.amount, p.recipient, p.expiresAt, p.salt, p.signature],
    });
    expect(data.slice(0, 10)).toBe("0xe167d26a");
  });
});

describe("controller v1 withdrawAsset", () => {
  it("pays the recipient from the collateral, moves nonce(collateral) on and emits Withdrawal(collateral, asset, amount)", async () => {
    const { admin, collateral, recipient, sign } = await setup();
    expect(await controllerNonce(collateral)).toBe(0n);
    const payload = await sign();
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash: await withdraw(admin, payload) });

    expect(receipt.status).toBe("success");
    expect(await f.chain.tokenBalance(collateral)).toBe(60n * USD);
    expect(await f.chain.tokenBalance(recipient)).toBe(40n * USD);
    expect(await controllerNonce(collateral)).toBe(1n);
    // v1 keeps its nonce on the controller; the collateral's v2 adminNonce does not move.
    expect(await f.publicClient.readContract({ address: collateral, abi: collateralAbi, functionName: "adminNonce" })).toBe(0n);
    const withdrawals = parseEventLogs({ abi: controllerV1Abi, eventName: "Withdrawal", logs: receipt.logs });
    expect(withdrawals.map((e) => ({ emitter: getAddress(e.address), ...e.args }))).toEqual([
      { emitter: f.chain.controllerAddress, _collateralProxy: collateral, _asset: f.chain.tokenAddress, _amount: 40n * USD },
    ]);
    const transfers = parseEventLogs({ abi: erc20Abi, eventName: "Transfer", logs: receipt.logs });
    expect(transfers.map((t) => t.args)).toEqual([{ from: collateral, to: recipient, value: 40n * USD }]);
    expect(receipt.logs).toHaveLength(2);
  });

  it("checks the sender first: a stranger gets 'Unauthorized' even with an expired, foreign signature", async () => {
    const { sign } = await setup();
    const stranger = await f.newWallet();
    await expectRevert(withdraw(stranger, await sign()), { reason: "Unauthorized" });
    const expiredAndForeign = await sign({ expiresAt: (await f.now()) - 1n, signerKey: generatePrivateKey() });
    await expectRevert(withdraw(stranger, expiredAndForeign), { reason: "Unauthorized" });
  });

  it("checks expiry before the signature: 'Expired signature' even when the signature is foreign", async () => {
    const { admin, sign } = await setup();
    await expectRevert(withdraw(admin, await sign({ expiresAt: (await f.now()) - 1n })), { reason: "Expired signature" });
    await expectRevert(withdraw(admin, await sign({ expiresAt: (await f.now()) - 1n, signerKey: generatePrivateKey() })), {
      reason: "Expired signature",
    });
  });

  it("requires block.timestamp < expiresAt strictly: a block at expiresAt reverts, one second earlier pays", async () => {
    const { admin, collateral, sign } = await setup();
    const at = (await f.now()) + 100n;
    const onTheSecond = await sign({ expiresAt: at, amount: USD });
    await f.setNextBlockTimestamp(at);
    const failed = await f.publicClient.waitForTransactionReceipt({ hash: await withdraw(admin, onTheSecond, { gas: 300_000n }) });
    expect(failed.status).toBe("reverted");
    await expectRevert(
      f.publicClient.simulateContract({
        account: admin.account,
        address: f.chain.controllerAddress,
        abi: controllerAbi,
        functionName: "withdrawAsset",
        args: [onTheSecond.collateral, onTheSecond.asset, onTheSecond.amount, onTheSecond.recipient, onTheSecond.expiresAt, onTheSecond.salt, onTheSecond.signature],
        blockNumber: failed.blockNumber,
      }),
      { reason: "Expired signature" },
    );

    const justInTime = await sign({ expiresAt: (await f.now()) + 11n, amount: USD });
    await f.setNextBlockTimestamp(justInTime.expiresAt - 1n);
    const paid = await f.publicClient.waitForTransactionReceipt({ hash: await withdraw(admin, justInTime, { gas: 300_000n }) });
    expect(paid.status).toBe("success");
    expect(await controllerNonce(collateral)).toBe(1n);
  });

  it("binds the signature to msg.sender: another admin sending it gets 'Invalid signature'", async () => {
    const { collateral, sign } = await setup();
    const otherAdmin = await f.newWallet();
    await f.chain.addCollateralAdmin({ proxyAddress: collateral, admin: otherAdmin.account.address });
    await expectRevert(withdraw(otherAdmin, await sign()), { reason: "Invalid signature" });
  });

  it("rejects a tampered amount, recipient or salt (the salt is the domain's), a foreign key and a high-s signature", async () => {
    const { admin, sign } = await setup();
    const payload = await sign();
    const invalid = { reason: "Invalid signature" };
    await expectRevert(withdraw(admin, { ...payload, amount: payload.amount + 1n }), invalid);
    await expectRevert(withdraw(admin, { ...payload, recipient: admin.account.address }), invalid);
    await expectRevert(withdraw(admin, { ...payload, salt: randomSalt() }), invalid);
    await expectRevert(withdraw(admin, await sign({ signerKey: generatePrivateKey() })), invalid);
    const { r, s, yParity } = parseSignature(payload.signature);
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const highS = serializeSignature({ r, s: `0x${(n - BigInt(s)).toString(16).padStart(64, "0")}` as Hex, yParity: 1 - yParity });
    await expectRevert(withdraw(admin, { ...payload, signature: highS }), invalid);
  });

  it("uses each signature once: a replay, and the second of two signed at the same nonce, get 'Invalid signature'", async () => {
    const { admin, collateral, recipient, sign } = await setup();
    const first = await sign({ amount: 10n * USD });
    const second = await sign({ amount: 20n * USD });
    await f.publicClient.waitForTransactionReceipt({ hash: await withdraw(admin, first) });
    await expectRevert(withdraw(admin, first), { reason: "Invalid signature" });
    await expectRevert(withdraw(admin, second), { reason: "Invalid signature" });

    // Sent anyway (gas given, so no pre-flight), the replay is mined as a failure and moves nothing.
    const hash = await withdraw(admin, first, { gas: 300_000n });
    expect((await f.publicClient.waitForTransactionReceipt({ hash })).status).toBe("reverted");
    expect(await f.chain.tokenBalance(recipient)).toBe(10n * USD);
    expect(await f.chain.tokenBalance(collateral)).toBe(90n * USD);
    expect(await controllerNonce(collateral)).toBe(1n);
  });

  it("lets the owner invalidate an issued signature with increaseNonce, and nobody else", async () => {
    const { admin, collateral, sign } = await setup();
    const payload = await sign();
    const { Controller } = await loadArtifacts();
    const increase = (wallet: TestWallet) =>
      wallet.writeContract({ address: f.chain.controllerAddress, abi: Controller.abi, functionName: "increaseNonce", args: [collateral] });
    await expectRevert(increase(admin), { reason: "Ownable: caller is not the owner" });
    await f.publicClient.waitForTransactionReceipt({ hash: await increase(await f.walletOf(SANDBOX_DEPLOYER_PRIVATE_KEY)) });
    expect(await controllerNonce(collateral)).toBe(1n);
    await expectRevert(withdraw(admin, payload), { reason: "Invalid signature" });
  });

  it("reverts when the transaction goes to the collateral proxy instead of the controller", async () => {
    const { admin, collateral, sign } = await setup();
    await expectRevert(withdraw(admin, await sign(), { to: collateral }), "NotCallTarget");
  });

  it("rejects a withdrawal larger than the collateral holds, and the nonce stays", async () => {
    const { admin, collateral, sign } = await setup(30n * USD);
    await expectRevert(withdraw(admin, await sign({ amount: 30n * USD + 1n })), "InsufficientBalance");
    expect(await controllerNonce(collateral)).toBe(0n);
  });

  it("rejects a v2 collateral, which is not wired to the controller", async () => {
    const admin = await f.newWallet();
    const collateral = await fundedCollateral(f, { admin: admin.account.address, version: 2, balance: 10n * USD });
    const payload = await executorPayload(f, { version: 1, collateral, admin: admin.account.address, amount: USD, recipient: admin.account.address });
    await expectRevert(withdraw(admin, payload), "NotWithdrawer");
  });
});

describe("the collateral's withdrawAsset(asset, recipient, amount)", () => {
  it("answers the controller only: an admin calling it directly is refused", async () => {
    const { admin, collateral } = await setup();
    const { CollateralProxy } = await loadArtifacts();
    await expectRevert(
      admin.writeContract({
        address: collateral,
        abi: CollateralProxy.abi,
        functionName: "withdrawAsset",
        args: [f.chain.tokenAddress, admin.account.address, USD],
      }),
      "NotWithdrawer",
    );
    expect(await f.chain.tokenBalance(collateral)).toBe(100n * USD);
  });
});

describe("payments and liquidations share the controller", () => {
  /** Rain's Pay message, signed by the controller admin, hashed from section 7's literal type string. */
  async function signPayment(p: { user: Address; collateral: Address; amounts: bigint[]; expiresAt: bigint; salt: Hex }) {
    const assets = p.amounts.map(() => f.chain.tokenAddress);
    const structHash = keccak256(
      encodeAbiParameters(
        [{ type: "bytes32" }, { type: "address" }, { type: "address" }, { type: "bytes32" }, { type: "bytes32" }, { type: "uint256" }, { type: "uint256" }],
        [
          keccak256(toHex(RAIN_PAY_TYPE)),
          p.user,
          p.collateral,
          keccak256(concat(assets.map((a) => pad(a, { size: 32 })))),
          keccak256(concat(p.amounts.map((x) => toHex(x, { size: 32 })))),
          await controllerNonce(p.collateral),
          p.expiresAt,
        ],
      ),
    );
    const domainSeparator = hashDomain({
      domain: { name: "Rain Collateral", version: "1", chainId: BigInt(f.chain.chainId), verifyingContract: f.chain.controllerAddress, salt: p.salt },
      types: {
        EIP712Domain: [
          { name: "name", type: "string" },
          { name: "version", type: "string" },
          { name: "chainId", type: "uint256" },
          { name: "verifyingContract", type: "address" },
          { name: "salt", type: "bytes32" },
        ],
      },
    });
    return privateKeyToAccount(SANDBOX_EXECUTOR_PRIVATE_KEY).sign({ hash: keccak256(concat(["0x1901", domainSeparator, structHash])) });
  }

  it("a payment to the treasury uses the same per-collateral nonce, so a withdrawal signed before it no longer works", async () => {
    const { admin, collateral, sign } = await setup();
    const withdrawal = await sign();
    const { Controller } = await loadArtifacts();
    const salt = randomSalt();
    const expiresAt = (await f.now()) + 600n;
    const signature = await signPayment({ user: admin.account.address, collateral, amounts: [5n * USD], expiresAt, salt });
    const treasuryBefore = await f.chain.tokenBalance(f.chain.deployment.deployerAddress);
    const hash = await admin.writeContract({
      address: f.chain.controllerAddress,
      abi: Controller.abi,
      functionName: "makePayment",
      args: [collateral, [f.chain.tokenAddress], [5n * USD], expiresAt, salt, signature],
    });
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
    expect(parseEventLogs({ abi: Controller.abi, eventName: "Payment", logs: receipt.logs })).toHaveLength(1);
    expect(await f.chain.tokenBalance(f.chain.deployment.deployerAddress)).toBe(treasuryBefore + 5n * USD);
    expect(await controllerNonce(collateral)).toBe(1n);
    await expectRevert(withdraw(admin, withdrawal), { reason: "Invalid signature" });
  });

  it("only the controller admin liquidates", async () => {
    const { admin, collateral } = await setup();
    const { Controller } = await loadArtifacts();
    const liquidate = (wallet: TestWallet) =>
      wallet.writeContract({
        address: f.chain.controllerAddress,
        abi: Controller.abi,
        functionName: "liquidateAsset",
        args: [collateral, [f.chain.tokenAddress], [USD]],
      });
    await expectRevert(liquidate(admin), { reason: "Not controller admin" });
    const receipt = await f.publicClient.waitForTransactionReceipt({ hash: await liquidate(await f.walletOf(SANDBOX_EXECUTOR_PRIVATE_KEY)) });
    expect(parseEventLogs({ abi: Controller.abi, eventName: "Liquidation", logs: receipt.logs })).toHaveLength(1);
    expect(await f.chain.tokenBalance(collateral)).toBe(99n * USD);
  });
});
