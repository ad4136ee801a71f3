import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { errorReply } from "./reply";

/** The largest body any route takes (a KYC application is the biggest, well under 4 KB). */
export const MAX_BODY_BYTES = 32 * 1024;

/** Refuses bodies over the cap with 413 `payload_too_large`, whether declared by Content-Length or streamed. */
export function bodyLimit(maxSize = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return honoBodyLimit({
    maxSize,
    onError: (c) =>
      errorReply(c, new AppError("payload_too_large", `the request body is larger than ${maxSize} bytes`)),
  });
}
