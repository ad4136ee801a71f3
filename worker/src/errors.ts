import type { ErrorItem } from "@machines-card/contract/envelope";
import { statusOf, type ErrorCode } from "@machines-card/contract/errors";

export interface AppErrorOptions {
  /** HTTP status; defaults to the code's status in `shared/errors.ts` (500 for unknown codes). */
  status?: number;
  /** The input the error is about (`address.postalCode`, `Idempotency-Key`, a setting name). */
  field?: string;
  /** Seconds the client should wait before retrying (sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** Further error items (validation reports every bad field, not just the first). */
  items?: ErrorItem[];
  cause?: unknown;
}

/**
 * An expected failure, thrown anywhere and rendered once by `onError` into the envelope
 * `{ok:false, data:null, summary, errors:[{code, message, field?}], requestId}`.
 * The message is shown to clients: never put a secret, a token or card data in it.
 *
 * @example
 * throw new AppError("not_found", "no such card");
 * throw new AppError("invalid_request", "Idempotency-Key is required", { field: "Idempotency-Key" });
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly items: ErrorItem[];

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? statusOf(code);
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    const first: ErrorItem = options.field === undefined ? { code, message } : { code, message, field: options.field };
    this.items = options.items?.length ? options.items : [first];
  }
}

/** A setting or secret is missing or malformed; `field` names it. */
export class ConfigurationError extends AppError {
  override name = "ConfigurationError";
  constructor(items: ErrorItem[]) {
    super("configuration_error", items[0]?.message ?? "the Worker is misconfigured", { field: items[0]?.field, items });
  }
}
