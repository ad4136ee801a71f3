import { type Abi, type Address, type Hex, encodeFunctionData, getAddress, parseEventLogs } from "viem";
import { generatePrivateKey } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coordinatorV2Abi } from "@machines-card/contract/abi/coordinator-v2";
import { erc20Abi } from "@machines-card/contract/abi/erc20";
import { withdrawalErrorsAbi } from "@machines-card/contract/abi/withdrawal-errors";
import { loadArtifacts } from "./compile";
import {
  type ChainFixture,
  type ExecutorPayload,
  type TestWallet,
  adminSignature,
  executorPayload,
  fundedCollateral,
  randomSalt,
  startChainFixture,
} from "./testing/chain-fixture";
import { expectRevert } from "./testing/expect-revert";

const USD = 1_000_000n;

let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture();
});
afterAll(() => f?.stop());

interface AdminPairs {
  adminSalts: Hex[];
  adminSignatures: Hex[];
  directTransfer?: boolean;
}

function withdrawArgs(p: ExecutorPayload, a: AdminPairs) {
  return [
    p.collateral, p.asset, p.amount, p.recipient, p.expiresAt, p.salt, p.signature,
    a.adminSalts, a.adminSignatures, a.directTransfer ?? true,
  ] as const;
}

/** The 10-argument `withdrawAsset`, sent by `from` to the coordinator (or `to`). */
function withdraw(from: TestWallet, p: ExecutorPayload, a: AdminPairs, to?: Address) {
  return from.writeContract({
    address: to ?? f.chain.coordinatorAddress,
    abi: coordinatorV2Abi,
    functionName: "withdrawAsset",
    args: withdrawArgs(p, a),
  });
}

/** An EOA admin on a funded v2 collateral, and helpers to produce both signatures for it. */
async function setup(balance = 100n * USD) {
  const admin = await f.newWallet();
  const user = admin.account.address;
  const collateral = await fundedCollateral(f, { admin: user, version: 2, balance });
  const recipient = (await f.newWallet()).account.address;
  const executor = (over: Partial<Parameters<typeof executorPayload>[1]> = {}) =>
    executorPayload(f, { version: 2, collateral, admin: user, amount: 40n * USD, recipient, ...over });
  /** Reads the nonce just before signing, as the wallet must. */
  const adminPair = async (p: ExecutorPayload, over: Partial<Parameters<typeof adminSignature>[1]> = {}): Promise<AdminPairs> => {
    const nonce = await f.chain.adminNonce(collateral);
    const { adminSalt, adminSignature: sig } = await adminSignature(admin, {
      chainId: f.chain.chainId, collateral, user, asset: p.asset, amount: p.amount, recipient: p.recipient, nonce, ...over,
    });
    return { adminSalts: [adminSalt], adminSignatures: [sig] };
  };
  return { admin, collateral, recipient, executor, adminPair };
}

const mined = async (hash: Hex) => {
  const receipt = await f.publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
};

