import * as z from "zod/mini";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes } from "@machines-card/contract/api/routes";
import { ErrorEnvelope, okEnvelope } from "@machines-card/contract/envelope";
import { ERROR_STATUS } from "@machines-card/contract/errors";
import { MAX_BODY_BYTES } from "../http/body-limit";
import { jsonSchemaOf, parametersOf, type JsonSchema } from "./json-schema";

/** Error replies every route can give, by status, and the ones that depend on what the route takes. */
function errorResponses(route: RouteContract): Record<string, unknown> {
  const codesByStatus = new Map<number, string[]>();
  const add = (code: string) => {
    const status = (ERROR_STATUS as Record<string, number>)[code] ?? 400;
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  };
  add("invalid_request");
  if (route.auth) ["unauthorized", "token_expired", "origin_not_allowed"].forEach(add);
  if (route.body) ["payload_too_large", "unsupported_media_type"].forEach(add);
  for (const code of route.errors ?? []) if (!["invalid_request"].includes(code)) add(code);
  ["configuration_error", "internal_error"].forEach(add);
  if (route.auth) ["upstream_unavailable", "upstream_invalid_response", "upstream_rate_limited", "upstream_timeout"].forEach(add);

  const responses: Record<string, unknown> = {};
  for (const [status, codes] of [...codesByStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `Error envelope; errors[].code is one of: ${[...new Set(codes)].join(", ")}`,
      ...(status === 429 || status === 503 ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } } : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
    };
  }
  return responses;
}

function operationOf(route: RouteContract): JsonSchema {
  const parameters: unknown[] = [];
  if (route.params) parameters.push(...parametersOf(route.params, "path"));
  if (route.query) parameters.push(...parametersOf(route.query, "query"));
  if (route.idempotency) {
    parameters.push({ $ref: `#/components/parameters/IdempotencyKey${route.idempotency === "required" ? "Required" : ""}` });
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    security: route.auth ? [{ bearerAuth: [] }] : [],
    ...(parameters.length && { parameters }),
    ...(route.body && {
      requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(route.body, "input") } } },
    }),
    responses: {
      [String(route.successStatus ?? 200)]: {
        description: "Success envelope; the payload is in `data`",
        headers: { "X-Request-Id": { $ref: "#/components/headers/RequestId" } },
        content: { "application/json": { schema: jsonSchemaOf(okEnvelope(route.response), "output") } },
      },
      ...errorResponses(route),
    },
  };
}

const Health = z.object({ ok: z.literal(true), environment: z.nullable(z.enum(["sandbox", "production"])), version: z.string() });

/**
 * The OpenAPI 3.1 document of the Worker's public API, generated from the same route contracts the
 * Worker validates with and the widget calls through, so it cannot drift from either.
 */
export function buildOpenApi(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {
    "/healthz": {
      get: {
        operationId: "getHealth",
        tags: ["meta"],
        summary: "Liveness: the Worker runs and reaches D1",
        security: [],
        responses: { "200": { description: "Healthy", content: { "application/json": { schema: jsonSchemaOf(okEnvelope(Health), "output") } } } },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        tags: ["meta"],
        summary: "This document",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  };
  for (const route of Object.values(routes) as RouteContract[]) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "machines-card Worker API",
      version,
      description:
        "The JSON API behind <machines-card>: sign-in with a Crossmint (or sandbox) JWT, then KYC, agreements, deposits, " +
        "cards and withdrawals on Machines. Every reply is the envelope {ok, data, summary, errors, requestId} and carries " +
        `X-Request-Id and X-Machines-Environment. Request bodies are JSON, at most ${MAX_BODY_BYTES} bytes.`,
    },
    servers: [{ url: "/" }],
    tags: [...new Set((Object.values(routes) as RouteContract[]).map((r) => r.tag)), "meta"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The user's Crossmint JWT (the sandbox identity issuer's in development)" },
      },
      schemas: { ErrorEnvelope: jsonSchemaOf(ErrorEnvelope, "output") },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "8 to 128 characters; the same key with the same body gives the same result",
          schema: { type: "string", minLength: 8, maxLength: 128 },
        },
        IdempotencyKeyRequired: {
          name: "Idempotency-Key",
          in: "header",
          required: true,
          description: "8 to 128 characters (a UUID per user action); repeating it never creates a second resource",
          schema: { type: "string", minLength: 8, maxLength: 128 },
        },
      },
      headers: {
        RequestId: { description: "The request id, also in the envelope", schema: { type: "string" } },
        RetryAfter: { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 0 } },
      },
    },
  };
}
