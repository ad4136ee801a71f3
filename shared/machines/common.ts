import * as z from "zod/mini";
import { requiredMessage } from "../validation";

/**
 * Building blocks shared by the Machines partner API schemas (`/partner/v1`).
 * Reply schemas are tolerant (they accept every variant the public sources show);
 * request schemas encode the documented rules, with messages written as the end of a
 * sentence that starts with the field name ("firstName is required").
 */

/** `errors[].message` for a missing required value ("is required"). */
export { requiredMessage };

/** An EVM address as Machines checks it (`^0x[a-fA-F0-9]{40}$`), any letter case. */
export const EVM_ADDRESS_PATTERN = /^0x[a-fA-F0-9]{40}$/;
export const EvmAddress = z.string({ error: requiredMessage }).check(
  z.regex(EVM_ADDRESS_PATTERN, { error: "must be a 0x-prefixed address of 40 hex digits" }),
);
export type EvmAddress = z.infer<typeof EvmAddress>;

export const WALLET_CHAINS = ["evm", "solana"] as const;
export const WalletChain = z.enum(WALLET_CHAINS);
export type WalletChain = z.infer<typeof WalletChain>;

/** `{ chain, address }`, the wallet shape of the public example's bodies and replies. */
export const Wallet = z.object({
  chain: WalletChain,
  address: z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" })),
});
export type Wallet = z.infer<typeof Wallet>;

/** A non-empty string that is at most `max` characters long. */
export const boundedText = (max: number) =>
  z.string({ error: requiredMessage }).check(
    z.minLength(1, { error: "is required" }),
    z.maxLength(max, { error: `must be at most ${max} characters` }),
  );

/** A required, non-empty code: a currency or network (`usdc`, `base`). */
export const Ticker = z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" }));

/** A query value holding a whole number from `min` to `max` (queries arrive as text). */
export const wholeNumberText = (min: number, max: number) =>
  z.string().check(
    z.refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      error: `must be a whole number from ${min} to ${max}`,
    }),
  );

/** A whole number of cents, at least 1. */
export const PositiveCents = z.int({ error: requiredMessage }).check(z.minimum(1, { error: "must be at least 1 cent" }));

/**
 * `Idempotency-Key` header: 8 to 128 characters ([docs] `POST /cards`). Optional on every create;
 * when present, the same key and body give the same resource.
 */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const IdempotencyKey = z.string().check(
  z.minLength(8, { error: "must be 8 to 128 characters" }),
  z.maxLength(128, { error: "must be 8 to 128 characters" }),
);

/** Timestamps arrive as ISO strings in every documented reply. */
export const Timestamp = z.string();

/** One of the known values, or any other string the service starts sending (§12: status enums are open). */
export type OpenEnum<T extends string> = T | (string & {});

const spellingKey = (value: string) => value.replace(/[_\s-]/g, "").toLowerCase();

/** The status itself when it is a known one, else `fallback`: how a display treats a status it has not seen. */
export function knownStatus<const T extends string>(value: string, known: readonly T[], fallback: T): T {
  return (known as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * A status Machines reports: the known values keep their meaning, an unknown one is carried as a string
 * (never a parse failure), and a known value in another spelling (`needsVerification` for
 * `needs_verification`, `awaiting_deposit` for `awaitingDeposit`: both cases have appeared) is read as the
 * known one. Only for what the product displays; requests keep strict enums.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(known: T): z.ZodMiniType<OpenEnum<T[number]>, string> {
  const byKey = new Map<string, string>(known.map((value) => [spellingKey(value), value]));
  return z.union([
    z.enum(known),
    z.string().check(z.overwrite((value) => byKey.get(spellingKey(value)) ?? value)),
  ]) as unknown as z.ZodMiniType<OpenEnum<T[number]>, string>;
}
