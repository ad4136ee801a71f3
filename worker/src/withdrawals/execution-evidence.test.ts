import { type Address, encodeAbiParameters, encodeEventTopics, encodeFunctionData, type Hash, type Hex, type Log, pad, toHex } from "viem";
import { describe, expect, it } from "vitest";
import { entryPointEventsAbi, erc20Abi, handleOpsV07Abi, withdrawalEventAbi } from "@machines-card/contract/abi";
import type { TransactionFacts } from "../chain/read-transaction-facts";
import { candidateOutcome, containsBytes, type ExpectedExecution, findExecutions, isAttemptAt } from "./execution-evidence";

/** Receipts built from the public events only: what a real chain shows for a direct send and for bundles. */
const ENTRY_POINT = "0x0000000071727De22E5E9d8BAf0edAc6f37da032" as Address;
const CONTROLLER = "0x1000000000000000000000000000000000000001" as Address;
const COORDINATOR = "0x1000000000000000000000000000000000000002" as Address;
const TOKEN = "0x2000000000000000000000000000000000000002" as Address;
const COLLATERAL = "0x3000000000000000000000000000000000000003" as Address;
const RECIPIENT = "0x4000000000000000000000000000000000000004" as Address;
const WALLET = "0x5000000000000000000000000000000000000005" as Address;
const OTHER_WALLET = "0x6000000000000000000000000000000000000006" as Address;
const BUNDLER = "0x7000000000000000000000000000000000000007" as Address;
const SALT = `0x${"5a".repeat(32)}` as Hex;
const OTHER_SALT = `0x${"6b".repeat(32)}` as Hex;
const AMOUNT = 10_000_000n;

const parameters = {
  collateralProxy: COLLATERAL,
  asset: TOKEN,
  amount: AMOUNT,
  recipient: RECIPIENT,
  expiresAt: 1_900_000_000,
  executorSalt: SALT,
  executorSignature: `0x${"ab".repeat(65)}` as Hex,
};
const v1: ExpectedExecution = { callPath: "controller_v1", callTarget: CONTROLLER, parameters, wallet: WALLET, entryPoints: [ENTRY_POINT] };
const v2: ExpectedExecution = { ...v1, callPath: "coordinator_v2", callTarget: COORDINATOR };

type Draft = Pick<Log, "address" | "topics" | "data">;
const transfer = (from = COLLATERAL, to = RECIPIENT, value = AMOUNT): Draft => ({
  address: TOKEN,
  topics: encodeEventTopics({ abi: erc20Abi, eventName: "Transfer", args: { from, to } }) as Log["topics"],
  data: encodeAbiParameters([{ type: "uint256" }], [value]),
});
const withdrawal = (collateral = COLLATERAL, amount = AMOUNT, emitter = CONTROLLER): Draft => ({
  address: emitter,
  topics: encodeEventTopics({ abi: withdrawalEventAbi, eventName: "Withdrawal", args: { _collateralProxy: collateral } }) as Log["topics"],
  data: encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [TOKEN, amount]),
});
const beforeExecution = (): Draft => ({
  address: ENTRY_POINT,
  topics: encodeEventTopics({ abi: entryPointEventsAbi, eventName: "BeforeExecution" }) as Log["topics"],
  data: "0x",
});
const userOperation = (sender: Address, nonce: bigint, success = true, userOpHash = pad(toHex(nonce + 1n), { size: 32 })): Draft => ({
  address: ENTRY_POINT,
  topics: encodeEventTopics({ abi: entryPointEventsAbi, eventName: "UserOperationEvent", args: { userOpHash, sender, paymaster: `0x${"00".repeat(20)}` } }) as Log["topics"],
  data: encodeAbiParameters([{ type: "uint256" }, { type: "bool" }, { type: "uint256" }, { type: "uint256" }], [nonce, success, 1n, 1n]),
});

