import { createWalletClient, type Hex, http, parseErc6492Signature, parseEther } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import erc1271WalletArtifact from "@machines-card/demo/chain/artifacts/Erc1271Wallet.json";
import { sandbox } from "../../test/helpers/sandbox";
import { signIn } from "../../test/helpers/users";
import { sandboxWallet } from "../../test/helpers/sandbox-wallet";
import { adminTypedData, adminTypedDataJson } from "../withdrawals/admin-typed-data";
import { chainClient } from "./chain-client";
import { findTransferLogs } from "./find-transfer-logs";
import { findUserOperation } from "./find-user-operation";
import { readTransactionFacts } from "./read-transaction-facts";
import { simulateWithdrawal } from "./simulate-withdrawal";
import { readAdminNonce } from "./read-admin-nonce";
import { readIsAdmin } from "./read-is-admin";
import { readLatestBlock } from "./read-latest-block";
import { verifyAdminSignature } from "./verify-admin-signature";

/** Chain reads against the sandbox's real anvil (and one that is not there). */
const s = sandbox();
const client = chainClient({ rpcUrl: s.rpcUrl, id: s.chainId });
const dead = chainClient({ rpcUrl: "http://127.0.0.1:9", id: s.chainId });

async function rpc<T>(method: string, params: unknown[]): Promise<T> {
  const res = await fetch(s.rpcUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const json = (await res.json()) as { result: T; error?: { message: string } };
  if (json.error) throw new Error(json.error.message);
  return json.result;
}

/** A fresh key with gas on anvil (test-only: keys made up here hold nothing anywhere else). */
async function fundedAccount() {
  const account = privateKeyToAccount(generatePrivateKey());
  await rpc("anvil_setBalance", [account.address, `0x${parseEther("1").toString(16)}`]);
  return account;
}

const typedData = (user: `0x${string}`) =>
  adminTypedData({
    parameters: {
      collateralProxy: "0x1111111111111111111111111111111111111111",
      asset: "0x2222222222222222222222222222222222222222",
      amount: 5_000_000n,
      recipient: "0x3333333333333333333333333333333333333333",
      expiresAt: 1_900_000_000,
      executorSalt: `0x${"ee".repeat(32)}`,
      executorSignature: `0x${"ab".repeat(65)}`,
    },
    chainId: s.chainId,
    admin: user,
    adminSalt: `0x${"5a".repeat(32)}`,
    nonce: 3n,
  });

describe("verifyAdminSignature", () => {
  it("accepts an EOA admin's own signature and refuses anyone else's", async () => {
    const admin = privateKeyToAccount(generatePrivateKey());
    const other = privateKeyToAccount(generatePrivateKey());
    const data = typedData(admin.address);
    expect(await verifyAdminSignature(client, { admin: admin.address, typedData: data, signature: await admin.signTypedData(data) })).toBe(true);
    expect(await verifyAdminSignature(client, { admin: admin.address, typedData: data, signature: await other.signTypedData(data) })).toBe(false);
    expect(await verifyAdminSignature(client, { admin: admin.address, typedData: data, signature: "0x" })).toBe(false);
  });

  it("accepts a smart-wallet (ERC-1271) admin's signature, checked on chain", async () => {
    const owner = await fundedAccount();
    const wallet = createWalletClient({ account: owner, transport: http(s.rpcUrl) });
    const deployHash = await wallet.deployContract({
      abi: erc1271WalletArtifact.abi,
      bytecode: erc1271WalletArtifact.bytecode as Hex,
      args: [owner.address],
      chain: null,
    });
    const { contractAddress } = await client.waitForTransactionReceipt({ hash: deployHash });
    const smartWallet = contractAddress!;
    const data = typedData(smartWallet);
    expect(await verifyAdminSignature(client, { admin: smartWallet, typedData: data, signature: await owner.signTypedData(data) })).toBe(true);
    const stranger = privateKeyToAccount(generatePrivateKey());
    expect(await verifyAdminSignature(client, { admin: smartWallet, typedData: data, signature: await stranger.signTypedData(data) })).toBe(false);
  });

  it("accepts a smart account's ERC-6492 signature while the account is not deployed, and refuses it for other data", async () => {
    const wallet = sandboxWallet(await signIn(), s);
    const account = await wallet.address();
    expect(await client.getCode({ address: account })).toBeUndefined();
    const input = {
      parameters: {
        collateralProxy: "0x1111111111111111111111111111111111111111",
        asset: "0x2222222222222222222222222222222222222222",
        amount: 5_000_000n,
        recipient: "0x3333333333333333333333333333333333333333",
        expiresAt: 1_900_000_000,
        executorSalt: `0x${"ee".repeat(32)}`,
        executorSignature: `0x${"ab".repeat(65)}`,
      },
      chainId: s.chainId,
      admin: account,
      adminSalt: `0x${"5a".repeat(32)}`,
      nonce: 3n,
    } as const;
    const signature = await wallet.signTypedData(adminTypedDataJson(input));
    expect(signature.endsWith("6492".repeat(16))).toBe(true);
    expect(await verifyAdminSignature(client, { admin: account, typedData: adminTypedData(input), signature })).toBe(true);
    expect(await verifyAdminSignature(client, { admin: account, typedData: adminTypedData({ ...input, nonce: 4n }), signature })).toBe(false);
    expect(await client.getCode({ address: account })).toBeUndefined(); // checking deployed nothing

    // The dry run of an undeployed account: its factory call (from the ERC-6492 wrapper), then the call as it.
    const { address: factory, data: factoryData } = parseErc6492Signature(signature);
    const ownerCall = "0x8da5cb5b"; // owner(): answers only once the account exists
    const asAccount = { from: account, to: account, data: ownerCall } as const;
    expect(await simulateWithdrawal(client, { ...asAccount, deployFirst: { factory: factory!, factoryData: factoryData! } })).toMatchObject({ ok: true });
    expect(await simulateWithdrawal(client, { ...asAccount, deployFirst: { factory: factory!, factoryData: "0xdeadbeef" } })).toEqual({
      ok: false,
      error: "the wallet's factory call failed",
    });
    expect(await client.getCode({ address: account })).toBeUndefined();
  });

  it("needs the chain for a signature it cannot check offline: chain_unavailable when the RPC is down", async () => {
    const admin = privateKeyToAccount(generatePrivateKey());
    const data = typedData(admin.address);
    const foreign = await privateKeyToAccount(generatePrivateKey()).signTypedData(data);
    await expect(verifyAdminSignature(dead, { admin: admin.address, typedData: data, signature: foreign })).rejects.toMatchObject({
      code: "chain_unavailable",
      status: 502,
    });
  });
});

describe("reads", () => {
  it("reads the head block, and an unknown transaction as null", async () => {
    const head = await readLatestBlock(client);
    expect(head.number).toBeGreaterThan(0n);
    expect(head.timestamp).toBeGreaterThan(1_600_000_000);
    expect(await readTransactionFacts(client, `0x${"12".repeat(32)}`)).toBeNull();
  });

  it("reads a mined transaction's sender, target, calldata, outcome and logs", async () => {
    const sender = await fundedAccount();
    const wallet = createWalletClient({ account: sender, transport: http(s.rpcUrl) });
    const hash = await wallet.sendTransaction({ to: "0x3333333333333333333333333333333333333333", value: 1n, data: "0xabcdef", chain: null });
    await client.waitForTransactionReceipt({ hash });
    expect(await readTransactionFacts(client, hash)).toMatchObject({
      hash,
      from: sender.address.toLowerCase(),
      to: "0x3333333333333333333333333333333333333333",
      input: "0xabcdef",
      receipt: { status: "success", logs: [] },
    });
  });

  it("finds nothing for a user operation or transfer that never happened, searching in bounded windows", async () => {
    const head = await readLatestBlock(client);
    const nowhere = privateKeyToAccount(generatePrivateKey()).address;
    expect(
      await findUserOperation(client, {
        userOpHash: `0x${"77".repeat(32)}`,
        entryPoints: [nowhere],
        fromBlock: 0n,
        toBlock: head.number,
        maxBlocks: 5,
        maxWindows: 3,
      }),
    ).toBeNull();
    const window = await findTransferLogs(client, { token: nowhere, from: nowhere, to: nowhere, fromBlock: 0n, toBlock: head.number, maxBlocks: 3 });
    expect(window).toEqual({ logs: [], toBlock: head.number < 2n ? head.number : 2n, maxBlocks: 3 });
  });

  it("names an address without a contract as Machines' bad data, not a chain outage", async () => {
    const nowhere = privateKeyToAccount(generatePrivateKey()).address;
    await expect(readAdminNonce(client, { collateralProxy: nowhere })).rejects.toMatchObject({ code: "upstream_invalid_response" });
    await expect(readIsAdmin(client, { collateralProxy: nowhere, account: nowhere })).rejects.toMatchObject({ code: "upstream_invalid_response" });
  });

  it("turns an unreachable RPC into 502 chain_unavailable", async () => {
    await expect(readLatestBlock(dead)).rejects.toMatchObject({ code: "chain_unavailable", status: 502 });
    await expect(readTransactionFacts(dead, `0x${"12".repeat(32)}`)).rejects.toMatchObject({ code: "chain_unavailable" });
  });
});
