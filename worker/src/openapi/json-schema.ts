import * as z from "zod/mini";

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema: `input` for what a client sends (before
 * coercion and defaults), `output` for what it receives. Checks JSON Schema cannot express (refinements)
 * are left to the server, which still enforces them.
 */
export function jsonSchemaOf(schema: z.ZodMiniType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

/** The properties of an object schema, as OpenAPI parameters (`in: path` or `in: query`). */
export function parametersOf(schema: z.ZodMiniType, location: "path" | "query"): JsonSchema[] {
  const json = jsonSchemaOf(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(typeof description === "string" && { description }),
      schema: rest,
    };
  });
}
