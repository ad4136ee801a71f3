import fc from "fast-check";
import { hostileJson, hostileString } from "./hostile-strings";

/** The subset of JSON Schema 2020-12 that `z.toJSONSchema` writes for the Worker's contract. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

const MAX_DEPTH = 6;

/**
 * Values shaped by a schema: right types, names and enums, usually within bounds (patterns are not
 * honoured, so strings often fail them). Close enough to a valid request that the mutations in
 * `mutatedValue` reach the deeper checks rather than failing at the first one.
 */
export function schemaValue(schema: JsonSchema, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, "");
    const target = root.$defs?.[name];
    return target ? schemaValue(target, root, depth + 1) : hostileJson;
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => schemaValue(s, root, depth + 1)));
  if (schema.allOf?.length) return schemaValue(Object.assign({}, ...schema.allOf), root, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => schemaValue({ ...schema, type: t }, root, depth + 1)));
  switch (type[0]) {
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = schemaValue(property, root, depth + 1);
      const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
      return fc.record(record, { requiredKeys });
    }
    case "array":
      return fc.array(schema.items ? schemaValue(schema.items, root, depth + 1) : hostileJson, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer({ min: Math.ceil(lowerBound(schema) ?? -1e6), max: Math.floor(upperBound(schema) ?? 1e9) });
    case "number":
      return fc.double({ min: lowerBound(schema) ?? -1e6, max: upperBound(schema) ?? 1e9, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return hostileJson;
  }
}

function lowerBound(s: JsonSchema): number | undefined {
  return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
}

function upperBound(s: JsonSchema): number | undefined {
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
  return max === undefined ? undefined : Math.min(max, 1e12);
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "email") return fc.emailAddress();
  if (s.format === "date") return fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.pattern?.includes("0x") || s.pattern?.includes("[0-9a-fA-F]")) return fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength: 40, maxLength: 64 }).map((h) => `0x${h}`);
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 80));
  return fc.oneof(fc.string({ minLength, maxLength }), fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/));
}

/** A value of the wrong kind for this schema: the classic type confusions. */
const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(true),
  fc.constant(0),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant(""),
  fc.constant("12"),
  fc.constant([]),
  fc.constant({}),
  fc.constant([1, "a", null]),
  fc.constant({ $gt: "" }),
  hostileString,
);

/**
 * A schema-shaped value with one thing wrong: a required member missing, a member of the wrong type,
 * an unknown member (`__proto__` among them), a string far too long, or the whole thing replaced.
 */
export function mutatedValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.tuple(schemaValue(schema), fc.nat(), fc.integer({ min: 0, max: 5 }), wrongKind, hostileString).map(([value, pick, mutation, wrong, text]) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return mutation % 2 ? wrong : value;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length ? keys[pick % keys.length]! : "amount";
    switch (mutation) {
      case 0:
        delete copy[key];
        break;
      case 1:
        copy[key] = wrong;
        break;
      case 2:
        Object.defineProperty(copy, text || "__proto__", { value: wrong, enumerable: true, configurable: true, writable: true });
        break;
      case 3:
        copy[key] = "\ud83d\ude00".repeat(2_000 + (pick % 2_000));
        break;
      case 4:
        copy[key] = { nested: copy[key], again: [copy[key], wrong] };
        break;
      default:
        return wrong;
    }
    return copy;
  });
}
