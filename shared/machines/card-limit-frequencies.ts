/**
 * How often a card's spending limit resets (Machines' `limit.frequency`). A module of its own, with no
 * schema library, so that the widget's entry can check the `card-limit-frequency` attribute against it
 * without loading zod.
 */
export const CARD_LIMIT_FREQUENCIES = [
  "perAuthorization",
  "per24HourPeriod",
  "per7DayPeriod",
  "per30DayPeriod",
  "perYearPeriod",
  "allTime",
] as const;

export type CardLimitFrequency = (typeof CARD_LIMIT_FREQUENCIES)[number];
