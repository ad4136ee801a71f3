/**
 * Error codes the Worker answers with, in `errors[].code` of the envelope. The widget switches on these,
 * never on message text. Upstream (Machines) errors keep their own code, message and field, so a client
 * may also see codes not listed here; treat unknown codes by HTTP status.
 */
export const ERROR_STATUS = {
  /** A request did not match its schema; `field` names the input. */
  invalid_request: 400,
  /** No, or an invalid, bearer token (signature, issuer, audience, kid). */
  unauthorized: 401,
  /** The bearer token has expired: sign in again or refresh. */
  token_expired: 401,
  /** Authenticated, but not allowed (for example a card that is not yours). */
  forbidden: 403,
  /** The page's origin is not in ALLOWED_ORIGINS. */
  origin_not_allowed: 403,
  /** The reveal frame is embedded in another page than the one its ticket was issued to. */
  reveal_ticket_wrong_origin: 403,
  not_found: 404,
  /** No such reveal ticket (mistyped, or forgotten long after it expired). */
  reveal_ticket_unknown: 404,
  /** The path exists, but not with this method; the Allow header lists the ones it takes. */
  method_not_allowed: 405,
  /** The same Idempotency-Key was used with a different body. */
  idempotency_conflict: 409,
  /** KYC must be approved first. */
  kyc_required: 409,
  /** Agreements must be accepted first. */
  agreements_required: 409,
  /** The resource is in a state that does not allow this action. */
  invalid_state: 409,
  /** The withdrawal's signature expired before it was sent: start a new withdrawal. */
  withdrawal_expired: 409,
  /** The reveal ticket was already redeemed: each one shows the details once. */
  reveal_ticket_used: 410,
  /** The reveal ticket's seconds ran out before the frame redeemed it. */
  reveal_ticket_expired: 410,
  payload_too_large: 413,
  /** The body is not JSON (send `Content-Type: application/json`). */
  unsupported_media_type: 415,
  /** The collateral does not cover the amount. */
  insufficient_collateral: 422,
  /** Too many requests; see the Retry-After header. */
  rate_limited: 429,
  /** A Worker setting or secret is missing or malformed (the message names it). */
  configuration_error: 500,
  internal_error: 500,
  /** Machines answered 5xx or could not be reached. */
  upstream_unavailable: 502,
  /** Machines answered something that does not match its documented contract. */
  upstream_invalid_response: 502,
  /** Machines prepared another amount (in the token's units) than the user asked for; nothing was signed. */
  withdrawal_amount_mismatch: 502,
  /** Machines prepared a withdrawal of another token than the collateral's; nothing was signed. */
  withdrawal_asset_mismatch: 502,
  /** Machines named a call target that is not a controller/coordinator the Worker sends withdrawals to; nothing was signed. */
  withdrawal_call_target_mismatch: 502,
  /** Machines prepared a payment to another address (or a relay paying out elsewhere) than the destination; nothing was signed. */
  withdrawal_destination_mismatch: 502,
  /** The dry run of the exact call moves other tokens, amounts or recipients than were signed (or nothing); nothing was signed. */
  withdrawal_simulation_mismatch: 502,
  /** Machines rate-limited us; see Retry-After. */
  upstream_rate_limited: 503,
  /** Machines did not answer in time. */
  upstream_timeout: 504,
  /** The Crossmint wallets API failed or answered something unexpected. */
  wallet_unavailable: 502,
  /** The chain RPC failed or timed out. */
  chain_unavailable: 502,
} as const;

export type KnownErrorCode = keyof typeof ERROR_STATUS;
/** Known codes, plus any code an upstream error carried through. */
export type ErrorCode = KnownErrorCode | (string & {});

export function statusOf(code: ErrorCode, fallback = 500): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? fallback;
}
