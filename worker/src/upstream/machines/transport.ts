import { ErrorItem } from "@machines-card/contract/envelope";
import {
  endpointPath,
  type EndpointBodyInput,
  type EndpointData,
  type EndpointParamsInput,
  type EndpointQueryInput,
  type MachinesEndpoint,
} from "@machines-card/contract/machines/define-endpoint";
import { AppError } from "../../errors";
import { log } from "../../logging/log";
import type { Settings } from "../../settings/settings";
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

/** How to reach Machines with these settings (the credential is chosen per call). */
export function machinesTransport(settings: Settings, requestId?: string): MachinesTransport {
  return { apiBase: settings.machines.apiBase, timeoutMs: settings.machines.timeoutMs, requestId };
}

/** `X-Partner-Key` for `/sessions` and `/users/resolve`; a session token for everything else. */
export type MachinesCredential = { partnerKey: string } | { sessionToken: string };

/** A query value as the Worker holds it: the table's strings, or numbers sent as their decimal text. */
type QueryValues<T> = { [K in keyof T]?: T[K] | number };
type Slot<K extends string, T> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };

/** What a call sends besides its endpoint: typed by the endpoint's schemas in `shared/machines`. */
export type MachinesCallInput<E extends MachinesEndpoint> = Slot<"params", EndpointParamsInput<E>> &
  Slot<"body", EndpointBodyInput<E>> & {
    query?: QueryValues<EndpointQueryInput<E>>;
    /** Forwarded as `Idempotency-Key`; also makes a write safe to retry. */
    idempotencyKey?: string;
  };

/** The call's input as an argument: optional when the endpoint takes neither params nor a body. */
export type MachinesCallArgs<E extends MachinesEndpoint> = object extends MachinesCallInput<E>
  ? [input?: MachinesCallInput<E>]
  : [input: MachinesCallInput<E>];

/** The input as the transport reads it, whatever the endpoint. */
interface AnyInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotencyKey?: string;
}

const RETRY_BACKOFF_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The base is a validated URL and path parameters are URI-encoded, so only a query needs building. */
function urlOf(t: MachinesTransport, endpoint: MachinesEndpoint, req: AnyInput): string {
  const url = t.apiBase + endpointPath(endpoint, req.params);
  if (!req.query) return url;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

/** A plain record: fetch builds its headers in one step (cheaper than a `Headers` filled one by one). */
function headersOf(credential: MachinesCredential, req: AnyInput): Record<string, string> {
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
async function readReply(res: Response, endpoint: MachinesEndpoint): Promise<unknown> {
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
    const parsed = endpoint.data.safeParse(envelope.data);
    if (parsed.success) return parsed.data;
    const at = parsed.error.issues.slice(0, 3).map((i) => i.path.join(".") || "data");
    throw new UpstreamInvalidResponseError(`data does not match the documented shape at ${at.join(", ")}`);
  }
  if (!res.ok) {
    const items = (Array.isArray(envelope.errors) ? envelope.errors : []).flatMap((item) => {
      const parsed = ErrorItem.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    const summary = typeof envelope.summary === "string" ? envelope.summary : undefined;
    if (items.length || summary) throw new MachinesApiError(res.status, items, summary);
  }
  throw new UpstreamInvalidResponseError(`HTTP ${res.status} without the documented envelope`);
}

/**
 * One call to the Machines partner API, as its endpoint in `shared/machines/endpoints.ts` describes it:
 * JSON in and out, the envelope unwrapped, `data` parsed with the endpoint's schema. A whole call (retry
 * included) gets `timeoutMs`. Safe calls (idempotent endpoints, or writes with an idempotency key) are
 * retried once after a short backoff when Machines answers 5xx or cannot be reached; nothing is retried
 * after a 4xx or a 429. Callers go through a `MachinesCaller`, which picks the credential.
 *
 * @example
 * const data = await sendMachinesRequest(transport, { sessionToken }, machinesApi.getKycStatus);
 */
export async function sendMachinesRequest<E extends MachinesEndpoint>(
  t: MachinesTransport,
  credential: MachinesCredential,
  endpoint: E,
  input: MachinesCallInput<E> = {} as MachinesCallInput<E>,
): Promise<EndpointData<E>> {
  const req = input as AnyInput;
  const deadline = Date.now() + t.timeoutMs;
  const retriable = endpoint.idempotent || req.idempotencyKey !== undefined;
  const url = urlOf(t, endpoint, req);
  const init = { method: endpoint.method, headers: headersOf(credential, req), body: req.body === undefined ? undefined : JSON.stringify(req.body) };
  for (let attempt = 1; ; attempt++) {
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    try {
      const res = await fetch(url, { ...init, signal });
      return (await readReply(res, endpoint)) as EndpointData<E>;
    } catch (e) {
      // fetch fails with a TypeError in Node but a plain Error in workerd ("Network connection lost."):
      // anything that is not already one of ours means Machines could not be reached.
      const error = signal.aborted ? new UpstreamTimeoutError(t.timeoutMs) : e instanceof AppError ? e : new UpstreamUnavailableError("unreachable", e);
      const again = retriable && attempt === 1 && error instanceof UpstreamUnavailableError && deadline - Date.now() > RETRY_BACKOFF_MS * 2;
      if (error instanceof MachinesApiError) throw error;
      log.warn("machines_call_failed", {
        requestId: t.requestId,
        method: endpoint.method,
        // The path template: ids stay out of log lines.
        path: endpoint.path,
        error: (error as Error).name,
        code: (error as { code?: string }).code,
        retrying: again,
      });
      if (!again) throw error;
      await sleep(RETRY_BACKOFF_MS + Math.floor(Math.random() * RETRY_BACKOFF_MS));
    }
  }
}
