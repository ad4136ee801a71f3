import type { Hono } from "hono";
import { createPublicClient, defineChain, getAddress, http, type Address, type Hex } from "viem";
import type { SandboxChain } from "../chain/sandbox-chain.types";
import { errorReply, invalidBody, readJsonBody, serviceApp } from "../identity/service-http";
import type { SandboxWallets } from "./sandbox-wallets";
import { createUserOperationSender, SendTransactionError, type SignerBundler } from "./signer/send-user-operation";
import { SendTransactionBody, SignTypedDataBody } from "./signer/signer-requests";
import { normaliseTypedData, TypedDataInputError } from "./signer/typed-data";
import { toSandboxSmartAccount } from "./smart-account";

export interface SandboxSignerOptions {
  wallets: SandboxWallets;
  /** Verifies the user's identity JWT (the identity issuer's `verifyToken`); throws when it is not valid. */
  verifyToken: (jwt: string) => Promise<{ sub: string; email?: string }>;
  chain: Pick<SandboxChain, "chainId" | "rpcUrl" | "fundGas" | "entryPointAddress" | "accountFactoryAddress">;
  /** The ERC-4337 bundler user operations go to; null: this sandbox sends nothing (signing still works). */
  bundler: SignerBundler | null;
  /** How long `/send-transaction` waits for the operation's bundle before answering without it (default 30 s). */
  inclusionTimeoutMs?: number;
  /** Below this native balance a wallet is topped up before sending (default 0.01 ETH). */
  minGasWei?: bigint;
  /** What a top-up sets the balance to (default 1 ETH). */
  topUpGasWei?: bigint;
}

type SignerEnv = { Variables: { user: { sub: string; email?: string } } };

/**
 * The sandbox wallet: the custodial signer behind the widget's sandbox wallet adapter, standing in for
 * the Crossmint embedded wallet's signing. Mount at `/sandbox/wallet`. Every route takes the user's
 * identity JWT and acts only on that user's own wallet; the keys never leave this process.
 *
 * @example
 * sandbox.route("/sandbox/wallet", createSandboxSigner({ wallets, verifyToken: identity.verifyToken, chain }).app);
 */
export function createSandboxSigner(o: SandboxSignerOptions): { app: Hono } {
  const sender =
    o.bundler &&
    createUserOperationSender({
      chain: o.chain,
      bundler: o.bundler,
      minGasWei: o.minGasWei ?? 10n ** 16n,
      topUpGasWei: o.topUpGasWei ?? 10n ** 18n,
      ...(o.inclusionTimeoutMs !== undefined && { inclusionTimeoutMs: o.inclusionTimeoutMs }),
    });
  const client = createPublicClient({
    chain: defineChain({
      id: o.chain.chainId,
      name: "Machines sandbox chain",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [o.chain.rpcUrl] } },
    }),
    transport: http(o.chain.rpcUrl),
  });
  /** The wallet's smart account, signing with its owner key. */
  const smartAccountOf = async (address: Address) =>
    toSandboxSmartAccount({
      client,
      owner: (await o.wallets.accountFor(address))!,
      factory: o.chain.accountFactoryAddress,
      entryPoint: o.chain.entryPointAddress,
      address,
    });
  const app = serviceApp({ label: "wallet", maxBodyBytes: 64 * 1024 }) as unknown as Hono<SignerEnv>;

  app.use("*", async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
    if (!match) return errorReply(c, 401, "unauthorized", "sign in first: missing bearer token");
    try {
      c.set("user", await o.verifyToken(match[1]!));
    } catch (e) {
      const code = (e as { code?: unknown }).code === "token_expired" ? "token_expired" : "unauthorized";
      return errorReply(c, 401, code, code === "token_expired" ? "the sign-in has expired; refresh it" : "the bearer token is not valid");
    }
    await next();
  });

  const walletOf = async (user: { sub: string; email?: string }) =>
    o.wallets.walletForUser(user.email ? { id: user.sub, email: user.email } : { id: user.sub });

  app.get("/", async (c) => {
    const wallet = await walletOf(c.get("user"));
    return c.json({ address: wallet.address, owner: wallet.owner, chainType: wallet.chainType, type: wallet.type, chainId: o.chain.chainId });
  });

  app.post("/sign-typed-data", async (c) => {
    const body = await readJsonBody(c, SignTypedDataBody);
    if (!body.ok) return invalidBody(c, body.errors);
    let normalised: ReturnType<typeof normaliseTypedData>;
    try {
      normalised = normaliseTypedData(body.value.typedData);
    } catch (e) {
      if (e instanceof TypedDataInputError) return errorReply(c, 400, "invalid_request", e.message, e.field);
      throw e;
    }
    if (normalised.chainId !== undefined && normalised.chainId !== o.chain.chainId) {
      return errorReply(c, 400, "invalid_request", `typedData.domain.chainId must be ${o.chain.chainId}, the sandbox chain`, "typedData.domain.chainId");
    }
    const wallet = await walletOf(c.get("user"));
    if (body.value.address && getAddress(body.value.address) !== wallet.address) {
      return errorReply(c, 403, "forbidden", "you can only sign with your own wallet", "address");
    }
    const account = await smartAccountOf(wallet.address);
    try {
      // ERC-1271-valid once the account is deployed; ERC-6492-wrapped before (viem's smart accounts do both).
      return c.json({ signature: await account.signTypedData(normalised.typedData), address: wallet.address });
    } catch (e) {
      // viem's own checks (e.g. a value that does not fit its declared type) are the caller's mistake.
      return errorReply(c, 400, "invalid_request", `typedData cannot be signed: ${(e as Error).message.split("\n")[0]}`, "typedData");
    }
  });

  app.post("/send-transaction", async (c) => {
    const body = await readJsonBody(c, SendTransactionBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const wallet = await walletOf(c.get("user"));
    if (body.value.from && getAddress(body.value.from) !== wallet.address) {
      return errorReply(c, 403, "forbidden", "you can only send from your own wallet", "from");
    }
    if (!sender) return errorReply(c, 502, "chain_unavailable", "this sandbox runs without a bundler, so its wallets cannot send");
    const owner = (await o.wallets.accountFor(wallet.address))!;
    try {
      const sent = await sender.send(owner, wallet.address, {
        to: getAddress(body.value.to) as Address,
        data: (body.value.data ?? "0x") as Hex,
        value: BigInt(body.value.value ?? 0),
      });
      // `hash`: the bundle transaction once included, else (bundling held past the wait) the user operation's.
      return c.json({ hash: sent.transactionHash ?? sent.userOperationHash, ...sent, from: wallet.address });
    } catch (e) {
      if (e instanceof SendTransactionError) {
        return errorReply(c, e.code === "transaction_reverted" ? 422 : 502, e.code, e.message);
      }
      throw e;
    }
  });

  return { app: app as unknown as Hono };
}
