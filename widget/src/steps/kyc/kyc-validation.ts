import { fieldOf, type SchemaIssue } from "@machines-card/contract/validation";
import type { KycApplicationInput } from "@machines-card/contract/machines/kyc";
import { kycApplicationIssues } from "@machines-card/contract/machines/kyc-check";
import { isRealCalendarDate } from "@machines-card/contract/machines/kyc-rules";
import type { MessageValues } from "../../i18n/translator";
import type { FormField } from "./kyc-form-model";
import type { KycMessageKey } from "./kyc.messages";

/** What the user typed, by dotted field key. */
export type FormValues = Record<string, string>;

/** Why a field is not accepted, as one of the step's messages. */
export interface FieldProblem {
  key: KycMessageKey;
  values?: MessageValues;
}

/** Formatting people (and autofill: "+1", "(415) 555-1234") add to phone numbers that the rules do not allow. */
const PHONE_FORMATTING = /[\s().+-]/g;

/** The value as it will be sent: trimmed, phone formatting removed, country codes upper-cased. */
export function normalize(key: string, raw: string): string {
  const value = raw.trim();
  if (key === "phoneCountryCode" || key === "phoneNumber") return value.replace(PHONE_FORMATTING, "");
  if (key === "countryOfIssue" || key === "address.countryCode") return value.toUpperCase();
  return value;
}

/**
 * The application body from the form: nested by the dotted keys, empty answers left out (so a missing
 * required answer reads "required", and an empty optional one is simply not sent).
 */
export function applicationFrom(fields: FormField[], values: FormValues): KycApplicationInput {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = normalize(field.key, values[field.key] ?? "");
    if (!value) continue;
    const [head, tail] = field.key.split(".") as [string, string | undefined];
    if (tail) body[head] = { ...(body[head] as object), [tail]: value };
    else body[head] = value;
  }
  // An untouched address is "required" as a whole, but each missing part deserves its own message.
  if (fields.some((f) => f.key.startsWith("address.")) && !body.address) body.address = {};
  return body as KycApplicationInput;
}

/**
 * Checks the form by the shared KYC rules, the ones the Worker and Machines apply (without zod, which the
 * widget's bundle cannot afford: the checker reports what the Worker's schema would), and says per field
 * what is wrong (the first problem of each), in the step's own words.
 */
export function validate(fields: FormField[], values: FormValues): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  const kinds = new Map(fields.map((f) => [f.key, f.kind]));
  for (const issue of kycApplicationIssues(applicationFrom(fields, values))) {
    const key = fieldOf(issue.path);
    if (!key || problems.has(key)) continue;
    problems.set(key, problemOf(issue, key, kinds.get(key), normalize(key, values[key] ?? "")));
  }
  return problems;
}

/** The message for one schema issue, chosen by its code and field, never by its English text. */
export function problemOf(issue: SchemaIssue, key: string, kind: FormField["kind"] | undefined, value: string): FieldProblem {
  const choice = kind === "select" || kind === "country";
  switch (issue.code) {
    case "invalid_type":
      return { key: choice ? "error.choose" : "error.required" };
    case "invalid_value":
      return { key: "error.choose" };
    case "too_small":
      if (Number(issue.minimum) <= 1) return { key: choice ? "error.choose" : "error.required" };
      return { key: "error.tooShort", values: { count: Number(issue.minimum) } };
    case "too_big":
      return { key: "error.tooLong", values: { count: Number(issue.maximum) } };
    case "invalid_format":
      if (issue.format === "email") return { key: "error.email" };
      return { key: FORMAT_MESSAGES[key] ?? (choice ? "error.choose" : "error.format") };
    case "custom":
      if (key === "birthDate") return { key: isRealCalendarDate(value) ? "error.birthDatePast" : "error.birthDateReal" };
      return { key: "error.format" };
    default:
      return { key: "error.format" };
  }
}

const FORMAT_MESSAGES: Record<string, KycMessageKey> = {
  birthDate: "error.birthDateFormat",
  nationalId: "error.nationalIdFormat",
  phoneCountryCode: "error.phoneCountryCodeFormat",
  phoneNumber: "error.phoneNumberFormat",
  occupation: "error.choose",
  countryOfIssue: "error.choose",
  "address.countryCode": "error.choose",
};
