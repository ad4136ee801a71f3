import type { ErrorItem } from "@machines-card/contract/envelope";
import { AppError } from "../../errors";

/**
 * Machines answered with an error of its own (4xx): its first item's code, message and field are what
 * the client sees (`invalid_request` + `field`, `not_found`, 409s…); every item and the summary are kept
 * in `upstreamItems` / `upstreamSummary`. `upstreamStatus` is Machines' HTTP status; route code branches
 * on `code`/`upstreamStatus`, never on message text, except for "kyc required" (`isKycRequired`).
 */
export class MachinesApiError extends AppError {
  override name = "MachinesApiError";
  readonly upstreamItems: readonly ErrorItem[];
  readonly upstreamSummary: string | undefined;
  constructor(
    readonly upstreamStatus: number,
    items: readonly ErrorItem[],
    summary?: string,
  ) {
    // A reply with a summary but no readable item still reports what Machines said.
    const first = items[0] ?? { code: "upstream_error", message: summary ?? `Machines answered HTTP ${upstreamStatus}` };
    super(first.code, first.message, { status: upstreamStatus, ...(first.field !== undefined && { field: first.field }) });
    this.upstreamItems = items;
    this.upstreamSummary = summary;
  }

  /** The same error with its first item replaced (a field renamed into the client's words). */
  withFirstItem(item: ErrorItem): MachinesApiError {
    return new MachinesApiError(this.upstreamStatus, [item, ...this.upstreamItems.slice(1)], this.upstreamSummary);
  }
}

/**
 * Machines' refusal of non-KYC scopes before KYC approval. Its code is not public, so the example matches
 * `/kyc required/i`, and it may arrive in any error item or in the summary (reference §12).
 */
export function isKycRequired(error: unknown): boolean {
  if (!(error instanceof MachinesApiError) || error.upstreamStatus < 400 || error.upstreamStatus >= 500) return false;
  const texts = [...error.upstreamItems.flatMap((item) => [item.code, item.message]), error.upstreamSummary ?? ""];
  return texts.some((text) => /kyc[ _]required/i.test(text));
}

/** Machines answered 5xx or could not be reached. */
export class UpstreamUnavailableError extends AppError {
  override name = "UpstreamUnavailableError";
  constructor(detail: string, cause?: unknown) {
    super("upstream_unavailable", `Machines is unavailable (${detail}); try again shortly`, { cause });
  }
}

/** Machines did not answer within UPSTREAM_TIMEOUT_MS. */
export class UpstreamTimeoutError extends AppError {
  override name = "UpstreamTimeoutError";
  constructor(timeoutMs: number) {
    super("upstream_timeout", `Machines did not answer within ${timeoutMs} ms; try again shortly`);
  }
}

/** Machines answered something that is not its documented envelope or shape. */
export class UpstreamInvalidResponseError extends AppError {
  override name = "UpstreamInvalidResponseError";
  constructor(detail: string) {
    super("upstream_invalid_response", `Machines sent an unexpected reply (${detail})`);
  }
}

/** Machines rate-limited the partner; the client should wait `Retry-After` seconds. */
export class UpstreamRateLimitedError extends AppError {
  override name = "UpstreamRateLimitedError";
  constructor(retryAfterSeconds: number) {
    super("upstream_rate_limited", "Machines is rate-limiting requests; try again after the Retry-After delay", {
      retryAfterSeconds,
    });
  }
}

/** Every error a Machines call can end in. */
export type MachinesRequestErrorType =
  | MachinesApiError
  | UpstreamUnavailableError
  | UpstreamTimeoutError
  | UpstreamInvalidResponseError
  | UpstreamRateLimitedError;
