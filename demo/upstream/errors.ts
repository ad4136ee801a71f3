import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorItem } from "@machines-card/contract/envelope";
import type { SchemaIssue } from "@machines-card/contract/validation";
import { issuesToErrors } from "@machines-card/contract/validation";

/**
 * An expected failure of the simulated Machines API: rendered by the app's error handler as
 * `{ok:false, data:null, summary, errors:[{code, message, field?}]}` with `status`.
 * Codes that Machines does not publish follow the reference's sandbox choices (§4).
 */
export class MachinesError extends Error {
  override readonly name = "MachinesError";
  readonly items: ErrorItem[];

  constructor(
    readonly status: ContentfulStatusCode,
    items: ErrorItem[],
    /** Extra response headers, for example `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(items[0]?.message ?? "request failed");
    this.items = items;
  }
}

const one = (status: ContentfulStatusCode, code: string, message: string, field?: string) =>
  new MachinesError(status, [field === undefined ? { code, message } : { code, message, field }]);

/** 400 `invalid_request` for one input. */
export const invalidRequest = (message: string, field?: string) => one(400, "invalid_request", message, field);
/** 400 `invalid_request` for every schema issue, each with its field. */
export const invalidInput = (issues: readonly SchemaIssue[], prefix?: string) =>
  new MachinesError(400, issuesToErrors(issues, prefix));
export const unauthorized = (message: string) => one(401, "unauthorized", message);
export const forbiddenScope = (scope: string) => one(403, "forbidden", `session lacks the ${scope} scope`);
export const notFound = (message: string, field?: string) => one(404, "not_found", message, field);
export const kycRequired = () => one(409, "kyc_required", "kyc required");
export const agreementsRequired = () =>
  one(409, "agreements_required", "agreements required: accept them with POST /agreements first");
export const invalidState = (message: string) => one(409, "invalid_state", message);
export const idempotencyConflict = () =>
  one(409, "idempotency_conflict", "Idempotency-Key was already used with a different request body", "Idempotency-Key");
export const missingContract = () =>
  one(409, "missing_contract", "the user's collateral contract is not deployed yet; retry shortly");
export const insufficientCollateral = (message: string) => one(422, "insufficient_collateral", message);
export const chainUnavailable = (message: string) => one(503, "chain_unavailable", message);
export { one as machinesError };
