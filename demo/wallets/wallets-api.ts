import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { describeIssue, fieldOf } from "@machines-card/contract/validation";
import { CreateWalletBody } from "./create-wallet.schema";
import { LocatorError } from "./locators";
import { createSandboxWallets, type SandboxWallets, type SandboxWalletsOptions, type WalletsChain } from "./sandbox-wallets";
import type { SandboxWalletRecord } from "./wallets-state";

export const WALLETS_API_VERSION = "2025-06-09";

export interface WalletsStandInOptions extends Omit<SandboxWalletsOptions, "chain"> {
  chain: WalletsChain;
  /** The server key callers must send in `X-API-KEY`. */
  apiKey: string;
  /** Share a registry with the sandbox signer (created from these options otherwise). */
  wallets?: SandboxWallets;
}

/** Crossmint's error body: `{ error: true, message }`. */
function crossmintError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ error: true, message }, status);
}

/** The wallet as Crossmint's v2025-06-09 API returns it. */
function walletReply(w: SandboxWalletRecord) {
  return {
    chainType: w.chainType,
    type: w.type,
    address: w.address,
    ...(w.owner && { owner: w.owner }),
    ...(w.adminSigner && { config: { adminSigner: w.adminSigner } }),
    ...(w.alias && { alias: w.alias }),
    createdAt: w.createdAt,
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * The Crossmint wallets REST API stand-in (create, and get by locator), to mount at `/crossmint` so the
 * Worker's base URL is `http://127.0.0.1:8788/crossmint`. Addresses are ERC-4337 smart accounts'
 * counterfactual addresses on the local chain (deployed by their first user operation), owned by keys the
 * sandbox derives from its seed and the owner; new wallets get gas.
 *
 * @example
 * const crossmint = await createWalletsStandIn({ chain, apiKey: "sk_sandbox_…", userIdForEmail: identity.userIdForEmail });
 * sandbox.route("/crossmint", crossmint.app);
 */
export async function createWalletsStandIn(o: WalletsStandInOptions): Promise<{ app: Hono; wallets: SandboxWallets }> {
  const wallets = o.wallets ?? (await createSandboxWallets(o));
  const api = new Hono();

  api.use("*", async (c, next) => {
    await next();
    c.header("X-Sandbox", "crossmint-wallets");
  });
  api.use("*", async (c, next) => {
    const key = c.req.header("X-API-KEY");
    if (!key) return crossmintError(c, 401, "Unauthorized: missing X-API-KEY header");
    if (!sameSecret(key, o.apiKey)) return crossmintError(c, 401, "Unauthorized: invalid API key");
    await next();
  });
  api.use("*", bodyLimit({ maxSize: 32 * 1024, onError: (c) => crossmintError(c, 413, "Request body too large") }));

  const base = `/api/${WALLETS_API_VERSION}/wallets`;

  api.post(base, async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return crossmintError(c, 400, "Request body must be valid JSON");
    }
    const parsed = CreateWalletBody.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return crossmintError(c, 400, `${fieldOf(issue.path) ?? "body"} ${describeIssue(issue)}`);
    }
    const body = parsed.data;
    if (body.chainType !== "evm") return crossmintError(c, 400, `chainType '${body.chainType}' is not available in the sandbox (evm only)`);
    const type = body.type ?? "smart";
    if (type === "smart" && !body.config?.adminSigner) return crossmintError(c, 400, "config.adminSigner is required for smart wallets");
    const idempotencyKey = c.req.header("x-idempotency-key");
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
      return crossmintError(c, 400, "x-idempotency-key must be 1 to 256 characters");
    }
    try {
      const wallet = await wallets.create({
        type,
        ...(body.owner !== undefined && { owner: body.owner }),
        ...(body.config?.adminSigner && { adminSigner: body.config.adminSigner }),
        ...(body.alias !== undefined && { alias: body.alias }),
        ...(idempotencyKey !== undefined && { idempotencyKey }),
      });
      return c.json(walletReply(wallet), 201);
    } catch (e) {
      if (e instanceof LocatorError) return crossmintError(c, 400, e.message);
      throw e;
    }
  });

  api.get(`${base}/:walletLocator`, async (c) => {
    try {
      const wallet = await wallets.find(c.req.param("walletLocator"));
      return wallet ? c.json(walletReply(wallet)) : crossmintError(c, 404, "Wallet not found");
    } catch (e) {
      if (e instanceof LocatorError) return crossmintError(c, 400, e.message);
      throw e;
    }
  });

  api.notFound((c) => crossmintError(c, 404, `Cannot ${c.req.method} ${new URL(c.req.url).pathname}`));
  api.onError((err, c) => {
    console.error(`[crossmint-wallets] ${c.req.method} ${new URL(c.req.url).pathname} failed: ${err.message}`);
    return crossmintError(c, 500, "Internal server error");
  });

  return { app: api, wallets };
}
