import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes } from "@machines-card/contract/api/routes";
import type { FuzzOperation } from "./openapi-operations";

/**
 * An independent judge of a fuzzed request: from the contract (`shared/api/routes.ts`) and the documented
 * edge rules alone (CORS origins, 32 KB body cap, JSON bodies, bearer token, Idempotency-Key of 8 to 128
 * visible ASCII characters), does the request break a rule the Worker must enforce before doing anything?
 * Returns the broken rule, or null when the request may be valid (or the judge cannot tell, e.g. a path
 * that no longer matches the operation). It never looks at the Worker's code.
 */
export interface Sent {
  request: Request;
  body: string | undefined;
}

const MAX_BODY_BYTES = 32 * 1024;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const PUBLIC_PATHS = new Set(["/v1/config"]);

function routeOf(op: FuzzOperation): RouteContract | undefined {
  return (routes as Record<string, RouteContract>)[op.operationId];
}

/** The operation's path parameters from a request path, or null if the path does not match the operation. */
function paramsOf(op: FuzzOperation, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const source = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const match = new RegExp(`^${source}$`).exec(pathname);
  if (!match) return null;
  const params: Record<string, string> = {};
  try {
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1]!)));
  } catch {
    return null; // malformed escapes: how a router decodes them is its own business
  }
  return params;
}

export function brokenRule(op: FuzzOperation, sent: Sent, token: string, allowedOrigins: ReadonlySet<string>): string | null {
  const route = routeOf(op);
  if (!route) return null;
  const url = new URL(sent.request.url);
  const params = paramsOf(op, url.pathname);
  if (params === null) return null;
  const headers = sent.request.headers;

  const origin = headers.get("Origin");
  if (origin !== null && !PUBLIC_PATHS.has(url.pathname) && !allowedOrigins.has(origin)) return "origin not allowed";
  // What the Worker reads: the UTF-8 bytes decoded again (a lone surrogate arrives as U+FFFD).
  const body = new TextDecoder().decode(new TextEncoder().encode(sent.body ?? ""));
  if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) return "body over 32 KB";
  if (route.auth && headers.get("Authorization") !== `Bearer ${token}`) return "no valid bearer token";

  if (route.params && !route.params.safeParse(params).success) return "path parameter breaks the contract";
  if (route.query) {
    // A parameter without a name (`?=x`) is no parameter at all.
    const entries = [...url.searchParams].filter(([key]) => key !== "");
    const keys = entries.map(([key]) => key);
    if (new Set(keys).size === keys.length && !route.query.safeParse(Object.fromEntries(entries)).success) return "query breaks the contract";
  }
  if (route.body) {
    let value: unknown = {};
    if (body.trim() !== "") {
      if (!JSON_TYPE.test(headers.get("Content-Type") ?? "")) return "body not declared JSON";
      try {
        value = JSON.parse(body);
      } catch {
        return "body not JSON";
      }
    }
    if (!route.body.safeParse(value).success) return "body breaks the contract";
  }
  if (route.idempotency) {
    const key = headers.get("Idempotency-Key");
    if (key === null || key === "") {
      if (route.idempotency === "required") return "Idempotency-Key missing";
    } else if (key.length < 8 || key.length > 128 || !/^[\x21-\x7e]+$/.test(key)) {
      return "Idempotency-Key malformed";
    }
  }
  return null;
}
