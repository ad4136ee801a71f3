/**
 * The EIP-712 messages: typehashes from the reference, and the digests the contracts verify equal
 * what viem (that is, a wallet) signs for the same typed data.
 */
import { type Abi, type Address, hashTypedData, keccak256, recoverAddress, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collateralWithdrawTypedData } from "@machines-card/contract/abi/collateral-withdraw-typed-data";
import { type ContractArtifacts, loadArtifacts } from "./compile";
import { CONTROLLER_V1_WITHDRAW_TYPE, coordinatorExecutorTypedData, executorWithdrawalDigest } from "./executor-message";
import { type ChainFixture, randomSalt, startChainFixture } from "./testing/chain-fixture";

const DOMAIN_TYPEHASH = "0xd87cd6ef79d4e2b95e15ce8abf732db51ec771f1ca2edccf22a46c729ac56472";
const ADMIN_WITHDRAW_TYPEHASH = "0x74d63e4bf441631d053a425b91bbce942ae34ae3030c75e327b65b729f9ef9d5";
/** The sandbox coordinator's executor message ([sandbox choice], Rain's Solana form on EVM). */
const EXECUTOR_WITHDRAW_TYPEHASH = "0x947f5e3b95089db2a80a00e383947991b50e131febda16f519522edd0af91cc8";
/** Rain's v1 controller: section 7's type string, with `uint`. */
const RAIN_V1_WITHDRAW_TYPE = "Withdraw(address user,address collateral,address asset,uint amount,address recipient,uint nonce,uint expiresAt)";

let f: ChainFixture;
let artifacts: ContractArtifacts;
beforeAll(async () => {
  [f, artifacts] = await Promise.all([startChainFixture(), loadArtifacts()]);
});
afterAll(() => f?.stop());

const read = (address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
  f.publicClient.readContract({ address, abi, functionName, args });

const sample = {
  user: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  collateral: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  asset: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  amount: 50_000_000n,
  recipient: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
  nonce: 3n,
  expiresAt: 1_775_596_665n,
} as const;

describe("typehashes (evm-withdrawals.md sections 5 and 7)", () => {
  it("are the keccak256 of the documented type strings", () => {
    const h = (s: string) => keccak256(toHex(s));
    expect(h("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)")).toBe(DOMAIN_TYPEHASH);
    expect(h("Withdraw(address user,address asset,uint256 amount,address recipient,uint256 nonce)")).toBe(ADMIN_WITHDRAW_TYPEHASH);
    expect(
      h("Withdraw(address user,address collateral,address asset,uint256 amount,address recipient,uint256 nonce,uint256 expiresAt)"),
    ).toBe(EXECUTOR_WITHDRAW_TYPEHASH);
  });

  it("are the constants the deployed contracts use", async () => {
    const { Controller, Coordinator } = artifacts;
    expect(CONTROLLER_V1_WITHDRAW_TYPE).toBe(RAIN_V1_WITHDRAW_TYPE);
    expect(await read(f.chain.controllerAddress, Controller.abi, "EIP712_DOMAIN_TYPE_HASH")).toBe(DOMAIN_TYPEHASH);
    expect(await read(f.chain.controllerAddress, Controller.abi, "WITHDRAW_TYPE_HASH")).toBe(keccak256(toHex(RAIN_V1_WITHDRAW_TYPE)));
    expect(await read(f.chain.coordinatorAddress, Coordinator.abi, "DOMAIN_TYPEHASH")).toBe(DOMAIN_TYPEHASH);
    expect(await read(f.chain.coordinatorAddress, Coordinator.abi, "EXECUTOR_WITHDRAW_TYPEHASH")).toBe(EXECUTOR_WITHDRAW_TYPEHASH);
    expect(await read(f.chain.coordinatorAddress, Coordinator.abi, "ADMIN_WITHDRAW_TYPEHASH")).toBe(ADMIN_WITHDRAW_TYPEHASH);
  });
});

describe("digests", () => {
  const withdrawal = (salt: `0x${string}`) => ({
    collateral: sample.collateral,
    asset: sample.asset,
    amount: sample.amount,
    recipient: sample.recipient,
    expiresAt: sample.expiresAt,
    executorSalt: salt,
  });

  it("admin (v2): the coordinator's digest is the one a wallet signs, domain = the collateral proxy with the admin salt", async () => {
    const adminSalt = randomSalt();
    const onChain = await read(f.chain.coordinatorAddress, artifacts.Coordinator.abi, "hashAdminWithdrawal", [
      withdrawal(randomSalt()), sample.user, sample.nonce, adminSalt,
    ]);
    const fromReference = hashTypedData({
      domain: { name: "Collateral", version: "2", chainId: f.chain.chainId, verifyingContract: sample.collateral, salt: adminSalt },
      types: {
        Withdraw: [
          { name: "user", type: "address" },
          { name: "asset", type: "address" },
          { name: "amount", type: "uint256" },
          { name: "recipient", type: "address" },
          { name: "nonce", type: "uint256" },
        ],
      },
      primaryType: "Withdraw",
      message: { user: sample.user, asset: sample.asset, amount: sample.amount, recipient: sample.recipient, nonce: sample.nonce },
    });
    const fromShared = hashTypedData(
      collateralWithdrawTypedData({ chainId: f.chain.chainId, collateralProxy: sample.collateral, adminSalt, ...sample }),
    );
    expect(onChain).toBe(fromReference);
    expect(fromShared).toBe(fromReference);
  });

  it("executor (v2, sandbox choice): the coordinator's digest is the sandbox executor message", async () => {
    const salt = randomSalt();
    const onChain = await read(f.chain.coordinatorAddress, artifacts.Coordinator.abi, "hashExecutorWithdrawal", [withdrawal(salt), sample.user, sample.nonce]);
    const typedData = coordinatorExecutorTypedData({ version: 2, chainId: f.chain.chainId, verifyingContract: f.chain.coordinatorAddress, salt, ...sample });
    expect(typedData.domain).toMatchObject({ name: "Coordinator", version: "2" });
    expect(onChain).toBe(hashTypedData(typedData));
    expect(executorWithdrawalDigest({ version: 2, chainId: f.chain.chainId, verifyingContract: f.chain.coordinatorAddress, salt, ...sample })).toBe(onChain);
  });

  it("executor (v1, Rain's): 'Rain Collateral'/'1' on the controller, salt in the domain, the literal uint type string", async () => {
    const salt = randomSalt();
    const message = { version: 1, chainId: f.chain.chainId, verifyingContract: f.chain.controllerAddress, salt, ...sample } as const;
    const digest = executorWithdrawalDigest(message);
    // The standard spelling (uint256) is another digest: Rain's controller would refuse it.
    const canonical = hashTypedData({
      ...coordinatorExecutorTypedData({ ...message, version: 2 }),
      domain: { name: "Rain Collateral", version: "1", chainId: f.chain.chainId, verifyingContract: f.chain.controllerAddress, salt },
    });
    expect(digest).not.toBe(canonical);
    expect(executorWithdrawalDigest({ ...message, salt: randomSalt() })).not.toBe(digest);

    const signature = await f.chain.signExecutorWithdrawal({ salt, ...sample, version: 1 });
    expect(await recoverAddress({ hash: digest, signature })).toBe(f.chain.executorAddress);
  });
});
