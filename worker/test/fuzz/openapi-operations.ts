import { SELF } from "cloudflare:test";
import type { JsonSchema } from "./schema-arbitrary";

/** One operation of the Worker's `/openapi.json`, as the fuzzer needs it. */
export interface FuzzOperation {
  operationId: string;
  method: string;
  /** OpenAPI path template, `{param}` style. */
  path: string;
  auth: boolean;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  idempotency: "required" | "optional" | null;
}

interface OpenApiParameter {
  name?: string;
  in?: string;
  schema?: JsonSchema;
  $ref?: string;
}

interface OpenApiOperation {
  operationId: string;
  security?: unknown[];
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/**
 * Every operation the Worker documents, read from its own `GET /openapi.json` (so a route added to the
 * contract is fuzzed without touching this folder).
 */
export async function loadOperations(): Promise<FuzzOperation[]> {
  const res = await SELF.fetch("https://worker.test/openapi.json");
  if (!res.ok) throw new Error(`/openapi.json answered ${res.status}`);
  const document = (await res.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const operations: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const idempotencyRef = parameters.find((p) => p.$ref?.includes("IdempotencyKey"))?.$ref;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        auth: (op.security ?? []).length > 0,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => ({ name: p.name!, schema: p.schema ?? {} })),
        queryParams: parameters.filter((p) => p.in === "query").map((p) => ({ name: p.name!, schema: p.schema ?? {} })),
        body: op.requestBody?.content["application/json"]?.schema ?? null,
        idempotency: idempotencyRef ? (idempotencyRef.endsWith("Required") ? "required" : "optional") : null,
      });
    }
  }
  return operations;
}
