import type { MiddlewareHandler } from "hono";
import * as z from "zod/mini";
import { fail } from "@machines-card/contract/envelope";
import { ids } from "../crypto/encoding";

/**
 * Fault injection for tests of the Worker and the widget: added latency, 5xx replies, malformed JSON,
 * 429 with `Retry-After`, and replies rewritten field by field (the real service sending other shapes or
 * values than the simulator), matched by method and path, for the next N matching requests or with a
 * probability. Rules come from `SANDBOX_FAULTS` (JSON) at start and from `/sandbox/faults` at run time.
 */

export const FAULT_KINDS = ["latency", "error", "malformed", "rate_limit", "rewrite"] as const;

/**
 * `rewrite`: changes to the real reply's JSON (the whole envelope), by dotted path from its root
 * (`data.cards.*.status`, `errors.0.message`, `summary`). `*` stands for every element of an array (or
 * every member of an object); a number for one element. `set` writes values (creating missing objects on
 * the way), `remove` deletes members. The HTTP status stays unless `status` is given.
 */
export const ReplyRewrite = z.object({
  set: z.optional(z.record(z.string().check(z.minLength(1)), z.unknown())),
  remove: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type ReplyRewrite = z.infer<typeof ReplyRewrite>;

export const FaultRuleInput = z.object({
  /** `GET`, `POST`, … or `*` (default). */
  method: z.optional(z.string().check(z.regex(/^([A-Za-z]+|\*)$/))),
  /** Path under `/partner/v1` (the prefix may be included); `*` matches any run of characters. Default `*`. */
  path: z.optional(z.string().check(z.minLength(1))),
  kind: z.enum(FAULT_KINDS),
  /** `error`: the HTTP status (default 503); `rewrite`: the status to answer with instead of the real one. */
  status: z.optional(z.int().check(z.minimum(200), z.maximum(599))),
  /** `rewrite`: what to change in the reply. */
  rewrite: z.optional(ReplyRewrite),
  /** `latency`: the delay before the request is handled (default 1000 ms). */
  latencyMs: z.optional(z.int().check(z.minimum(0), z.maximum(120_000))),
  /** `rate_limit`: the `Retry-After` value (default 1). */
  retryAfterSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(3600))),
  /** Apply to this many matching requests, then retire (default: no limit). */
  times: z.optional(z.int().check(z.minimum(1))),
  /**
   * Only requests made for this partner user id (the session token's subject, or `userId` /
   * `externalUserId` in the body of `/sessions` and `/users/resolve`). Lets tests that share one sandbox
   * break one user's requests without touching anyone else's. Default: every user.
   */
  userId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Chance in [0, 1] that a matching request is affected (default 1). */
  probability: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /**
   * `error` and `rate_limit` answer `before` the request is handled (nothing happens upstream);
   * `malformed` answers `after` it (the change happened, the reply is unreadable). Either can be overridden.
   */
  phase: z.optional(z.enum(["before", "after"])),
}).check(
  z.refine((rule) => rule.kind !== "rewrite" || rule.rewrite !== undefined, { error: "a rewrite rule needs `rewrite`", path: ["rewrite"] }),
  z.refine((rule) => rule.kind !== "error" || rule.status === undefined || rule.status >= 500, { error: "an error fault answers 5xx", path: ["status"] }),
);
export type FaultRuleInput = z.infer<typeof FaultRuleInput>;
export type FaultRule = FaultRuleInput & { id: string; remaining: number | null; hits: number };

const PREFIX = /^.*?\/partner\/v1(?=\/|$)/;
const relative = (path: string) => path.replace(PREFIX, "") || "/";

