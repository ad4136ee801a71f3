import type { Context, Hono } from "hono";
import { createPublicClient, defineChain, getAddress, http, type Address, type Hex } from "viem";
import type { SandboxChain } from "../chain/sandbox-chain.types";
import { errorReply, invalidBody, readJsonBody, serviceApp } from "../identity/service-http";
import type { SandboxWallets } from "./sandbox-wallets";
import { createUserOperationSender, SendTransactionError, type SignerBundler } from "./signer/send-user-operation";
import { createApprovalBook, type ApprovalBook, type GrantUse } from "./signer/approvals";
import { AddDeviceBody, DeviceApprovalBody, RemoveDeviceBody, SendTransactionBody, SignTypedDataBody, VerifyCodeBody } from "./signer/signer-requests";
import { normaliseTypedData, TypedDataInputError } from "./signer/typed-data";
import { transactionDigest, typedDataDigest } from "./signer/operation-digest";
import { createPasskeySigners, LOOPBACK_ORIGINS, type PasskeySigners } from "./signer/passkey-signers";
import { mountPasskeyRoutes } from "./signer/passkey-routes";
import type { RelyingParty } from "./signer/webauthn";
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
  /** The users' approvals (codes, devices, grants); default: a new book with the default policy. */
  approvals?: ApprovalBook;
  /** Where approval codes are "emailed" (default: console.log). */
  log?: (line: string) => void;
  /** The partner origins passkeys may be used on (default: loopback origins, any port). */
  relyingParty?: RelyingParty;
  /** The users' passkeys; default: a new set checking `relyingParty`. */
  passkeys?: PasskeySigners;
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
  const approvals = o.approvals ?? createApprovalBook();
  const log = o.log ?? ((line: string) => console.log(line));
  const passkeys = o.passkeys ?? createPasskeySigners({ rp: o.relyingParty ?? LOOPBACK_ORIGINS, challengeTtlMs: 2 * 60_000 });

  // The sandbox's stand-in for the user's mailbox (like `/identity/otp/codes`): the sandbox page shows it.
  app.get("/approvals/codes", (c) => {
    c.header("Cache-Control", "no-store");
    const inbox = c.req.query("email")?.trim().toLowerCase();
    return c.json({ codes: approvals.codes().filter((v) => !inbox || v.email === inbox) });
  });

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
  const inboxOf = (user: { sub: string; email?: string }) => (user.email ?? user.sub).toLowerCase();

  /**
   * Crossmint signs for an `api-key` admin signer on the JWT alone (custodial); every other signer needs
   * the user's approval: a grant from `/approvals/...`, spent once per use.
   */
  async function approved(c: Context<SignerEnv>, wallet: { adminSigner?: { type: string } }, token: string | undefined, use: GrantUse, digest: string) {
    if (wallet.adminSigner?.type === "api-key") return null;
    const spent = approvals.spend(c.get("user").sub, token, use, digest);
    if (spent.ok) return null;
    const message = {
      approval_required: "approve with one of your signers first (an emailed code, this device or a passkey): a sign-in token alone cannot sign",
      approval_expired: "the approval has expired; approve again",
      approval_used: "the approval was already used; approve again",
      approval_mismatch: "the passkey approved another operation than this one; approve this one",
    }[spent.reason];
    return errorReply(c, 403, spent.reason, message, "approval");
  }

  app.get("/signers", async (c) => {
    const user = c.get("user");
    const wallet = await walletOf(user);
    return c.json({ adminSigner: wallet.adminSigner ?? null, devices: approvals.devices(user.sub), passkeys: passkeys.list(user.sub) });
  });

  app.post("/approvals/email", async (c) => {
    const user = c.get("user");
    const inbox = inboxOf(user);
    const started = approvals.sendCode(inbox);
    if (!started.ok) {
      c.header("Retry-After", String(started.retryAfterSeconds));
      return errorReply(c, 429, "rate_limited", `too many codes requested; try again in ${started.retryAfterSeconds} s`);
    }
    log(`[wallet] approval code for ${inbox}: ${started.code} (valid ${Math.round((started.expiresAt - Date.now()) / 60_000)} min)`);
    return c.json({ signer: `email:${inbox}`, expiresAt: new Date(started.expiresAt).toISOString(), delivery: "sandbox-console" });
  });

  app.post("/approvals/email/verify", async (c) => {
    const body = await readJsonBody(c, VerifyCodeBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const user = c.get("user");
    const result = approvals.verifyCode(user.sub, inboxOf(user), body.value.code);
    if ("token" in result) return c.json({ approval: result.token, expiresAt: new Date(result.expiresAt).toISOString(), via: "email" });
    switch (result.reason) {
      case "otp_not_requested":
        return errorReply(c, 400, result.reason, "no code was sent; send one first", "code");
      case "otp_invalid":
        return errorReply(c, 401, result.reason, `wrong code; ${result.attemptsLeft} attempt(s) left`, "code");
      case "otp_expired":
        return errorReply(c, 401, result.reason, "the code has expired; send a new one", "code");
      case "otp_used":
        return errorReply(c, 401, result.reason, "the code was already used; send a new one", "code");
      case "otp_attempts_exceeded":
        return errorReply(c, 429, result.reason, "too many wrong attempts; send a new code", "code");
    }
  });

  app.post("/signers/device", async (c) => {
    const body = await readJsonBody(c, AddDeviceBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const user = c.get("user");
    if (!approvals.isEmailGrant(user.sub, body.value.approval)) {
      return errorReply(c, 403, "approval_required", "registering a device needs a fresh email-code approval", "approval");
    }
    try {
      return c.json({ device: await approvals.addDevice(user.sub, body.value.name, body.value.publicKey) }, 201);
    } catch {
      return errorReply(c, 400, "invalid_request", "publicKey is not a P-256 public key", "publicKey");
    }
  });

  app.post("/signers/device/remove", async (c) => {
    const body = await readJsonBody(c, RemoveDeviceBody);
    if (!body.ok) return invalidBody(c, body.errors);
    if (!approvals.removeDevice(c.get("user").sub, body.value.deviceId)) return errorReply(c, 404, "not_found", "no such device", "deviceId");
    return c.json({ removed: body.value.deviceId });
  });

  app.post("/approvals/device/challenge", async (c) => {
    const wallet = await walletOf(c.get("user"));
    const { challenge, expiresAt } = approvals.challenge(c.get("user").sub);
    return c.json({ challenge, wallet: wallet.address, expiresAt: new Date(expiresAt).toISOString() });
  });

  app.post("/approvals/device", async (c) => {
    const body = await readJsonBody(c, DeviceApprovalBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const user = c.get("user");
    const wallet = await walletOf(user);
    const result = await approvals.verifyDevice(user.sub, wallet.address, body.value);
    if ("token" in result) return c.json({ approval: result.token, expiresAt: new Date(result.expiresAt).toISOString(), via: "device" });
    const message = {
      challenge_invalid: "the challenge is unknown, used or expired; ask for a new one",
      device_unknown: "this device is not registered (or was removed); approve with the emailed code",
      signature_invalid: "the device signature does not verify",
    }[result.reason];
    return errorReply(c, result.reason === "challenge_invalid" ? 400 : 401, result.reason, message, result.reason === "device_unknown" ? "deviceId" : "signature");
  });

  mountPasskeyRoutes(app, { approvals, passkeys, chainId: o.chain.chainId, walletAddress: async (user) => (await walletOf(user)).address });

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
    let digest: string;
    try {
      digest = typedDataDigest(normalised);
    } catch (e) {
      // viem's own checks (e.g. a value that does not fit its declared type) are the caller's mistake.
      return errorReply(c, 400, "invalid_request", `typedData cannot be signed: ${(e as Error).message.split("\n")[0]}`, "typedData");
    }
    const refused = await approved(c, wallet, body.value.approval, "sign", digest);
    if (refused) return refused;
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
    const call = { to: getAddress(body.value.to) as Address, data: (body.value.data ?? "0x") as Hex, value: BigInt(body.value.value ?? 0) };
    const refused = await approved(c, wallet, body.value.approval, "send", transactionDigest(o.chain.chainId, wallet.address, call));
    if (refused) return refused;
    if (!sender) return errorReply(c, 502, "chain_unavailable", "this sandbox runs without a bundler, so its wallets cannot send");
    const owner = (await o.wallets.accountFor(wallet.address))!;
    try {
      const sent = await sender.send(owner, wallet.address, call);
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
