import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import { ErrorEnvelope } from "@machines-card/contract/envelope";
import worker from "../../src/index";

/**
 * Codes only the Worker itself gives, before any handler runs (Machines' 401 is turned into a new partner
 * session, and nothing the Worker sends Machines is over Machines' size cap or not JSON). `invalid_request`
 * and `not_found` are not here: Machines gives them too, and a request that reaches Machines may leave an
 * idempotency record of Machines' refusal by design. The contract oracle judges those requests instead.
 */
export const WORKER_ONLY_CODES = new Set(["unauthorized", "token_expired", "payload_too_large", "unsupported_media_type", "origin_not_allowed", "method_not_allowed"]);

export interface FuzzReply {
  status: number;
  headers: Headers;
  text: string;
  code: string | null;
}

// A patient upstream budget: a slow sandbox on a loaded machine must not turn into a 504 here.
const bindings = { ...env, UPSTREAM_TIMEOUT_MS: "10000" };

/** The Worker, with every `waitUntil` finished before the reply is looked at (so late D1 writes count too). */
export async function send(request: Request): Promise<FuzzReply> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, bindings, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  let code: string | null = null;
  try {
    const parsed = ErrorEnvelope.safeParse(JSON.parse(text));
    if (parsed.success) code = parsed.data.errors[0]!.code;
  } catch {
    // not JSON: the checks below say so
  }
  return { status: res.status, headers: res.headers, text, code };
}

/** What every reply must be, whatever was sent: no 5xx, JSON, and every error in the envelope with a code. */
export function expectWellFormed(reply: FuzzReply, sent: string): void {
  const context = `${sent}\n→ HTTP ${reply.status}: ${reply.text.slice(0, 400)}`;
  expect(reply.status, context).toBeLessThan(500);
  if (reply.status === 204) return; // CORS preflight
  expect(reply.headers.get("Content-Type") ?? "", context).toMatch(/^application\/json/);
  if (reply.status >= 400) {
    const parsed = ErrorEnvelope.safeParse(JSON.parse(reply.text));
    expect(parsed.success, context).toBe(true);
    expect(parsed.data!.errors.every((e) => e.code.length > 0 && e.message.length > 0), context).toBe(true);
    expect(parsed.data!.requestId, context).toBe(reply.headers.get("X-Request-Id"));
  } else if (!sent.includes("/openapi.json")) {
    expect(JSON.parse(reply.text).ok, context).toBe(true);
  }
}

/** Every row of every table of the Worker's D1, as one string to compare before and after a request. */
export async function d1Snapshot(): Promise<string> {
  const { results: tables } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  ).all<{ name: string }>();
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`)));
  return JSON.stringify(tables.map((t, i) => [t.name, rows[i]!.results]));
}

/** A short description of a request, for failure messages (the body cut short). */
export function describeRequest(request: Request, body: string | undefined): string {
  const headers = [...request.headers].map(([k, v]) => `${k}: ${v.slice(0, 60)}`).join("; ");
  return `${request.method} ${request.url.slice(0, 300)} [${headers}] ${body === undefined ? "" : JSON.stringify(body.slice(0, 300))}`;
}
