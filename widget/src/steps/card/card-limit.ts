import { CardLabel, CardLimit, CardLimitFrequency } from "@machines-card/contract/api/cards";
import { parseAmountCents } from "../../i18n/parse-amount";

export type Frequency = CardLimit["frequency"];
export const FREQUENCIES = CardLimitFrequency.options;
/** The frequency a new card's limit starts with when the partner set none. */
export const DEFAULT_FREQUENCY: Frequency = "per30DayPeriod";
/** The contract's bounds for a limit, in cents (`PositiveCents`). */
export const LIMIT_MIN_CENTS = 1;
export const LIMIT_MAX_CENTS = 100_000_000;

/** Why a typed limit is refused: the key of the message to show, with the bound it broke. */
export type LimitProblem = { problem: "amount_format" } | { problem: "amount_min" | "amount_max"; cents: number };

/**
 * The limit typed into the form, checked with the contract's own rules: `null` for no limit (empty),
 * the `CardLimit` to send, or the problem to show next to the amount.
 */
export function readLimit(amountText: string, frequency: string, locale: string): CardLimit | null | LimitProblem {
  if (!amountText.trim()) return null;
  const cents = parseAmountCents(amountText, locale);
  if (cents === null) return { problem: "amount_format" };
  if (cents < LIMIT_MIN_CENTS) return { problem: "amount_min", cents: LIMIT_MIN_CENTS };
  if (cents > LIMIT_MAX_CENTS) return { problem: "amount_max", cents: LIMIT_MAX_CENTS };
  const parsed = CardLimit.safeParse({ amountCents: cents, frequency });
  return parsed.success ? parsed.data : { problem: "amount_format" };
}

export function isLimitProblem(value: CardLimit | null | LimitProblem): value is LimitProblem {
  return value !== null && "problem" in value;
}

/** The message key of a problem and its values (the broken bound, formatted by `money`). */
export function problemMessage(p: LimitProblem, money: (cents: number) => string): { key: `error.${LimitProblem["problem"]}`; values: Record<string, string> } {
  return { key: `error.${p.problem}`, values: "cents" in p ? { amount: money(p.cents) } : {} };
}

/** The label to send: trimmed, `undefined` when empty, `false` when the contract refuses it. */
export function readLabel(text: string): string | undefined | false {
  if (!text.trim()) return undefined;
  const parsed = CardLabel.safeParse(text);
  return parsed.success ? parsed.data : false;
}
