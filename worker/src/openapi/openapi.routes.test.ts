import { describe, expect, it } from "vitest";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes } from "@machines-card/contract/api/routes";
import { BASE, send } from "../../test/helpers/api";

const all = Object.values(routes) as RouteContract[];
const doc = async () => {
  const reply = await send(new Request(`${BASE}/openapi.json`, { headers: { Origin: "https://any.example" } }));
  expect(reply.status).toBe(200);
  return { doc: reply.body as any, reply };
};
const opOf = (d: any, r: RouteContract) => d.paths[r.path.replace(/:(\w+)/g, "{$1}")][r.method.toLowerCase()];

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document any origin may read and caches briefly", async () => {
    const { doc: d, reply } = await doc();
    expect(d.openapi).toBe("3.1.0");
    expect(d.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(reply.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(reply.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(d.paths["/healthz"].get).toBeTruthy();
    expect(d.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer", bearerFormat: "JWT" }));
    expect(d.components.schemas.ErrorEnvelope.properties.ok).toEqual({ type: "boolean", const: false });
  });

  it("documents each route's path and query parameters, body, security and idempotency key", async () => {
    const { doc: d } = await doc();
    for (const route of all) {
      const op = opOf(d, route);
      const names = (op.parameters ?? []).map((p: any) => p.name ?? p.$ref);
      for (const [, param] of route.path.matchAll(/:(\w+)/g)) expect(names, route.operationId).toContain(param);
      if (route.query) expect(names.length, route.operationId).toBeGreaterThan(0);
      if (route.idempotency) expect(names.some((n: string) => n.includes("IdempotencyKey")), route.operationId).toBe(true);
      expect(Boolean(op.requestBody), route.operationId).toBe(Boolean(route.body));
      expect(op.security, route.operationId).toEqual(route.auth ? [{ bearerAuth: [] }] : []);
    }
  });

  it("describes replies as the envelope around each route's data, and the error envelope with its codes", async () => {
    const { doc: d } = await doc();
    const createCard = opOf(d, routes.createCard as RouteContract);
    const ok = createCard.responses["201"].content["application/json"].schema;
    expect(ok.required).toEqual(expect.arrayContaining(["ok", "data", "summary", "errors"]));
    expect(ok.properties.data.properties.card.properties.label).toBeTruthy();
    expect(createCard.responses["409"].description).toContain("idempotency_conflict");
    expect(createCard.responses["401"].description).toContain("token_expired");
    expect(createCard.responses["413"].description).toContain("payload_too_large");
    expect(createCard.responses["504"].description).toContain("upstream_timeout");
    expect(createCard.responses["400"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
  });

  it("documents the KYC application body with its rules", async () => {
    const { doc: d } = await doc();
    const body = opOf(d, routes.submitKycApplication as RouteContract).requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["firstName", "lastName", "birthDate", "address", "annualSalary"]));
    expect(body.properties.annualSalary.enum).toContain("50k\u201399k");
  });
});
