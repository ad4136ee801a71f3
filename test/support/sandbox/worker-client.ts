/**
 * The raw Worker client of every suite: the Worker's public JSON API over real HTTP (as a partner's own UI
 * would call it; inside workerd, through `SELF` with the `fetch` option), by operation id of the contract
 * (`shared/api/routes.ts`). Every call is counted and timed, so a journey can report how
 * many Worker calls it made and how long the Worker took; replies are parsed with the contract.
 */
import type * as z from "zod/mini";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes, type OperationId } from "@machines-card/contract/api/routes";
import { ErrorEnvelope, okEnvelope } from "@machines-card/contract/envelope";

export interface CallParameters {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface WorkerReply {
  operationId: OperationId;
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: any;
  text: string;
  ms: number;
}

export type DataOf<Op extends OperationId> = z.infer<(typeof routes)[Op]["response"]>;

/** A reply the journey did not expect: the status, first error code and request id, never the body's secrets. */
export class UnexpectedReply extends Error {
  override name = "UnexpectedReply";
  constructor(
    readonly reply: WorkerReply,
    readonly code: string | undefined,
  ) {
    super(`${reply.operationId}: HTTP ${reply.status} ${code ?? ""} (request ${reply.headers.get("X-Request-Id") ?? "?"}): ${reply.text.slice(0, 300)}`);
  }
}

export interface CallLog {
  operationId: OperationId;
  status: number;
  ms: number;
}

/** The URL path of a route with its `:params` filled in. */
export function pathOf(route: RouteContract, params: Record<string, string> = {}): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
}

export interface RetryPolicy {
  /** Attempts per call in all (the first included). */
  attempts: number;
  /** Whether this failed reply may be sent again unchanged (same body, same Idempotency-Key). */
  retryable(reply: WorkerReply): boolean;
  /** Seen for every reply that is retried. */
  onRetry?(reply: WorkerReply): void;
}

export interface WorkerClientOptions {
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Sees every reply as it arrives (tests that scan all traffic). */
  onReply?: (reply: WorkerReply) => void;
  /** Sends requests through this instead of the global `fetch` (the Worker tests' `SELF.fetch`). */
  fetch?: (request: Request) => Promise<Response>;
}

export function createWorkerClient(workerUrl: string, options: WorkerClientOptions = {}) {
  const calls: CallLog[] = [];
  const timeoutMs = options.timeoutMs ?? 60_000;

  async function call(operationId: OperationId, p: CallParameters = {}): Promise<WorkerReply> {
    const route = routes[operationId] as RouteContract;
    const url = new URL(workerUrl + pathOf(route, p.params));
    for (const [key, value] of Object.entries(p.query ?? {})) url.searchParams.set(key, value);
    const headers = new Headers(p.headers);
    if (p.token) headers.set("Authorization", `Bearer ${p.token}`);
    if (p.idempotencyKey) headers.set("Idempotency-Key", p.idempotencyKey);
    const body = p.body === undefined ? undefined : JSON.stringify(p.body);
    if (body !== undefined) headers.set("Content-Type", "application/json");
    const started = performance.now();
    const request = new Request(url, { method: route.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const res = await (options.fetch ?? fetch)(request);
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    calls.push({ operationId, status: res.status, ms });
    const reply = { operationId, status: res.status, headers: res.headers, body: parsed, text, ms };
    options.onReply?.(reply);
    return reply;
  }

  /**
   * Calls a route and returns its `data`, parsed with the contract; anything else throws `UnexpectedReply`.
   * With a retry policy, a failure it deems retryable is sent again unchanged, after `Retry-After` (or 200 ms).
   */
  async function ok<Op extends OperationId>(operationId: Op, p: CallParameters = {}): Promise<DataOf<Op>> {
    let reply = await call(operationId, p);
    for (let attempt = 1; options.retry && attempt < options.retry.attempts && reply.status >= 400 && options.retry.retryable(reply); attempt++) {
      options.retry.onRetry?.(reply);
      const wait = Number(reply.headers.get("Retry-After"));
      await new Promise((resolve) => setTimeout(resolve, Number.isFinite(wait) && wait > 0 ? wait * 1000 : 200));
      reply = await call(operationId, p);
    }
    const route = routes[operationId] as RouteContract;
    const parsed = okEnvelope(route.response).safeParse(reply.body);
    if (reply.status !== (route.successStatus ?? 200) || !parsed.success) throw new UnexpectedReply(reply, errorCodeOf(reply));
    return parsed.data.data as DataOf<Op>;
  }

  return { call, ok, calls, url: workerUrl };
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;

/** The first error code of an error envelope, if the reply is one. */
export function errorCodeOf(reply: Pick<WorkerReply, "body">): string | undefined {
  const parsed = ErrorEnvelope.safeParse(reply.body);
  return parsed.success ? parsed.data.errors[0]!.code : undefined;
}
