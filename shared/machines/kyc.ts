import * as z from "zod/mini";
import { openEnum, requiredMessage } from "./common";
import { isPastDate, isRealCalendarDate, KYC_RULES, type KycChoiceRule, type KycObjectRule, type KycRule, type KycTextRule } from "./kyc-rules";

export * from "./kyc-values";
export * from "./kyc-rules";

/**
 * KYC: `GET /kyc/values` (alias `/kyc/schema`), `POST /kyc/applications`, `GET /kyc/status`.
 * The KYC rules are written once, as plain data, in `kyc-rules.ts`: `KycApplication` is built from them
 * (the sandbox validates submissions with it, the Worker before forwarding, OpenAPI shows it), and the
 * widget's form checks the same table without zod (`kyc-check.ts`) as the user types.
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
/** The zod schema of a table of rules, key by key (typed from the table, so `KycApplication` keeps its exact type). */
type ShapeOf<Rules> = { -readonly [Name in keyof Rules]: SchemaOf<Rules[Name]> };
type SchemaOf<Rule> = Rule extends { required: false } ? z.ZodMiniOptional<RequiredSchemaOf<Rule>> : RequiredSchemaOf<Rule>;
type RequiredSchemaOf<Rule> = Rule extends KycChoiceRule
  ? z.ZodMiniEnum<{ [Choice in Rule["choices"][number]]: Choice }>
  : Rule extends KycObjectRule
    ? z.ZodMiniObject<ShapeOf<Rule["parts"]>>
    : z.ZodMiniString<string>;

/** Each rule as its zod schema, in the table's order (zod reports issues in its shape's key order). */
/* @__NO_SIDE_EFFECTS__ */
function shapeOf<const Rules extends { readonly [name: string]: KycRule }>(rules: Rules): ShapeOf<Rules> {
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, schemaOf(rule)])) as ShapeOf<Rules>;
}

/* @__NO_SIDE_EFFECTS__ */
function schemaOf<const Rule extends KycRule>(rule: Rule): SchemaOf<Rule> {
  const schema =
    rule.type === "choice"
      ? // Missing gives "is required"; a wrong value falls through to the describer, which lists the choices.
        z.enum(rule.choices, { error: requiredMessage })
      : rule.type === "object"
        ? z.object(shapeOf(rule.parts), { error: (issue) => requiredMessage(issue) ?? rule.notObject })
        : textSchema(rule);
  return (rule.required ? schema : z.optional(schema)) as SchemaOf<Rule>;
}

/** A text rule's checks in the order `KycTextRule` gives (none aborts, so each failed one is reported). */
/* @__NO_SIDE_EFFECTS__ */
function textSchema(rule: KycTextRule): z.ZodMiniType {
  const checks: z.core.$ZodCheck<string>[] = [];
  if (rule.minLength) checks.push(z.minLength(rule.minLength.length, { error: rule.minLength.message }));
  if (rule.maxLength) checks.push(z.maxLength(rule.maxLength.length, { error: rule.maxLength.message }));
  if (rule.pattern) checks.push(z.regex(rule.pattern.regex, { error: rule.pattern.message }));
  if (rule.birthDate) {
    checks.push(z.refine(isRealCalendarDate, { error: rule.birthDate.realDay }), z.refine(isPastDate, { error: rule.birthDate.past }));
  }
  const notText = (issue: { input?: unknown }) => requiredMessage(issue) ?? rule.notText;
  const { email } = rule;
  // zod's own email check (not `EMAIL_PATTERN`), so OpenAPI keeps showing zod's pattern.
  const text = email
    ? z.email({ error: (issue) => (issue.code === "invalid_format" ? email : notText(issue)) })
    : z.string({ error: notText });
  return checks.length ? text.check(...checks) : text;
}

// Each built by a call alone (no property read off a built shape), so a bundle that uses neither drops both.
export const KycAddress = schemaOf(KYC_RULES.address);
export type KycAddress = z.infer<typeof KycAddress>;

export const KycApplication = z.object(shapeOf(KYC_RULES));
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
