import { CARD_LABEL_MAX, CENTS_MAX, CENTS_MIN } from "@machines-card/contract/api/bounds";
import type { CardLimit } from "@machines-card/contract/api/cards";
import { CARD_LIMIT_FREQUENCIES, type CardLimitFrequency } from "@machines-card/contract/machines/card-limit-frequencies";
import { parseAmountCents } from "../../i18n/parse-amount";

export type Frequency = CardLimitFrequency;
export const FREQUENCIES = CARD_LIMIT_FREQUENCIES;
/** The frequency a new card's limit starts with when the partner set none. */
export const DEFAULT_FREQUENCY: Frequency = "per30DayPeriod";

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
  if (cents < CENTS_MIN) return { problem: "amount_min", cents: CENTS_MIN };
  if (cents > CENTS_MAX) return { problem: "amount_max", cents: CENTS_MAX };
  if (!(FREQUENCIES as readonly string[]).includes(frequency)) return { problem: "amount_format" };
  return { amountCents: cents, frequency: frequency as Frequency };
}

export function isLimitProblem(value: CardLimit | null | LimitProblem): value is LimitProblem {
  return value !== null && "problem" in value;
}

/** The message key of a problem and its values (the broken bound, formatted by `money`). */
export function problemMessage(p: LimitProblem, money: (cents: number) => string): { key: `error.${LimitProblem["problem"]}`; values: Record<string, string> } {
  return { key: `error.${p.problem}`, values: "cents" in p ? { amount: money(p.cents) } : {} };
}

/** The label to send: trimmed, `undefined` when empty, `false` when the contract refuses it (too long). */
export function readLabel(text: string): string | undefined | false {
  const label = text.trim();
  if (!label) return undefined;
  return label.length <= CARD_LABEL_MAX ? label : false;
}
