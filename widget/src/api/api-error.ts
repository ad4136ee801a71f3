import type { ErrorItem } from "@machines-card/contract/envelope";
import type { ErrorCode } from "@machines-card/contract/errors";
import { BaseError } from "../base-error";

/**
 * Codes the client itself produces, besides the Worker's own (`shared/errors.ts`):
 * - `network_error`: the Worker could not be reached (offline, DNS, CORS refused, connection reset);
 * - `timeout`: no reply in time;
 * - `invalid_response`: the reply was not JSON or did not match the route's contract.
 */
export type ClientErrorCode = "network_error" | "timeout" | "invalid_response";

export interface ApiErrorInit {
  code: ErrorCode | ClientErrorCode;
  message: string;
  /** HTTP status; 0 when no reply came. */
  status: number;
  field?: string | undefined;
  requestId?: string | undefined;
  /** Every error item of the envelope (the first one gives `code`, `message` and `field`). */
  errors?: ErrorItem[];
  /** Seconds from a `Retry-After` header (429, 503). */
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
}

/** A failed Worker call, read from the Worker's error envelope (or made up when no envelope came). */
export class ApiError extends BaseError {
  override name = "ApiError";
  declare readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly errors: ErrorItem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.code, init.message, { field: init.field, cause: init.cause });
    this.status = init.status;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [{ code: init.code, message: init.message, ...(init.field ? { field: init.field } : {}) }];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The error for one field, for showing next to its input. */
  forField(field: string): ErrorItem | undefined {
    return this.errors.find((e) => e.field === field);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * The items of an error reply's `errors` that have a code and a message (`field` kept when it is text):
 * the Worker's envelope and the sandbox identity issuer's replies both carry them.
 */
export function errorItemsOf(value: unknown): ErrorItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    typeof item === "object" && item !== null && typeof item.code === "string" && typeof item.message === "string"
      ? [{ code: item.code, message: item.message, ...(typeof item.field === "string" ? { field: item.field } : {}) }]
      : [],
  );
}
