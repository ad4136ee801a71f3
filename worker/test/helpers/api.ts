import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import type * as z from "zod/mini";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes, type OperationId } from "@machines-card/contract/api/routes";
import { ErrorEnvelope, okEnvelope } from "@machines-card/contract/envelope";
import { pathOf, type CallParameters } from "@machines-card/test-support/sandbox/worker-client";

export const BASE = "https://worker.test";

/** The sandbox driver's call parameters (`test/support/sandbox/worker-client.ts`), and what only these tests send. */
export interface CallOptions extends CallParameters {
  /** A raw body string (malformed JSON tests); wins over `body`. */
  rawBody?: string;
  origin?: string;
  /** Send the request through this fetcher instead of the project's Worker (e.g. another env). */
  fetcher?: (request: Request) => Promise<Response>;
}

export interface ApiReply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export { pathOf };

export function requestFor(route: RouteContract, o: CallOptions = {}): Request {
  const url = new URL(BASE + pathOf(route, o.params));
  for (const [key, value] of Object.entries(o.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(o.headers);
  if (o.token) headers.set("Authorization", `Bearer ${o.token}`);
  if (o.idempotencyKey) headers.set("Idempotency-Key", o.idempotencyKey);
  if (o.origin) headers.set("Origin", o.origin);
  let body: string | undefined;
  if (o.rawBody !== undefined) body = o.rawBody;
  else if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  return new Request(url, { method: route.method, headers, body });
}

export async function send(request: Request, fetcher?: (r: Request) => Promise<Response>): Promise<ApiReply> {
  const res = await (fetcher ? fetcher(request) : SELF.fetch(request));
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Calls a route of the contract by operation id. */
export function call(operationId: OperationId, o: CallOptions = {}): Promise<ApiReply> {
  return send(requestFor(routes[operationId] as RouteContract, o), o.fetcher);
}

/** Asserts a success envelope whose `data` parses with the contract's reply schema (as the widget parses it); returns `data`. */
export function expectOk<Op extends OperationId>(operationId: Op, reply: ApiReply): z.infer<(typeof routes)[Op]["response"]> {
  const route = routes[operationId] as RouteContract;
  if (reply.status !== (route.successStatus ?? 200)) {
    throw new Error(`${operationId}: expected ${route.successStatus ?? 200}, got ${reply.status}: ${reply.text.slice(0, 500)}`);
  }
  const parsed = okEnvelope(route.response).safeParse(reply.body);
  if (!parsed.success) throw new Error(`${operationId}: reply does not match the contract: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  expect(reply.headers.get("X-Request-Id")).toBe(parsed.data.requestId);
  return parsed.data.data as z.infer<(typeof routes)[Op]["response"]>;
}

/** Asserts an error envelope with this status and first code (and field, when given); returns the envelope. */
export function expectError(reply: ApiReply, status: number, code: string, field?: string): ErrorEnvelope {
  const parsed = ErrorEnvelope.safeParse(reply.body);
  if (!parsed.success) throw new Error(`expected an error envelope, got ${reply.status}: ${reply.text.slice(0, 300)}`);
  expect({ status: reply.status, code: parsed.data.errors[0]!.code }).toEqual({ status, code });
  if (field !== undefined) expect(parsed.data.errors.map((e) => e.field)).toContain(field);
  expect(parsed.data.requestId).toBe(reply.headers.get("X-Request-Id"));
  return parsed.data;
}
