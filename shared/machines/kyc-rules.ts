import {
  ACCOUNT_PURPOSE_OPTIONS,
  ADDRESS_FIELD_NAMES,
  ANNUAL_SALARY_OPTIONS,
  EXPECTED_MONTHLY_VOLUME_OPTIONS,
  NATIONAL_ID_PATTERN,
  OCCUPATION_CODE_PATTERN,
  type KycFieldName,
} from "./kyc-values";

/**
 * The rules of a KYC application (`POST /kyc/applications`), written once and as plain data (no zod):
 * `kyc.ts` builds the zod schema the Worker, the simulator and OpenAPI use from this table, and
 * `kyc-check.ts` applies it without zod for the widget's form, whose bundle cannot afford zod.
 * Sentences are the end of one that starts with the field's name ("firstName is required").
 */

/** A limit on the number of characters (Unicode code points, as zod counts them) and the sentence for breaking it. */
export interface KycLength {
  length: number;
  message: string;
}

/** What the text must look like, and the sentence for text that does not. */
export interface KycPattern {
  regex: RegExp;
  message: string;
}

/**
 * A text answer. Its checks apply in this order, and a failed one does not stop the next (zod's checks do
 * not abort): `email`, `minLength`, `maxLength`, `pattern`, `birthDate`. Missing reads "is required".
 */
export interface KycTextRule {
  type: "text";
  required: boolean;
  /** The sentence for a value that is there but is not text; without one it reads zod's bare "Invalid input". */
  notText?: string;
  /** The sentence for text that is not an email address. */
  email?: string;
  minLength?: KycLength;
  maxLength?: KycLength;
  pattern?: KycPattern;
  /** The sentences for a YYYY-MM-DD that names no real day, and for a day that is not in the past. */
  birthDate?: { realDay: string; past: string };
}

/** One label of a fixed list. A wrong one is answered with the list (`invalid_value`), a missing one "is required". */
export interface KycChoiceRule {
  type: "choice";
  required: boolean;
  choices: readonly [string, ...string[]];
}

/** A nested object whose parts are text answers (the address). */
export interface KycObjectRule {
  type: "object";
  required: boolean;
  /** The sentence for a value that is there but is not an object. */
  notObject: string;
  parts: { readonly [part: string]: KycTextRule };
}

export type KycRule = KycTextRule | KycChoiceRule | KycObjectRule;

/** `YYYY-MM-DD`, the one way a birth date is written. */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `YYYY-MM-DD` names a day that exists (no 2023-02-30). Other shapes are left to the pattern. */
export function isRealCalendarDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when a `YYYY-MM-DD` day is before today (UTC). Other shapes are left to the pattern. */
export function isPastDate(value: string): boolean {
  return !ISO_DATE_PATTERN.test(value) || value < new Date().toISOString().slice(0, 10);
}

/**
 * An email address as zod's `z.email()` accepts one, for checking without zod (the zod schema keeps
 * `z.email()`, so OpenAPI shows zod's own pattern): before the @ letters, digits and `_ ' + - .`, with no
 * leading, doubled or trailing dot and no apostrophe last; after it, labels of letters, digits and hyphens
 * that start with a letter or digit, each followed by a dot, then two letters or more.
 * `kyc-check.test.ts` holds it to zod's answers.
 */
export const EMAIL_PATTERN = /^(?!\.)(?!.*\.\.)[\w'+.-]*[\w+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Required text of 1 to `max` characters. */
const boundedText = (max: number) =>
  ({
    type: "text",
    required: true,
    minLength: { length: 1, message: "is required" },
    maxLength: { length: max, message: `must be at most ${max} characters` },
  }) as const satisfies KycTextRule;

const countryCode = {
  type: "text",
  required: true,
  pattern: { regex: /^[A-Za-z]{2}$/, message: "must be a 2-letter ISO-3166-1 country code (e.g., US)" },
} as const satisfies KycTextRule;

/** The address parts, in the order of `ADDRESS_FIELD_NAMES`. */
export const KYC_ADDRESS_RULES = {
  line1: boundedText(200),
  line2: { type: "text", required: false, maxLength: { length: 200, message: "must be at most 200 characters" } },
  city: boundedText(100),
  region: boundedText(100),
  postalCode: boundedText(20),
  countryCode,
} as const satisfies Record<(typeof ADDRESS_FIELD_NAMES)[number], KycTextRule>;

/** Every field of the application, in the order of `KYC_FIELD_NAMES` (which is also the order of its errors). */
export const KYC_RULES = {
  firstName: boundedText(50),
  lastName: boundedText(50),
  birthDate: {
    type: "text",
    required: true,
    pattern: { regex: ISO_DATE_PATTERN, message: "must be a date written YYYY-MM-DD (e.g., 1990-01-01)" },
    birthDate: { realDay: "is not a real calendar date", past: "must be in the past" },
  },
  nationalId: {
    type: "text",
    required: true,
    minLength: { length: 1, message: "is required" },
    pattern: { regex: NATIONAL_ID_PATTERN, message: "may contain only letters, numbers and dashes" },
  },
  countryOfIssue: countryCode,
  email: { type: "text", required: true, notText: "must be a valid email address", email: "must be a valid email address" },
  address: {
    type: "object",
    required: true,
    notObject: `must be an object with ${ADDRESS_FIELD_NAMES.join(", ")}`,
    parts: KYC_ADDRESS_RULES,
  },
  phoneCountryCode: {
    type: "text",
    required: false,
    pattern: { regex: /^\d{1,3}$/, message: "must be 1 to 3 digits, without + (e.g., 1)" },
  },
  phoneNumber: {
    type: "text",
    required: false,
    pattern: { regex: /^\d{1,15}$/, message: "must be digits only (at most 15), including the area code" },
  },
  occupation: {
    type: "text",
    required: true,
    pattern: { regex: OCCUPATION_CODE_PATTERN, message: "must be an occupation code from the list (e.g., 49-3023)" },
  },
  annualSalary: { type: "choice", required: true, choices: ANNUAL_SALARY_OPTIONS },
  accountPurpose: { type: "choice", required: true, choices: ACCOUNT_PURPOSE_OPTIONS },
  expectedMonthlyVolume: { type: "choice", required: true, choices: EXPECTED_MONTHLY_VOLUME_OPTIONS },
} as const satisfies Record<KycFieldName, KycRule>;
