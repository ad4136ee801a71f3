import type { Context, MiddlewareHandler } from "hono";
import type { ErrorItem } from "@machines-card/contract/envelope";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { issuesToErrors, type SchemaIssue } from "@machines-card/contract/validation";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The request as a route's handler receives it, each part already parsed by its contract schema. */
export interface ValidatedInput {
  params: unknown;
  query: unknown;
  body: unknown;
  idempotencyKey: string | undefined;
}

/** Schema issues as error items; an unknown key names itself as the field, a wrong whole value names its part. */
function itemsOf(issues: readonly SchemaIssue[], part: "params" | "query" | "body"): ErrorItem[] {
  return issues.flatMap((issue): ErrorItem[] => {
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      return issue.keys.map((key) => {
        const field = [...issue.path, key].map(String).join(".");
        return { code: "invalid_request", message: `${field} is not a field this route accepts`, field };
      });
    }
    if (issue.path.length === 0) return [{ code: "invalid_request", message: `${part} ${issuesToErrors([issue])[0]!.message}`, field: part }];
    return issuesToErrors([issue]);
  });
}

/**
 * The JSON body: empty counts as `{}` (so a missing body reports the missing fields), anything else must
 * be declared JSON (415 `unsupported_media_type`) and parse (400 `invalid_request`, field `body`).
 */
async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  // Read first: whatever the declared type, an empty body is `{}` and a non-JSON one is refused unparsed.
  // (UTF-8 with a leading BOM dropped, as `TextDecoder` would, without building one per request.)
  const text = await c.req.text();
  if (text.trim() === "") return {};
  if (!JSON_TYPE.test(c.req.header("Content-Type") ?? "")) {
    throw new AppError("unsupported_media_type", "send the body as JSON, with Content-Type: application/json", { field: "Content-Type" });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "the body is not valid JSON", { field: "body" });
  }
}

/**
 * Parses path params, query, JSON body and `Idempotency-Key` with the route's contract. Every problem
 * is reported at once as 400 `invalid_request`, each item naming its field; nothing reaches a handler
 * (or Machines) unless it matches.
 */
export function validate(route: RouteContract): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const items: ErrorItem[] = [];
    const input: ValidatedInput = { params: undefined, query: undefined, body: undefined, idempotencyKey: undefined };

    if (route.params) {
      const result = route.params.safeParse(c.req.param());
      if (result.success) input.params = result.data;
      else items.push(...itemsOf(result.error.issues, "params"));
    }
    if (route.query) {
      const result = route.query.safeParse(c.req.query());
      if (result.success) input.query = result.data;
      else items.push(...itemsOf(result.error.issues, "query"));
    }
    if (route.body) {
      const result = route.body.safeParse(await readJsonBody(c));
      if (result.success) input.body = result.data;
      else items.push(...itemsOf(result.error.issues, "body"));
    }
    if (route.idempotency) {
      const key = c.req.header(IDEMPOTENCY_HEADER);
      if (key === undefined || key === "") {
        if (route.idempotency === "required") {
          items.push({ code: "invalid_request", message: `${IDEMPOTENCY_HEADER} is required (8 to 128 characters, e.g. a UUID)`, field: IDEMPOTENCY_HEADER });
        }
      } else if (key.length < 8 || key.length > 128 || !/^[\x21-\x7e]+$/.test(key)) {
        items.push({ code: "invalid_request", message: `${IDEMPOTENCY_HEADER} must be 8 to 128 visible ASCII characters`, field: IDEMPOTENCY_HEADER });
      } else {
        input.idempotencyKey = key;
      }
    }

    if (items.length) throw new AppError("invalid_request", items[0]!.message, { field: items[0]!.field, items });
    c.set("input", input);
    await next();
  };
}
