import type { ErrorItem } from "./envelope";

/** The minimum we read from a zod (v4, classic or mini) issue. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: string;
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  keys?: string[];
  inclusive?: boolean;
}

/**
 * `errors[].message` for a missing required value, otherwise nothing (the describer's text, or the
 * check's own). Here rather than beside the schemas so that zod-free checkers say it too.
 */
export const requiredMessage = (issue: { input?: unknown }): string | undefined =>
  issue.input === undefined ? "is required" : undefined;

/** Dotted field path, as `errors[].field` carries it: `address.postalCode`, `items.0.id`. */
export function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join(".") : undefined;
}

/**
 * A readable English sentence for a schema issue. zod/mini ships no messages (to stay small),
 * so both the Worker and the sandbox use this; the widget translates by `code` instead.
 * A message set explicitly on a check (`{ error: "…" }`) wins.
 */
export function describeIssue(issue: SchemaIssue): string {
  if (issue.message && issue.message !== "Invalid input") return issue.message;
  const unit = issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "undefined" ? "unexpected field" : `expected ${issue.expected ?? "another type"}`;
    case "invalid_value":
      return `must be one of: ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1
        ? "is required"
        : `must be at least ${String(issue.minimum)}${unit}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}${unit}`;
    case "invalid_format":
      return issue.format === "regex" ? "has an invalid format" : `must be a valid ${issue.format ?? "value"}`;
    case "unrecognized_keys":
      return `unknown field${(issue.keys ?? []).length > 1 ? "s" : ""}: ${(issue.keys ?? []).join(", ")}`;
    case "invalid_union":
      return "does not match any accepted shape";
    default:
      return "is invalid";
  }
}

/** Turns schema issues into envelope error items with code `invalid_request` and the field. */
export function issuesToErrors(issues: readonly SchemaIssue[], prefix?: string): ErrorItem[] {
  return issues.map((issue) => {
    const path = prefix ? [prefix, ...issue.path] : issue.path;
    const field = fieldOf(path);
    const message = describeIssue(issue);
    return field
      ? { code: "invalid_request", message: `${field} ${message}`, field }
      : { code: "invalid_request", message };
  });
}
