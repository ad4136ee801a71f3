import * as z from "zod/mini";
import { boundedText, openEnum, requiredMessage } from "./common";
import {
  ACCOUNT_PURPOSE_OPTIONS,
  ANNUAL_SALARY_OPTIONS,
  EXPECTED_MONTHLY_VOLUME_OPTIONS,
  OCCUPATION_CODE_PATTERN,
} from "./kyc-values";

export * from "./kyc-values";

/**
 * KYC: `GET /kyc/values` (alias `/kyc/schema`), `POST /kyc/applications`, `GET /kyc/status`.
 * `KycApplication` is the single source of the KYC rules: the sandbox validates submissions with it,
 * the Worker validates before forwarding, and the widget's form validates as the user types.
 */

// ── Reply: GET /kyc/values ───────────────────────────────────────────────────────────────────
export const KycField = z.object({
  name: z.string(),
  required: z.boolean(),
  type: z.string(),
  maxLength: z.optional(z.number()),
  minLength: z.optional(z.number()),
  regex: z.optional(z.string()),
  enum: z.optional(z.array(z.string())),
  description: z.string(),
});
export type KycField = z.infer<typeof KycField>;

export const KycValuesData = z.object({
  fields: z.array(KycField),
  occupations: z.array(z.object({ code: z.string(), label: z.string() })),
  annualSalary: z.array(z.string()),
  expectedMonthlyVolume: z.array(z.string()),
  accountPurpose: z.array(z.string()),
});
export type KycValuesData = z.infer<typeof KycValuesData>;

// ── Request: POST /kyc/applications ──────────────────────────────────────────────────────────
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `YYYY-MM-DD` names a day that exists (no 2023-02-30). Other shapes are left to the regex. */
export function isRealCalendarDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A birth date is a real day in the past. */
const BirthDate = z.string({ error: requiredMessage }).check(
  z.regex(ISO_DATE_PATTERN, { error: "must be a date written YYYY-MM-DD (e.g., 1990-01-01)" }),
  z.refine(isRealCalendarDate, { error: "is not a real calendar date" }),
  z.refine((value) => !ISO_DATE_PATTERN.test(value) || value < new Date().toISOString().slice(0, 10), {
    error: "must be in the past",
  }),
);

const CountryCode = z.string({ error: requiredMessage }).check(
  z.regex(/^[A-Za-z]{2}$/, { error: "must be a 2-letter ISO-3166-1 country code (e.g., US)" }),
);

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  // Missing gives "is required"; a wrong value falls through to the describer, which lists the choices.
  z.enum(values, { error: requiredMessage });

export const KycAddress = z.object(
  {
    line1: boundedText(200),
    line2: z.optional(z.string().check(z.maxLength(200, { error: "must be at most 200 characters" }))),
    city: boundedText(100),
    region: boundedText(100),
    postalCode: boundedText(20),
    countryCode: CountryCode,
  },
  { error: (issue) => requiredMessage(issue) ?? "must be an object with line1, line2, city, region, postalCode, countryCode" },
);
export type KycAddress = z.infer<typeof KycAddress>;

export const KycApplication = z.object({
  firstName: boundedText(50),
  lastName: boundedText(50),
  birthDate: BirthDate,
  nationalId: z.string({ error: requiredMessage }).check(
    z.minLength(1, { error: "is required" }),
    z.regex(/^[0-9A-Za-z-]+$/, { error: "may contain only letters, numbers and dashes" }),
  ),
  countryOfIssue: CountryCode,
  email: z.email({ error: (issue) => requiredMessage(issue) ?? "must be a valid email address" }),
  address: KycAddress,
  phoneCountryCode: z.optional(
    z.string().check(z.regex(/^\d{1,3}$/, { error: "must be 1 to 3 digits, without + (e.g., 1)" })),
  ),
  phoneNumber: z.optional(
    z.string().check(z.regex(/^\d{1,15}$/, { error: "must be digits only (at most 15), including the area code" })),
  ),
  occupation: z.string({ error: requiredMessage }).check(
    z.regex(OCCUPATION_CODE_PATTERN, { error: "must be an occupation code from the list (e.g., 49-3023)" }),
  ),
  annualSalary: enumOf(ANNUAL_SALARY_OPTIONS),
  accountPurpose: enumOf(ACCOUNT_PURPOSE_OPTIONS),
  expectedMonthlyVolume: enumOf(EXPECTED_MONTHLY_VOLUME_OPTIONS),
});
export type KycApplication = z.infer<typeof KycApplication>;
export type KycApplicationInput = z.input<typeof KycApplication>;

// ── Reply: POST /kyc/applications and GET /kyc/status ────────────────────────────────────────
export const KYC_STATUSES = [
  "not_submitted",
  "pending",
  "manual_review",
  "needs_verification",
  "needs_information",
  "approved",
  "denied",
  "locked",
  "canceled",
] as const;
export type KnownKycStatus = (typeof KYC_STATUSES)[number];
/** As Machines reports it: a known status, or an unknown one carried as a string (§12). */
export const KycStatus = openEnum(KYC_STATUSES);
export type KycStatus = z.infer<typeof KycStatus>;

/** Statuses after which an application can no longer be (re)submitted. */
export const KYC_FINAL_STATUSES = ["approved", "denied", "locked", "canceled"] as const satisfies readonly KnownKycStatus[];

/** A hosted-verification link: `{url, params}` in the quickstart, a plain URL in the reference and the example. */
export const KycLink = z.union([
  z.object({ url: z.string(), params: z.object({ userId: z.string(), signature: z.string() }) }),
  z.string(),
]);
export type KycLink = z.infer<typeof KycLink>;

export const KycStatusData = z.object({
  status: KycStatus,
  reason: z.nullable(z.string()),
  completionLink: z.nullable(KycLink),
  externalVerificationLink: z.nullable(KycLink),
  isActive: z.nullable(z.boolean()),
  isTermsOfServiceAccepted: z.boolean(),
});
export type KycStatusData = z.infer<typeof KycStatusData>;

/** The URL to open for a link in either shape (the object form carries its parameters as a query). */
export function kycLinkUrl(link: KycLink | null): string | null {
  if (link === null) return null;
  if (typeof link === "string") return link;
  const query = `userId=${encodeURIComponent(link.params.userId)}&signature=${encodeURIComponent(link.params.signature)}`;
  return `${link.url}${link.url.includes("?") ? "&" : "?"}${query}`;
}
