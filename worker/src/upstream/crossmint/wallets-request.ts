import * as z from "zod/mini";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";
import { AppError } from "../../errors";
import { log } from "../../logging/log";
import type { Settings } from "../../settings/settings";

/** Where and how to reach the Crossmint wallets REST API (server side, `X-API-KEY`). */
export interface CrossmintTransport {
  /** `https://www.crossmint.com`, `https://staging.crossmint.com`, or the sandbox's `/crossmint`. */
  apiBase: string;
  serverKey: string;
  timeoutMs: number;
  requestId?: string;
}

/** How to reach the Crossmint wallets API with these settings. */
export function crossmintTransport(settings: Settings, requestId?: string): CrossmintTransport {
  return {
    apiBase: settings.crossmint.apiBase,
    serverKey: settings.crossmint.serverKey,
    timeoutMs: settings.machines.timeoutMs,
    requestId,
  };
}

export const WALLETS_API_VERSION = "2025-06-09";

/** The wallet fields the Worker relies on (Crossmint sends more). */
export const CrossmintWallet = z.object({
  chainType: z.string(),
  type: z.optional(z.string()),
  address: z.string().check(z.regex(EVM_ADDRESS_PATTERN)),
  owner: z.optional(z.string()),
});
export type CrossmintWallet = z.infer<typeof CrossmintWallet>;

/** Anything wrong with the wallets API: the user's wallet cannot be read or created right now. */
export class WalletUnavailableError extends AppError {
  override name = "WalletUnavailableError";
  constructor(detail: string, cause?: unknown) {
    super("wallet_unavailable", `the wallet service is unavailable (${detail}); try again shortly`, { cause });
  }
}

export interface WalletsRequest {
  method: "GET" | "POST";
  /** Under `/api/2025-06-09/wallets`. */
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

/** One call to the wallets API; `null` for a 404 (no such wallet), the wallet for a 2xx, an error otherwise. */
export async function sendWalletsRequest(t: CrossmintTransport, req: WalletsRequest): Promise<CrossmintWallet | null> {
  const headers = new Headers({ "X-API-KEY": t.serverKey, Accept: "application/json" });
  if (req.body !== undefined) headers.set("Content-Type", "application/json");
  if (req.idempotencyKey) headers.set("x-idempotency-key", req.idempotencyKey);
  const url = `${t.apiBase}/api/${WALLETS_API_VERSION}/wallets${req.path}`;
  const signal = AbortSignal.timeout(t.timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: req.method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body), signal });
    text = await res.text();
  } catch (e) {
    log.warn("crossmint_call_failed", { requestId: t.requestId, method: req.method, error: signal.aborted ? "timeout" : "unreachable" });
    throw new WalletUnavailableError(signal.aborted ? "timed out" : "unreachable", e);
  }
  if (res.status === 404 && req.method === "GET") return null;
  if (!res.ok) {
    // Crossmint's error body is `{ error: true, message }`; the message is logged, never forwarded (it may name the user).
    log.warn("crossmint_call_failed", { requestId: t.requestId, method: req.method, status: res.status });
    throw new WalletUnavailableError(res.status === 401 || res.status === 403 ? "CROSSMINT_SERVER_KEY was refused" : `HTTP ${res.status}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new WalletUnavailableError("the reply was not JSON");
  }
  const parsed = CrossmintWallet.safeParse(body);
  if (!parsed.success) throw new WalletUnavailableError("the reply has no EVM wallet address");
  return parsed.data;
}
