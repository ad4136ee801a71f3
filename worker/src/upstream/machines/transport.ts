import type * as z from "zod/mini";
import { ErrorItem } from "../../../../shared/envelope";
import { AppError } from "../../errors";
import { log } from "../../logging/log";
import {
  MachinesApiError,
  UpstreamInvalidResponseError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";

/** Where and how to reach the Machines partner API. */
export interface MachinesTransport {
  /** Ends in `/partner/v1` (see settings). */
  apiBase: string;
  /** Budget for a whole call, retry included. */
  timeoutMs: number;
  /** For log lines. */
  requestId?: string;
}

/** `X-Partner-Key` for `/sessions` and `/users/resolve`; a session token for everything else. */
export type MachinesCredential = { partnerKey: string } | { sessionToken: string };

export interface MachinesRequest<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the base, ids already URI-encoded: `/cards/${encodeURIComponent(id)}`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Forwarded as `Idempotency-Key`; also makes a write safe to retry. */
  idempotencyKey?: string;
  /** Schema of the reply's `data`: a reply that does not match is `upstream_invalid_response`. */
  data: z.ZodMiniType<T>;
  /** Safe to repeat (reads, quotes). Defaults to true for GET. Writes retry only with an idempotency key. */
  idempotent?: boolean;
}

const RETRY_BACKOFF_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The base is a validated URL and paths arrive URI-encoded, so only a query needs building. */
function urlOf(t: MachinesTransport, req: MachinesRequest<unknown>): string {
  const url = t.apiBase + req.path;
  if (!req.query) return url;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

/** A plain record: fetch builds its headers in one step (cheaper than a `Headers` filled one by one). */
function headersOf(credential: MachinesCredential, req: MachinesRequest<unknown>): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if ("partnerKey" in credential) headers["X-Partner-Key"] = credential.partnerKey;
  else headers.Authorization = `Bearer ${credential.sessionToken}`;
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
  return headers;
}

function retryAfterOf(res: Response): number {
  const header = res.headers.get("Retry-After");
  if (!header) return 1;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Reads one reply into data or a typed error. */
async function readReply<T>(res: Response, req: MachinesRequest<T>): Promise<T> {
  if (res.status === 429) throw new UpstreamRateLimitedError(retryAfterOf(res));
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (res.status >= 500) throw new UpstreamUnavailableError(`HTTP ${res.status}`);
    throw new UpstreamInvalidResponseError(`HTTP ${res.status}, not JSON`);
  }
  const envelope = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (res.status >= 500) throw new UpstreamUnavailableError(`HTTP ${res.status}`);
  if (res.ok && envelope.ok === true) {
    const parsed = req.data.safeParse(envelope.data);
    if (parsed.success) return parsed.data;
    const at = parsed.error.issues.slice(0, 3).map((i) => i.path.join(".") || "data");
    throw new UpstreamInvalidResponseError(`data does not match the documented shape at ${at.join(", ")}`);
  }
  const first = Array.isArray(envelope.errors) ? ErrorItem.safeParse(envelope.errors[0]) : undefined;
  if (!res.ok && first?.success) {
    throw new MachinesApiError(res.status, first.data.code, first.data.message, first.data.field);
  }
  throw new UpstreamInvalidResponseError(`HTTP ${res.status} without the documented envelope`);
}

/**
 * One call to the Machines partner API: JSON in and out, the envelope unwrapped, `data` parsed with the
 * request's schema. A whole call (retry included) gets `timeoutMs`. Safe calls (idempotent, or writes
 * with an idempotency key) are retried once after a short backoff when Machines answers 5xx or cannot
 * be reached; nothing is retried after a 4xx or a 429.
 *
 * @example
 * const data = await sendMachinesRequest(transport, { sessionToken }, { method: "GET", path: "/kyc/status", data: KycStatusData });
 */
export async function sendMachinesRequest<T>(
  t: MachinesTransport,
  credential: MachinesCredential,
  req: MachinesRequest<T>,
): Promise<T> {
  const deadline = Date.now() + t.timeoutMs;
  const retriable = req.idempotent ?? (req.method === "GET" || req.idempotencyKey !== undefined);
  const init = { method: req.method, headers: headersOf(credential, req), body: req.body === undefined ? undefined : JSON.stringify(req.body) };
  for (let attempt = 1; ; attempt++) {
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    try {
      const res = await fetch(urlOf(t, req), { ...init, signal });
      return await readReply(res, req);
    } catch (e) {
      // fetch fails with a TypeError in Node but a plain Error in workerd ("Network connection lost."):
      // anything that is not already one of ours means Machines could not be reached.
      const error = signal.aborted ? new UpstreamTimeoutError(t.timeoutMs) : e instanceof AppError ? e : new UpstreamUnavailableError("unreachable", e);
      const again = retriable && attempt === 1 && error instanceof UpstreamUnavailableError && deadline - Date.now() > RETRY_BACKOFF_MS * 2;
      if (error instanceof MachinesApiError) throw error;
      log.warn("machines_call_failed", {
        requestId: t.requestId,
        method: req.method,
        path: req.path,
        error: (error as Error).name,
        code: (error as { code?: string }).code,
        retrying: again,
      });
      if (!again) throw error;
      await sleep(RETRY_BACKOFF_MS + Math.floor(Math.random() * RETRY_BACKOFF_MS));
    }
  }
}
