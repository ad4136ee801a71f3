import type { JsonSchema } from "./json-schema";

/**
 * A plausible value for a JSON schema, for the reference page's examples: the schema's own example,
 * default, const or first enum value when it has one; else a value of its type. Depth-limited (schemas
 * may recurse through $defs).
 */
export function exampleOf(schema: JsonSchema | undefined, defs: Record<string, JsonSchema> = {}, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  const localDefs = { ...defs, ...((schema.$defs ?? {}) as Record<string, JsonSchema>) };
  const next = (s: unknown) => exampleOf(s as JsonSchema, localDefs, depth + 1);
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop()!;
    return next(localDefs[name]);
  }
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ("default" in schema) return schema.default;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const options = schema[key] as JsonSchema[] | undefined;
    if (options?.length) return next(options.find((o) => o.type !== "null") ?? options[0]);
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, next(property)]));
    }
    case "array":
      return [next(schema.items)];
    case "string":
      return stringExample(schema);
    case "integer":
    case "number":
      // zod's integers carry the safe-integer bounds: only a meaningful minimum makes a better example.
      return typeof schema.minimum === "number" && Math.abs(schema.minimum) < 1e9 ? schema.minimum : 0;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return null;
  }
}

function stringExample(schema: JsonSchema): string {
  if (schema.format === "date-time") return "2026-01-16T14:17:51.000Z";
  if (schema.format === "uri") return "https://example.com";
  if (schema.format === "email") return "user@example.com";
  if (schema.format === "uuid") return "6f1c2a7e-0000-4000-8000-000000000000";
  if (typeof schema.pattern === "string" && schema.pattern.includes("0x")) return "0x0000000000000000000000000000000000000000";
  return "string";
}
