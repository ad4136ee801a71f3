import { type Address, bytesToHex, getAddress, type Hex, zeroAddress } from "viem";
import { accept, type Normalised, reject } from "./withdrawal-problem";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";

/**
 * The encodings Machines (and Rain behind it) use for the values of a withdrawal's `parameters`
 * (evm-withdrawals.md section 2), each turned into the one form the contract call takes.
 * Signed values (amount, expiry, salt) are converted, never recomputed: the executor signed them.
 */

const HEX_BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const HEX_BYTES = /^0x(?:[0-9a-fA-F]{2})+$/;
const DIGITS = /^\d+$/;
/** Standard or URL-safe alphabet, padding optional. */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** A date with a time, seconds optional, fraction optional, zone optional (read as UTC). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const MAX_UINT256 = 2n ** 256n - 1n;

/**
 * An EVM address in checksum form. Lowercase and uppercase hex are accepted as is; mixed case must be
 * a correct EIP-55 checksum (a wrong one means the value was altered). The zero address is refused.
 */
export function normaliseAddress(value: unknown, field: string): Normalised<Address> {
  if (typeof value !== "string" || !EVM_ADDRESS_PATTERN.test(value)) return reject(field, "must be a 0x-prefixed 20-byte address");
  const body = value.slice(2);
  const checksummed = getAddress(value.toLowerCase());
  const singleCase = body === body.toLowerCase() || body === body.toUpperCase();
  if (!singleCase && checksummed !== value) return reject(field, "has an invalid EIP-55 checksum");
  if (checksummed === zeroAddress) return reject(field, "must not be the zero address");
  return accept(checksummed);
}

/** The amount in the token's smallest unit: a decimal string or a safe integer, greater than zero. */
export function normaliseAmount(value: unknown, field: string): Normalised<bigint> {
  let amount: bigint;
  if (typeof value === "string" && DIGITS.test(value)) amount = BigInt(value);
  else if (typeof value === "number" && Number.isSafeInteger(value)) amount = BigInt(value);
  else if (typeof value === "number") return reject(field, "must be a whole number that fits exactly (send large amounts as a decimal string)");
  else return reject(field, "must be a decimal string or a whole number");
  if (amount <= 0n) return reject(field, "must be greater than zero");
  if (amount > MAX_UINT256) return reject(field, "does not fit in uint256");
  return accept(amount);
}

/**
 * Signature expiry in unix seconds: a number stays as it is, a digit string becomes that integer,
 * anything else is read as an ISO date-time and becomes `floor(ms / 1000)` (Rain's own conversion).
 * A date-time without a zone is read as UTC.
 */
export function normaliseExpiresAt(value: unknown, field: string): Normalised<number> {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0 ? accept(value) : reject(field, "must be a positive whole number of seconds");
  }
  if (typeof value !== "string") return reject(field, "must be unix seconds or an ISO date-time");
  if (DIGITS.test(value)) {
    const seconds = Number(value);
    return Number.isSafeInteger(seconds) && seconds > 0 ? accept(seconds) : reject(field, "is out of range");
  }
  const text = value.trim();
  if (!ISO_DATE_TIME.test(text)) return reject(field, "must be unix seconds or an ISO date-time");
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  if (!Number.isFinite(ms) || ms <= 0) return reject(field, "is not a valid date-time");
  return accept(Math.floor(ms / 1000));
}

/**
 * A 32-byte salt: an array is taken as bytes, `0x` plus 64 hex digits as hex, anything else as base64.
 * Any result that is not exactly 32 bytes is refused.
 */
export function normaliseSalt(value: unknown, field: string): Normalised<Hex> {
  if (Array.isArray(value)) {
    if (!value.every((b) => typeof b === "number" && Number.isInteger(b) && b >= 0 && b <= 255)) {
      return reject(field, "must be an array of byte values (0-255)");
    }
    if (value.length !== 32) return reject(field, `must be 32 bytes, got ${value.length}`);
    return accept(bytesToHex(Uint8Array.from(value as number[])));
  }
  if (typeof value !== "string") return reject(field, "must be base64, 0x-hex or an array of 32 bytes");
  if (HEX_BYTES32.test(value)) return accept(value.toLowerCase() as Hex);
  const bytes = decodeBase64(value);
  if (!bytes) return reject(field, "is neither 0x-prefixed 32-byte hex nor base64");
  if (bytes.length !== 32) return reject(field, `must be 32 bytes, got ${bytes.length}`);
  return accept(bytesToHex(bytes));
}

/** The executor's signature: non-empty 0x-hex bytes (base64 is the Solana form and is refused here). */
export function normaliseSignatureBytes(value: unknown, field: string): Normalised<Hex> {
  if (typeof value !== "string" || !HEX_BYTES.test(value)) return reject(field, "must be non-empty 0x-prefixed hex bytes");
  return accept(value.toLowerCase() as Hex);
}

function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const standard = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (standard.length % 4 === 1) return null;
  try {
    const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