function mined(p: { from: Address; to: Address; input: Hex; logs: Draft[]; status?: "success" | "reverted" }): TransactionFacts {
  const hash = `0x${"99".repeat(32)}` as Hash;
  return {
    hash,
    from: p.from,
    to: p.to,
    input: p.input,
    receipt: {
      status: p.status ?? "success",
      blockNumber: 10n,
      logs: p.logs.map((l, logIndex) => ({ ...l, logIndex, transactionHash: hash, blockNumber: 10n, removed: false }) as unknown as Log),
    },
  };
}

/** A v0.7 handleOps bundle whose operations carry `callData` (the account's execute call, salt inside). */
function bundle(ops: { sender: Address; nonce: bigint; callData: Hex }[]): Hex {
  return encodeFunctionData({
    abi: handleOpsV07Abi,
    functionName: "handleOps",
    args: [
      ops.map((op) => ({
        ...op,
        initCode: "0x" as Hex,
        accountGasLimits: pad("0x01", { size: 32 }),
        preVerificationGas: 1n,
        gasFees: pad("0x01", { size: 32 }),
        paymasterAndData: "0x" as Hex,
        signature: "0x" as Hex,
      })),
      BUNDLER,
    ],
  });
}
const callWithSalt = (salt: Hex) => `0xb61d27f6${"00".repeat(60)}${salt.slice(2)}${"11".repeat(8)}` as Hex;

describe("findExecutions: a direct send from an EOA wallet", () => {
  it("v1: Withdrawal from the call target and the token's Transfer, salt in the calldata → the Withdrawal log", () => {
    const tx = mined({ from: WALLET, to: CONTROLLER, input: callWithSalt(SALT), logs: [transfer(), withdrawal()] });
    expect(findExecutions(tx, v1)).toEqual([{ logIndex: 1, userOpHash: null }]);
  });

  it("v2: the token's Transfer alone (no coordinator event), sent to the call target → the Transfer log", () => {
    const tx = mined({ from: WALLET, to: COORDINATOR, input: callWithSalt(SALT), logs: [transfer()] });
    expect(findExecutions(tx, v2)).toEqual([{ logIndex: 0, userOpHash: null }]);
    expect(findExecutions({ ...tx, to: OTHER_WALLET }, v2)).toEqual([]);
  });

  it("refuses what does not hold on chain: a revert, another sender, another salt, amount, recipient, collateral or emitter", () => {
    const good = { from: WALLET, to: CONTROLLER, input: callWithSalt(SALT), logs: [transfer(), withdrawal()] };
    expect(findExecutions(mined({ ...good, status: "reverted" }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, from: OTHER_WALLET }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, input: callWithSalt(OTHER_SALT) }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, logs: [transfer(), withdrawal(COLLATERAL, AMOUNT + 1n)] }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, logs: [transfer(COLLATERAL, OTHER_WALLET), withdrawal()] }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, logs: [transfer(), withdrawal(OTHER_WALLET)] }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, logs: [transfer(), withdrawal(COLLATERAL, AMOUNT, COORDINATOR)] }), v1)).toEqual([]);
    expect(findExecutions(mined({ ...good, logs: [withdrawal()] }), v1)).toEqual([]); // v1 needs the Transfer too
  });

  it("finds the salt only byte-aligned", () => {
    expect(containsBytes(`0x00${SALT.slice(2)}`, SALT)).toBe(true);
    expect(containsBytes(`0x0${SALT.slice(2)}0`, SALT)).toBe(false);
  });
});

