import {
  BaseError,
  createPublicClient,
  createWalletClient,
  defineChain,
  ExecutionRevertedError,
  HttpRequestError,
  TimeoutError,
  type Address,
  type Hash,
  type Hex,
} from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import { http } from "viem";
import type { SandboxChain } from "../../chain/sandbox-chain.types";

export type SendFailureCode = "transaction_reverted" | "chain_unavailable";

/** Why the chain refused or could not take a transaction. */
export class SendTransactionError extends Error {
  override name = "SendTransactionError";
  constructor(
    readonly code: SendFailureCode,
    message: string,
  ) {
    super(message);
  }
}

export interface TransactionSenderOptions {
  chain: Pick<SandboxChain, "chainId" | "rpcUrl" | "fundGas">;
  /** Below this native balance a wallet is topped up before sending (sponsored gas; default 0.01 ETH). */
  minGasWei: bigint;
  /** What a top-up sets the balance to (default 1 ETH). */
  topUpGasWei: bigint;
}

/**
 * Signs and sends transactions from the sandbox's custodial wallets on the local chain. Gas is
 * sponsored (as Crossmint's paymaster does for smart wallets): a wallet short of gas is topped up.
 * A transaction that would revert is refused before it is sent, with the node's reason, as a wallet
 * would; one transaction per wallet at a time, so nonces never collide.
 */
export function createTransactionSender(o: TransactionSenderOptions) {
  const chain = defineChain({
    id: o.chain.chainId,
    name: "Machines sandbox chain",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [o.chain.rpcUrl] } },
  });
  const transport = http(o.chain.rpcUrl, { retryCount: 0, timeout: 20_000 });
  const publicClient = createPublicClient({ chain, transport });
  const walletClient = createWalletClient({ chain, transport });
  const queues = new Map<string, Promise<unknown>>();

  async function sendNow(account: PrivateKeyAccount, tx: { to: Address; data: Hex; value: bigint }): Promise<Hash> {
    try {
      if ((await publicClient.getBalance({ address: account.address })) < o.minGasWei) {
        await o.chain.fundGas({ address: account.address, wei: o.topUpGasWei });
      }
      return await walletClient.sendTransaction({ account, chain, to: tx.to, data: tx.data, value: tx.value });
    } catch (e) {
      if (e instanceof BaseError) {
        const reverted = e.walk((x) => x instanceof ExecutionRevertedError);
        if (reverted) throw new SendTransactionError("transaction_reverted", `the transaction would revert: ${(reverted as BaseError).shortMessage}`);
        if (e.walk((x) => x instanceof HttpRequestError || x instanceof TimeoutError)) {
          throw new SendTransactionError("chain_unavailable", "the local chain did not answer");
        }
      }
      throw e;
    }
  }

  function send(account: PrivateKeyAccount, tx: { to: Address; data: Hex; value: bigint }): Promise<Hash> {
    const key = account.address.toLowerCase();
    const run = (queues.get(key) ?? Promise.resolve()).then(() => sendNow(account, tx));
    const settled = run.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return run;
  }

  return { send };
}
