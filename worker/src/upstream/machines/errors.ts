import { AppError } from "../../errors";

/**
 * Machines answered with an error of its own (4xx): its code, message and field are kept, so the
 * client sees what Machines said (`invalid_request` + `field`, `not_found`, 409s…). `upstreamStatus`
 * is Machines' HTTP status; route code branches on `code`/`upstreamStatus`, never on message text,
 * except for the one documented case of 409 "kyc required" on `POST /sessions`.
 */
export class MachinesApiError extends AppError {
  override name = "MachinesApiError";
  constructor(
    readonly upstreamStatus: number,
    code: string,
    message: string,
    field?: string,
  ) {
    super(code, message, { status: upstreamStatus, ...(field !== undefined && { field }) });
  }
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
