/**
 * The numbers the Worker's contract bounds amounts and card labels with, in a module without a schema
 * library: the schemas (`primitives.ts`, `cards.ts`) are built from them, and the widget's forms check
 * the same numbers before anything is sent.
 */

/** The smallest and largest amount in cents a limit, deposit or withdrawal may name ($1,000,000). */
export const CENTS_MIN = 1;
export const CENTS_MAX = 100_000_000;

/** A card's label: trimmed, 1 to 50 characters. */
export const CARD_LABEL_MAX = 50;