function pathMatches(pattern: string, path: string): boolean {
  const escaped = relative(pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`).test(path);
}

export class FaultBook {
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...input, id: ids.prefixed("fault", 6), remaining: input.times ?? null, hits: 0 };
    this.rules.push(rule);
    return rule;
  }
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }
  clear(): void {
    this.rules = [];
  }
  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Whether any live rule is scoped to a user (only then is the request's user worth reading). */
  scopedByUser(): boolean {
    return this.rules.some((rule) => rule.userId !== undefined);
  }

  /** The first live rule for this request, counted as used. */
  take(method: string, path: string, userId?: string): FaultRule | undefined {
    const target = relative(path);
    for (const rule of this.rules) {
      if (rule.method && rule.method !== "*" && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!pathMatches(rule.path ?? "*", target)) continue;
      if (rule.userId !== undefined && rule.userId !== userId) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.hits++;
      if (rule.remaining !== null && --rule.remaining <= 0) this.remove(rule.id);
      return rule;
    }
    return undefined;
  }
}

/** Parses `SANDBOX_FAULTS`: a JSON array of rules (or one rule object). Throws a readable error. */
export function parseFaultRules(text: string | undefined): FaultRuleInput[] {
  if (!text?.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("SANDBOX_FAULTS must be JSON: a rule object or an array of rules");
  }
  const result = z.array(FaultRuleInput).safeParse(Array.isArray(value) ? value : [value]);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`SANDBOX_FAULTS: invalid rule at ${issue.path.join(".") || "(root)"}`);
  }
  return result.data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Json = unknown;

/** Every container a path's parent segments reach (several where a segment is `*`). */
function containers(root: Json, segments: string[], create: boolean): Record<string, Json>[] {
  let level: Json[] = [root];
  for (const segment of segments) {
    const next: Json[] = [];
    for (const node of level) {
      if (typeof node !== "object" || node === null) continue;
      const record = node as Record<string, Json>;
      if (segment === "*") next.push(...Object.values(record));
      else {
        if (create && (typeof record[segment] !== "object" || record[segment] === null)) record[segment] = {};
        next.push(record[segment]);
      }
    }
    level = next;
  }
  return level.filter((node): node is Record<string, Json> => typeof node === "object" && node !== null);
}

/** Applies a rewrite to a parsed reply, in place: `remove` first, then `set`. */
export function applyRewrite(body: Json, rewrite: ReplyRewrite): Json {
  const split = (path: string) => {
    const segments = path.split(".");
    return { parents: segments.slice(0, -1), last: segments.at(-1)! };
  };
  for (const path of rewrite.remove ?? []) {
    const { parents, last } = split(path);
    for (const container of containers(body, parents, false)) {
      if (last === "*") for (const key of Object.keys(container)) delete container[key];
      else if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
    }
  }
  for (const [path, value] of Object.entries(rewrite.set ?? {})) {
    const { parents, last } = split(path);
    for (const container of containers(body, parents, true)) {
      const keys = last === "*" ? Object.keys(container) : [last];
      for (const key of keys) container[key] = structuredClone(value);
    }
  }
  return body;
}

/** The real reply with the rule's rewrite applied (a reply that is not JSON stays as it is). */
async function rewritten(res: Response, rule: FaultRule): Promise<Response> {
  let body: Json;
  try {
    body = JSON.parse(await res.clone().text());
  } catch {
    return res;
  }
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  headers.set("X-Sandbox-Fault", "rewrite");
  return new Response(JSON.stringify(applyRewrite(body, rule.rewrite ?? {})), { status: rule.status ?? res.status, headers });
}

function faultResponse(rule: FaultRule): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Sandbox-Fault": rule.kind };
  if (rule.kind === "rate_limit") {
    headers["Retry-After"] = String(rule.retryAfterSeconds ?? 1);
    return new Response(JSON.stringify(fail([{ code: "rate_limited", message: "sandbox fault: too many requests" }])), {
      status: 429,
      headers,
    });
  }
  if (rule.kind === "error") {
    const status = rule.status ?? 503;
    return new Response(JSON.stringify(fail([{ code: "upstream_error", message: `sandbox fault: injected ${status}` }])), {
      status,
      headers,
    });
  }
  // Cut mid-document: parses as neither JSON nor an envelope.
  return new Response('{"ok":true,"data":{"sandbox', { status: 200, headers });
}

/**
 * Who a request is for, without verifying anything (matching a fault rule is not authentication):
 * the bearer session token's `sub`, else the partner-key routes' body `userId` / `externalUserId`.
 */
async function requestUserId(request: Request): Promise<string | undefined> {
  const bearer = /^Bearer\s+[^.]+\.([^.]+)\./i.exec(request.headers.get("authorization") ?? "");
  if (bearer?.[1]) {
    try {
      const claims = JSON.parse(atob(bearer[1].replaceAll("-", "+").replaceAll("_", "/"))) as { sub?: unknown };
      return typeof claims.sub === "string" ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }
  if (request.method !== "POST") return undefined;
  try {
    const body = (await request.clone().json()) as { userId?: unknown; externalUserId?: unknown };
    const id = body.userId ?? body.externalUserId;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

export function injectFaults(book: FaultBook): MiddlewareHandler {
  return async (c, next) => {
    const userId = book.scopedByUser() ? await requestUserId(c.req.raw) : undefined;
    const rule = book.take(c.req.method, c.req.path, userId);
    if (!rule) return next();
    if (rule.kind === "latency") {
      await sleep(rule.latencyMs ?? 1000);
      await next();
      c.header("X-Sandbox-Fault", "latency");
      return;
    }
    if (rule.kind === "rewrite") {
      await next();
      const changed = await rewritten(c.res, rule);
      c.res = undefined as unknown as Response;
      c.res = changed;
      return;
    }
    const phase = rule.phase ?? (rule.kind === "malformed" ? "after" : "before");
    if (phase === "before") return faultResponse(rule);
    await next();
    // Replace the real reply outright (assigning undefined first stops Hono merging its headers in).
    c.res = undefined as unknown as Response;
    c.res = faultResponse(rule);
  };
}