describe("findExecutions: user operations in a bundle", () => {
  it("takes only the logs of the wallet's own successful operation, whoever sent the bundle and wherever it went", () => {
    const input = bundle([
      { sender: OTHER_WALLET, nonce: 0n, callData: callWithSalt(OTHER_SALT) },
      { sender: WALLET, nonce: 7n, callData: callWithSalt(SALT) },
    ]);
    const tx = mined({
      from: BUNDLER,
      to: ENTRY_POINT,
      input,
      // The other user's identical-looking withdrawal runs first; then ours.
      logs: [beforeExecution(), transfer(), withdrawal(), userOperation(OTHER_WALLET, 0n), transfer(), withdrawal(), userOperation(WALLET, 7n)],
    });
    expect(findExecutions(tx, v1)).toEqual([{ logIndex: 5, userOpHash: pad(toHex(8n), { size: 32 }) }]);
    expect(findExecutions(tx, { ...v1, wallet: OTHER_WALLET, parameters: { ...parameters, executorSalt: OTHER_SALT } })).toEqual([
      { logIndex: 2, userOpHash: pad(toHex(1n), { size: 32 }) },
    ]);
  });

  it("two withdrawals of one wallet in one bundle: each operation's salt picks its own log", () => {
    const input = bundle([
      { sender: WALLET, nonce: 1n, callData: callWithSalt(SALT) },
      { sender: WALLET, nonce: 2n, callData: callWithSalt(OTHER_SALT) },
    ]);
    const logs = [beforeExecution(), transfer(), withdrawal(), userOperation(WALLET, 1n), transfer(), withdrawal(), userOperation(WALLET, 2n)];
    const tx = mined({ from: BUNDLER, to: ENTRY_POINT, input, logs });
    expect(findExecutions(tx, v1).map((m) => m.logIndex)).toEqual([2]);
    expect(findExecutions(tx, { ...v1, parameters: { ...parameters, executorSalt: OTHER_SALT } }).map((m) => m.logIndex)).toEqual([5]);
  });

  it("a failed operation executed nothing, even with the salt in the bundle; a trusted EntryPoint only", () => {
    const input = bundle([{ sender: WALLET, nonce: 3n, callData: callWithSalt(SALT) }]);
    const failed = mined({ from: BUNDLER, to: ENTRY_POINT, input, logs: [beforeExecution(), userOperation(WALLET, 3n, false)] });
    expect(findExecutions(failed, v1)).toEqual([]);
    expect(candidateOutcome(failed, v1, null)).toBe("operation_reverted");
    const untrusted = mined({ from: BUNDLER, to: ENTRY_POINT, input, logs: [beforeExecution(), transfer(), withdrawal(), userOperation(WALLET, 3n)] });
    expect(findExecutions(untrusted, { ...v1, entryPoints: [OTHER_WALLET] })).toEqual([]); // no user operations it trusts, and not from the wallet
    expect(findExecutions(untrusted, v1)).toHaveLength(1);
  });

  it("logs of the wallet's operation outside its range do not count", () => {
    const input = bundle([{ sender: OTHER_WALLET, nonce: 0n, callData: callWithSalt(SALT) }, { sender: WALLET, nonce: 1n, callData: callWithSalt(SALT) }]);
    // The execution belongs to the other account's operation; the wallet's own operation did nothing.
    const tx = mined({ from: BUNDLER, to: ENTRY_POINT, input, logs: [beforeExecution(), transfer(), withdrawal(), userOperation(OTHER_WALLET, 0n), userOperation(WALLET, 1n)] });
    expect(findExecutions(tx, v1)).toEqual([]);
    expect(candidateOutcome(tx, v1, null)).toBe("unrelated");
  });
});

describe("isAttemptAt", () => {
  it("is the wallet's own send, or a bundle to a trusted EntryPoint, carrying the salt", () => {
    const pending = { hash: `0x${"01".repeat(32)}` as Hash, from: WALLET, to: CONTROLLER, input: callWithSalt(SALT), receipt: null };
    expect(isAttemptAt(pending, v1)).toBe(true);
    expect(candidateOutcome(pending, v1, null)).toBe("pending");
    expect(isAttemptAt({ ...pending, from: BUNDLER, to: ENTRY_POINT }, v1)).toBe(true);
    expect(isAttemptAt({ ...pending, from: BUNDLER }, v1)).toBe(false);
    expect(isAttemptAt({ ...pending, input: callWithSalt(OTHER_SALT) }, v1)).toBe(false);
  });
});