describe("coordinator v2 withdrawAsset, EOA admin", () => {
  it("moves the test dollar to the recipient with the executor's and the admin's signatures", async () => {
    const { admin, collateral, recipient, executor, adminPair } = await setup();
    const payload = await executor();
    const receipt = await mined(await withdraw(admin, payload, await adminPair(payload)));

    expect(await f.chain.tokenBalance(collateral)).toBe(60n * USD);
    expect(await f.chain.tokenBalance(recipient)).toBe(40n * USD);
    expect(await f.chain.adminNonce(collateral)).toBe(1n);
    // What the Worker confirms a v2 withdrawal by: the token's Transfer out of the collateral (no coordinator event).
    const transfers = parseEventLogs({ abi: erc20Abi, eventName: "Transfer", logs: receipt.logs });
    expect(transfers.map((t) => ({ token: getAddress(t.address), ...t.args }))).toEqual([
      { token: f.chain.tokenAddress, from: collateral, to: recipient, value: 40n * USD },
    ]);
    expect(receipt.logs.every((log) => getAddress(log.address) === f.chain.tokenAddress)).toBe(true);
  });

  it("encodes the call with selector 0x4b268241", async () => {
    const { executor, adminPair } = await setup();
    const payload = await executor();
    const data = encodeFunctionData({ abi: coordinatorV2Abi, functionName: "withdrawAsset", args: withdrawArgs(payload, await adminPair(payload)) });
    expect(data.slice(0, 10)).toBe("0x4b268241");
  });

  it("with directTransfer false, routes the funds through the coordinator to the same recipient", async () => {
    const { admin, collateral, recipient, executor, adminPair } = await setup();
    const payload = await executor();
    await mined(await withdraw(admin, payload, { ...(await adminPair(payload)), directTransfer: false }));
    expect(await f.chain.tokenBalance(recipient)).toBe(40n * USD);
    expect(await f.chain.tokenBalance(collateral)).toBe(60n * USD);
    expect(await f.chain.tokenBalance(f.chain.coordinatorAddress)).toBe(0n);
  });

  it("rejects a sender other than the admin the executor signed for", async () => {
    const { collateral, executor, adminPair } = await setup();
    const other = await f.newWallet();
    await f.chain.addCollateralAdmin({ proxyAddress: collateral, admin: other.account.address });
    const payload = await executor();
    await expectRevert(withdraw(other, payload, await adminPair(payload)), "BadExecutorSignature");
  });

  it("rejects a sender that is no longer an admin, even with valid signatures", async () => {
    const { admin, collateral, executor, adminPair } = await setup();
    const payload = await executor();
    const pair = await adminPair(payload);
    await f.chain.removeCollateralAdmin({ proxyAddress: collateral, admin: admin.account.address });
    await expectRevert(withdraw(admin, payload, pair), "NotAdmin");
  });

  it("reverts when the transaction goes to the collateral proxy instead of the coordinator", async () => {
    const { admin, collateral, executor, adminPair } = await setup();
    const payload = await executor();
    await expectRevert(withdraw(admin, payload, await adminPair(payload), collateral), "NotCallTarget");
  });

  it("rejects an expired executor signature", async () => {
    const { admin, executor, adminPair } = await setup();
    const payload = await executor({ expiresAt: (await f.now()) - 1n });
    await expectRevert(withdraw(admin, payload, await adminPair(payload)), "Expired");
  });

  it("rejects a replay of the same transaction", async () => {
    const { admin, executor, adminPair } = await setup();
    const payload = await executor();
    const pair = await adminPair(payload);
    await mined(await withdraw(admin, payload, pair));
    await expectRevert(withdraw(admin, payload, pair), "SaltUsed");
  });

  it("rejects the second of two withdrawals signed at the same nonce", async () => {
    const { admin, executor, adminPair } = await setup();
    const first = await executor({ amount: 10n * USD });
    const second = await executor({ amount: 20n * USD });
    const firstPair = await adminPair(first);
    const secondPair = await adminPair(second);
    await mined(await withdraw(admin, first, firstPair));
    await expectRevert(withdraw(admin, second, secondPair), "BadExecutorSignature");
  });

  it("rejects an admin signature made at a stale nonce", async () => {
    const { admin, collateral, executor, adminPair } = await setup();
    const earlier = await executor({ amount: USD });
    await mined(await withdraw(admin, earlier, await adminPair(earlier)));
    const payload = await executor();
    const stale = await adminPair(payload, { nonce: (await f.chain.adminNonce(collateral)) - 1n });
    await expectRevert(withdraw(admin, payload, stale), "BadAdminSignature");
  });

  it("rejects a tampered amount or recipient", async () => {
    const { admin, executor, adminPair } = await setup();
    const payload = await executor();
    const pair = await adminPair(payload);
    await expectRevert(withdraw(admin, { ...payload, amount: payload.amount + 1n }, pair), "BadExecutorSignature");
    await expectRevert(withdraw(admin, { ...payload, recipient: admin.account.address }, pair), "BadExecutorSignature");
  });

  it("rejects an admin signature over other values, another salt, or by another key", async () => {
    const { admin, executor, adminPair } = await setup();
    const payload = await executor();
    await expectRevert(withdraw(admin, payload, await adminPair(payload, { recipient: admin.account.address })), "BadAdminSignature");
    await expectRevert(withdraw(admin, payload, await adminPair(payload, { amount: payload.amount - 1n })), "BadAdminSignature");
    const pair = await adminPair(payload);
    await expectRevert(withdraw(admin, payload, { ...pair, adminSalts: [randomSalt()] }), "BadAdminSignature");
    const stranger = await f.newWallet();
    const { adminSignature: foreign, adminSalt } = await adminSignature(stranger, {
      chainId: f.chain.chainId, collateral: payload.collateral, user: admin.account.address,
      asset: payload.asset, amount: payload.amount, recipient: payload.recipient, nonce: 0n,
    });
    await expectRevert(withdraw(admin, payload, { adminSalts: [adminSalt], adminSignatures: [foreign] }), "BadAdminSignature");
  });

  it("requires exactly one admin salt and signature", async () => {
    const { admin, executor, adminPair } = await setup();
    const payload = await executor();
    const { adminSalts, adminSignatures } = await adminPair(payload);
    const [salt, sig] = [adminSalts[0]!, adminSignatures[0]!];
    await expectRevert(withdraw(admin, payload, { adminSalts: [], adminSignatures: [] }), "LengthMismatch");
    await expectRevert(withdraw(admin, payload, { adminSalts: [salt, salt], adminSignatures: [sig, sig] }), "LengthMismatch");
    await expectRevert(withdraw(admin, payload, { adminSalts: [salt], adminSignatures: [sig, sig] }), "LengthMismatch");
  });

  it("rejects a withdrawal larger than the collateral holds", async () => {
    const { admin, executor, adminPair } = await setup(5n * USD);
    const payload = await executor({ amount: 6n * USD });
    await expectRevert(withdraw(admin, payload, await adminPair(payload)), "InsufficientBalance");
  });

  it("rejects a signature by a key other than the registered executor", async () => {
    const { admin, executor, adminPair } = await setup();
    const payload = await executor({ signerKey: generatePrivateKey() });
    await expectRevert(withdraw(admin, payload, await adminPair(payload)), "BadExecutorSignature");
  });

  it("rejects a v1 collateral, which is not wired to the coordinator", async () => {
    const admin = await f.newWallet();
    const user = admin.account.address;
    const collateral = await fundedCollateral(f, { admin: user, version: 1, balance: 10n * USD });
    const payload = await executorPayload(f, { version: 2, collateral, admin: user, amount: USD, recipient: user });
    const { adminSalt, adminSignature: sig } = await adminSignature(admin, {
      chainId: f.chain.chainId, collateral, user, asset: payload.asset, amount: USD, recipient: user, nonce: 0n,
    });
    await expectRevert(withdraw(admin, payload, { adminSalts: [adminSalt], adminSignatures: [sig] }), "NotWithdrawer");
  });
});

