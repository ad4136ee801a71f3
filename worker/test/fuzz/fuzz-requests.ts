import fc from "fast-check";
import { headerValue, hostileJson, hostileString } from "./hostile-strings";
import type { FuzzOperation } from "./openapi-operations";
import { mutatedValue, schemaValue } from "./schema-arbitrary";

export const BASE = "https://worker.test";

/** Real values the fuzzer mixes in, so some requests get past validation and deep into the Worker. */
export interface FuzzFixture {
  /** A valid bearer token of a user past KYC and agreements, with a card, a deposit and a withdrawal. */
  token: string;
  /** Tokens that must be refused (expired, wrong audience, forged…). */
  badTokens: string[];
  /** Path parameter name → ids that exist for the user. */
  ids: Record<string, string[]>;
}

export interface FuzzRequest {
  request: Request;
  /** The body as sent (for failure messages). */
  body: string | undefined;
}

const CONTENT_TYPES = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "application/vnd.partner+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
      "",
    ),
  },
  { weight: 1, arbitrary: headerValue },
);

/** A body for this operation: shaped by its schema, one thing wrong, any JSON, not JSON at all, oversized, or none. */
function bodyFor(op: FuzzOperation): fc.Arbitrary<string | undefined> {
  const schema = op.body ?? { type: "object" };
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v) ?? "null");
  const options = [
    { weight: op.body ? 2 : 0, arbitrary: json(schemaValue(schema)) },
    { weight: op.body ? 5 : 0, arbitrary: json(mutatedValue(schema)) },
    { weight: 2, arbitrary: json(hostileJson) },
    { weight: 1, arbitrary: fc.oneof(hostileString, json(schemaValue(schema)).map((text) => text.slice(0, Math.max(1, text.length - 2)))) },
    { weight: 1, arbitrary: fc.integer({ min: 33 * 1024, max: 80 * 1024 }).map((n) => JSON.stringify({ padding: "x".repeat(n) })) },
    { weight: op.body ? 1 : 4, arbitrary: fc.constant(undefined) },
  ].filter((o) => o.weight > 0);
  return fc.oneof(...options);
}

/** A value for one path parameter, before encoding: an id that exists, one shaped like an id, or anything. */
function paramValue(name: string, op: FuzzOperation, fixture: FuzzFixture): fc.Arbitrary<string> {
  const real = fixture.ids[name] ?? [];
  const schema = op.pathParams.find((p) => p.name === name)?.schema ?? {};
  return fc.oneof(
    { weight: real.length ? 4 : 0, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant("x") },
    { weight: 2, arbitrary: schemaValue(schema).map(String) },
    { weight: 3, arbitrary: hostileString },
  );
}

/** Encodes a path segment the way a client should (usually), or leaves it raw for the URL parser to make sense of. */
const encoded = (value: string) => {
  const raw = fc.constant(value.replace(/[?#]/g, ""));
  try {
    return fc.oneof({ weight: 5, arbitrary: fc.constant(encodeURIComponent(value)) }, { weight: 1, arbitrary: raw });
  } catch {
    return raw; // a lone surrogate has no percent-encoding; the URL parser replaces it
  }
};

function pathFor(op: FuzzOperation, fixture: FuzzFixture): fc.Arbitrary<string> {
  const names = op.pathParams.map((p) => p.name);
  return fc
    .tuple(...names.map((name) => paramValue(name, op, fixture).chain(encoded)), fc.constantFrom("", "", "", "/", "//x", "/.."))
    .map((parts) => {
      const suffix = parts.pop() as string;
      let path = op.path;
      names.forEach((name, i) => (path = path.replace(`{${name}}`, parts[i] as string)));
      return path + suffix;
    });
}

function queryFor(op: FuzzOperation): fc.Arbitrary<[string, string][]> {
  const declared = op.queryParams.map((p) => fc.tuple(fc.constant(p.name), fc.oneof(schemaValue(p.schema).map(String), hostileString)));
  const unknown = fc.tuple(fc.oneof(fc.constantFrom("limit", "cursor", "scope", "type", "x", "__proto__"), hostileString), hostileString);
  return fc.array(declared.length ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...declared) }, { weight: 1, arbitrary: unknown }) : unknown, { maxLength: 3 });
}

function authorizationFor(op: FuzzOperation, fixture: FuzzFixture): fc.Arbitrary<string | undefined> {
  const good = fc.constant(`Bearer ${fixture.token}`);
  if (!op.auth) return fc.oneof(fc.constant(undefined), good, headerValue);
  return fc.oneof(
    { weight: 10, arbitrary: good },
    { weight: 2, arbitrary: fc.constantFrom(...fixture.badTokens).map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: headerValue },
  );
}

function idempotencyKeyFor(op: FuzzOperation): fc.Arbitrary<string | undefined> {
  if (!op.idempotency) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: headerValue });
  return fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: headerValue });
}

const originFor = fc.oneof(
  { weight: 10, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom("https://shop.example", "https://evil.example", "null", "http://127.0.0.1:8787") },
  { weight: 1, arbitrary: headerValue },
);

function setIfValid(headers: Headers, name: string, value: string | undefined): void {
  if (value === undefined) return;
  try {
    headers.set(name, value);
  } catch {
    // Not a value HTTP can carry; a real client could not send it either.
  }
}

/** Any request to this operation: hostile body, path, query and headers, most of them with a valid token. */
export function requestFor(op: FuzzOperation, fixture: FuzzFixture): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: pathFor(op, fixture),
      query: queryFor(op),
      body: op.method === "GET" ? fc.constant(undefined) : bodyFor(op),
      contentType: CONTENT_TYPES,
      authorization: authorizationFor(op, fixture),
      idempotencyKey: idempotencyKeyFor(op),
      origin: originFor,
      requestId: fc.option(headerValue, { freq: 4 }),
    })
    .map((r) => {
      const url = new URL(BASE);
      url.pathname = r.path;
      for (const [key, value] of r.query) url.searchParams.append(key, value);
      const headers = new Headers();
      setIfValid(headers, "Authorization", r.authorization);
      setIfValid(headers, "Idempotency-Key", r.idempotencyKey);
      setIfValid(headers, "Origin", r.origin);
      setIfValid(headers, "X-Request-Id", r.requestId ?? undefined);
      if (r.body !== undefined) setIfValid(headers, "Content-Type", r.contentType);
      return { request: new Request(url, { method: op.method, headers, body: r.body }), body: r.body };
    });
}
