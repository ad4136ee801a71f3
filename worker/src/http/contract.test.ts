import { describe, expect, inject, it } from "vitest";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes, type OperationId } from "@machines-card/contract/api/routes";
import { BASE, call, expectError, send } from "../../test/helpers/api";
import { signIn } from "../../test/helpers/users";
import "..";
import { mountedOperations } from "./mount";

const all = Object.entries(routes) as [OperationId, RouteContract][];
const authed = all.filter(([, r]) => r.auth);
const validParams = (r: RouteContract) => Object.fromEntries([...r.path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, "abcdefgh12345678"]));

describe("the contract (shared/api/routes.ts)", () => {
  it("is mounted in full: every route, nothing else", () => {
    expect([...mountedOperations].sort()).toEqual(all.map(([id]) => id).sort());
  });

  it("is documented in full in /openapi.json", async () => {
    const doc = (await send(new Request(`${BASE}/openapi.json`))).body;
    for (const [id, route] of all) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method.toLowerCase()];
      expect(op?.operationId, id).toBe(id);
    }
  });

  it.each(authed)("%s refuses a request without a bearer token (401)", async (id, route) => {
    expectError(await call(id, { params: validParams(route) }), 401, "unauthorized");
  });

  it.each(authed)("%s refuses an expired token (401 token_expired)", async (id, route) => {
    expectError(await call(id, { params: validParams(route), token: inject("sandbox").tokens.expired }), 401, "token_expired");
  });
});

describe("bad input gets 400 invalid_request naming the field, before anything reaches Machines", () => {
  let token: string;
  const withParams = all.filter(([, r]) => r.params);
  const withQuery = all.filter(([, r]) => r.query);
  const withBody = all.filter(([, r]) => r.body);
  const withKey = all.filter(([, r]) => r.idempotency === "required");
  const signedIn = async () => (token ??= await signIn());
  const base = (route: RouteContract) => ({ params: validParams(route), ...(route.idempotency ? { idempotencyKey: crypto.randomUUID() } : {}) });

  it.each(withParams)("%s: a malformed path id", async (id, route) => {
    const params = Object.fromEntries(Object.keys(validParams(route)).map((k) => [k, "bad id!"]));
    const reply = await call(id, { ...base(route), params, token: await signedIn(), body: route.body ? {} : undefined });
    expectError(reply, 400, "invalid_request", Object.keys(params)[0]);
  });

  it.each(withQuery)("%s: an unknown query parameter", async (id, route) => {
    expectError(await call(id, { ...base(route), query: { bogus: "1" }, token: await signedIn() }), 400, "invalid_request", "bogus");
  });

  it.each(withBody)("%s: a body of the wrong type", async (id, route) => {
    expectError(await call(id, { ...base(route), body: ["not", "an", "object"], token: await signedIn() }), 400, "invalid_request", "body");
  });

  it.each(withBody)("%s: fields of the wrong type", async (id, route) => {
    const reply = await call(id, { ...base(route), body: { accepted: "yes", amountCents: "ten", label: 42, destination: 7, currency: 1, txHash: "0x1", status: "frozen" }, token: await signedIn() });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.every((e: { code: string; field?: string }) => e.code === "invalid_request" && typeof e.field === "string")).toBe(true);
  });

  it.each(withBody)("%s: malformed JSON", async (id, route) => {
    expectError(await call(id, { ...base(route), rawBody: "{\u0000\ud83d", token: await signedIn() }), 400, "invalid_request", "body");
  });

  it.each(withKey)("%s: no Idempotency-Key, or one of the wrong length", async (id, route) => {
    const t = await signedIn();
    expectError(await call(id, { params: validParams(route), body: {}, token: t }), 400, "invalid_request", "Idempotency-Key");
    expectError(await call(id, { params: validParams(route), body: {}, token: t, idempotencyKey: "short" }), 400, "invalid_request", "Idempotency-Key");
  });
});
