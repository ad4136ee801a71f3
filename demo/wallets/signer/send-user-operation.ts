import {
  BaseError,
  createPublicClient,
  defineChain,
  type Address,
  type Hash,
  type Hex,
  hexToBigInt,
  http,
  HttpRequestError,
  RpcRequestError,
  TimeoutError,
} from "viem";
import { createBundlerClient, WaitForUserOperationReceiptTimeoutError } from "viem/account-abstraction";
import type { PrivateKeyAccount } from "viem/accounts";
import type { SandboxChain } from "../../chain/sandbox-chain.types";
import { toSandboxSmartAccount } from "../smart-account";

export type SendFailureCode = "transaction_reverted" | "chain_unavailable";

/** Why the bundler refused or could not take an operation. */
export class SendTransactionError extends Error {
  override name = "SendTransactionError";
  constructor(
    readonly code: SendFailureCode,
    message: string,
  ) {
    super(message);
  }
}

/** The bundler as the signer needs it: where it answers. */
export interface SignerBundler {
  url: string;
}

export interface UserOperationSenderOptions {
  chain: Pick<SandboxChain, "chainId" | "rpcUrl" | "fundGas" | "entryPointAddress" | "accountFactoryAddress">;
  bundler: SignerBundler;
  /** Below this native balance an account is topped up before sending (sponsored gas; default 0.01 ETH). */
  minGasWei: bigint;
  /** What a top-up sets the balance to (default 1 ETH). */
  topUpGasWei: bigint;
  /**
   * How long to wait for the operation's bundle (default 30 s). The bundler includes an operation within a
   * second, unless bundling is held (manual mode) and nobody flushes in time: then the answer carries the
   * user-operation hash only, and the operation stays in the bundler's mempool.
   */
  inclusionTimeoutMs?: number;
}

export interface SentOperation {
  userOperationHash: Hash;
  /** The bundle transaction, once included; null when it was not included in time (bundling held). */
  transactionHash: Hash | null;
}

/**
 * Sends calls from the sandbox's smart accounts as ERC-4337 user operations through the bundler, the way
 * the Crossmint SDK sends from an embedded wallet: viem builds the operation (with the account's factory
 * call while it has no code), the owner key signs it, the bundler simulates it (a call that would revert
 * is refused, not sent) and puts it in a `handleOps` bundle. Gas is sponsored by topping up the account's
 * own balance. One operation per account at a time (the next waits for the previous one's bundle, or its
 * timeout); each gets a fresh nonce key (ERC-4337 2D nonces), so operations held by manual bundling never
 * collide.
 */
export function createUserOperationSender(o: UserOperationSenderOptions) {
  const chain = defineChain({
    id: o.chain.chainId,
    name: "Machines sandbox chain",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [o.chain.rpcUrl] } },
  });
  const publicClient = createPublicClient({ chain, transport: http(o.chain.rpcUrl, { retryCount: 0, timeout: 20_000 }), pollingInterval: 100 });
  const bundlerTransport = http(o.bundler.url, { retryCount: 0, timeout: 20_000 });
  const queues = new Map<string, Promise<unknown>>();

  async function sendNow(owner: PrivateKeyAccount, from: Address, call: { to: Address; data: Hex; value: bigint }): Promise<SentOperation> {
    try {
      if ((await publicClient.getBalance({ address: from })) < o.minGasWei) {
        await o.chain.fundGas({ address: from, wei: o.topUpGasWei });
      }
      const account = await toSandboxSmartAccount({
        client: publicClient,
        owner,
        factory: o.chain.accountFactoryAddress,
        entryPoint: o.chain.entryPointAddress,
        address: from,
      });
      const bundler = createBundlerClient({
        client: publicClient,
        account,
        transport: bundlerTransport,
        pollingInterval: 100,
        userOperation: { estimateFeesPerGas: () => bundlerGasPrice(o.bundler.url) },
      });
      const nonce = await account.getNonce({ key: randomNonceKey() });
      const userOperationHash = await bundler.sendUserOperation({ calls: [call], nonce });
      try {
        const receipt = await bundler.waitForUserOperationReceipt({ hash: userOperationHash, timeout: o.inclusionTimeoutMs ?? 30_000 });
        return { userOperationHash, transactionHash: receipt.receipt.transactionHash };
      } catch (error) {
        if (error instanceof WaitForUserOperationReceiptTimeoutError) return { userOperationHash, transactionHash: null };
        throw error;
      }
    } catch (e) {
      throw asSendError(e);
    }
  }

  function send(owner: PrivateKeyAccount, from: Address, call: { to: Address; data: Hex; value: bigint }): Promise<SentOperation> {
    const key = from.toLowerCase();
    const run = (queues.get(key) ?? Promise.resolve()).then(() => sendNow(owner, from, call));
    const settled = run.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return run;
  }

  return { send };
}

/** A random 192-bit nonce key: each operation starts its own nonce sequence at the EntryPoint. */
function randomNonceKey(): bigint {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

/** What the bundler asks for (alto's `pimlico_getUserOperationGasPrice`, its fast tier). */
async function bundlerGasPrice(url: string): Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "pimlico_getUserOperationGasPrice", params: [] }),
  });
  const body = (await res.json()) as { result?: { fast: { maxFeePerGas: Hex; maxPriorityFeePerGas: Hex } }; error?: { message: string } };
  if (!body.result) throw new Error(`pimlico_getUserOperationGasPrice: ${body.error?.message ?? "no result"}`);
  return { maxFeePerGas: hexToBigInt(body.result.fast.maxFeePerGas), maxPriorityFeePerGas: hexToBigInt(body.result.fast.maxPriorityFeePerGas) };
}

function asSendError(e: unknown): unknown {
  if (!(e instanceof BaseError)) return e;
  if (e.walk((x) => x instanceof HttpRequestError || x instanceof TimeoutError)) {
    return new SendTransactionError("chain_unavailable", "the local chain or its bundler did not answer");
  }
  // The bundler's simulation refused it (it would revert, or the account could not pay or sign).
  const refused = e.walk((x) => x instanceof RpcRequestError) as RpcRequestError | null;
  if (refused) return new SendTransactionError("transaction_reverted", `the transaction would revert: ${refused.details || refused.shortMessage}`);
  return e;
}