describe("coordinator v2 withdrawAsset, ERC-1271 smart-account admin", () => {
  async function smartAccountSetup() {
    const owner = await f.newWallet();
    const { Erc1271Wallet } = await loadArtifacts();
    const deployed = await mined(await owner.deployContract({ abi: Erc1271Wallet.abi, bytecode: Erc1271Wallet.bytecode, args: [owner.account.address] }));
    const account = deployed.contractAddress!;
    const walletAbi = [...Erc1271Wallet.abi, ...withdrawalErrorsAbi] as Abi;
    const collateral = await fundedCollateral(f, { admin: account, version: 2, balance: 100n * USD });
    const recipient = (await f.newWallet()).account.address;
    const payload = await executorPayload(f, { version: 2, collateral, admin: account, amount: 25n * USD, recipient });
    /** The owner's wallet signs the typed data for the account (`user` = the account). */
    const signAs = (signer: TestWallet) =>
      adminSignature(signer, {
        chainId: f.chain.chainId, collateral, user: account, asset: payload.asset, amount: payload.amount, recipient, nonce: 0n,
      });
    /** The owner has the account call the coordinator, so the account is msg.sender. */
    const execute = (pair: { adminSalt: Hex; adminSignature: Hex }) =>
      owner.writeContract({
        address: account,
        abi: walletAbi,
        functionName: "execute",
        args: [
          f.chain.coordinatorAddress,
          encodeFunctionData({
            abi: coordinatorV2Abi,
            functionName: "withdrawAsset",
            args: withdrawArgs(payload, { adminSalts: [pair.adminSalt], adminSignatures: [pair.adminSignature] }),
          }),
        ],
      });
    return { owner, collateral, recipient, signAs, execute };
  }

  it("accepts the owner's signature through isValidSignature and moves the funds", async () => {
    const { owner, collateral, recipient, signAs, execute } = await smartAccountSetup();
    await mined(await execute(await signAs(owner)));
    expect(await f.chain.tokenBalance(recipient)).toBe(25n * USD);
    expect(await f.chain.tokenBalance(collateral)).toBe(75n * USD);
  });

  it("rejects a signature the smart account does not approve", async () => {
    const { signAs, execute } = await smartAccountSetup();
    await expectRevert(execute(await signAs(await f.newWallet())), "BadAdminSignature");
  });
});
