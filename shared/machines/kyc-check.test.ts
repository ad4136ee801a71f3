import fc from "fast-check";
import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import type { SchemaIssue } from "../validation";
import { EMAIL_PATTERN, KYC_ADDRESS_RULES, KYC_RULES, KycApplication } from "./kyc";
import { kycApplicationIssues } from "./kyc-check";

/**
 * The two readers of the KYC rules table agree: zod (`KycApplication`, built from the table: the Worker,
 * the simulator) and the zod-free checker (the widget's form) report the same issues, in the same order,
 * with the same codes, paths, sentences and limits, for any input.
 */

const valid = {
  firstName: "John",
  lastName: "smith",
  birthDate: "1990-01-01",
  nationalId: "123456789",
  countryOfIssue: "US",
  email: "john@example.com",
  address: { line1: "123 Main St", line2: "Unit 4", city: "New York", region: "NY", postalCode: "10001", countryCode: "US" },
  phoneCountryCode: "1",
  phoneNumber: "4155551234",
  occupation: "49-3023",
  annualSalary: "<40k",
  accountPurpose: "everyday spend",
  expectedMonthlyVolume: "under $1k",
};

/** What `SchemaIssue` reads of a zod issue (zod adds `pattern` and `input`, which nobody reads). */
const ISSUE_KEYS = ["code", "path", "message", "expected", "values", "minimum", "maximum", "origin", "format", "keys", "inclusive"] as const;

function zodIssues(input: unknown): SchemaIssue[] {
  const result = KycApplication.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    Object.fromEntries(ISSUE_KEYS.filter((key) => key in issue).map((key) => [key, (issue as unknown as Record<string, unknown>)[key]])),
  ) as unknown as SchemaIssue[];
}

/** Both readers' issues for an input, labelled so a failure names the case. */
function expectAgreement(label: string, input: unknown) {
  expect({ label, issues: kycApplicationIssues(input) }).toStrictEqual({ label, issues: zodIssues(input) });
}

const today = new Date().toISOString().slice(0, 10);

/** Values every field is tried with: missing, empty, too long, malformed, of the wrong type. */
const TRIED_VALUES: [string, unknown][] = [
  ["missing", undefined],
  ["empty", ""],
  ["blank", " "],
  ["one character", "a"],
  ["20 characters", "x".repeat(20)],
  ["21 characters", "x".repeat(21)],
  ["50 characters", "x".repeat(50)],
  ["51 characters", "x".repeat(51)],
  ["201 characters", "x".repeat(201)],
  ["51 emoji (102 UTF-16 units, 51 characters)", "\u{1F600}".repeat(51)],
  ["50 emoji (100 UTF-16 units, 50 characters)", "\u{1F600}".repeat(50)],
  ["a lone surrogate", "\uD800"],
  ["a number", 42],
  ["null", null],
  ["true", true],
  ["an object", {}],
  ["an empty array", []],
  ["an array of 300", Array.from({ length: 300 }, () => "a")],
  ["an object with a length", { length: 500 }],
  ["an object with a text length", { length: "abc" }],
  ["a date with slashes", "01/02/1990"],
  ["a day that does not exist", "2023-02-30"],
  ["a future day", "2999-01-01"],
  ["a future day that does not exist", "2999-02-30"],
  ["today", today],
  ["a valid date", "1990-01-01"],
  ["not an email", "not-an-email"],
  ["an email with a doubled dot", "john..smith@example.com"],
  ["an email", "john@example.com"],
  ["an id with a space", "12 34"],
  ["a 3-letter country", "USA"],
  ["a lower-case country", "us"],
  ["a calling code with +", "+1"],
  ["16 digits", "1234567890123456"],
  ["an occupation code", "49-3023"],
  ["a special occupation", "SELFEMP"],
  ["a hyphenated range", "50k-99k"],
  ["a range with the EN DASH", "50k\u201399k"],
  ["an enum label", "<40k"],
];

const withField = (body: Record<string, unknown>, name: string, value: unknown) => {
  const { [name]: _dropped, ...rest } = body;
  return value === undefined ? rest : { ...rest, [name]: value };
};

describe("kycApplicationIssues agrees with KycApplication", () => {
  it("on the quickstart's application (no issues) and on whole bodies of the wrong kind", () => {
    expect(kycApplicationIssues(valid)).toEqual([]);
    for (const body of [undefined, null, 42, "text", [], [valid], {}, { address: {} }]) expectAgreement(JSON.stringify(body) ?? "undefined", body);
  });

  it.each(Object.keys(KYC_RULES))("on %s, missing, empty, too long, malformed and of every wrong type", (name) => {
    for (const [label, value] of TRIED_VALUES) expectAgreement(`${name}: ${label}`, withField(valid, name, value));
  });

  it.each(Object.keys(KYC_ADDRESS_RULES))("on address.%s, the same values inside the address", (part) => {
    for (const [label, value] of TRIED_VALUES) {
      expectAgreement(`address.${part}: ${label}`, { ...valid, address: withField(valid.address, part, value) });
    }
  });

  it("on several wrong fields at once, in the table's order (each field's issues together)", () => {
    const body = { ...valid, lastName: "", birthDate: "2999-02-30", email: 42, address: { city: [], countryCode: "USA" }, phoneNumber: "x", annualSalary: "?" };
    expectAgreement("several", body);
    expect(kycApplicationIssues(body).length).toBeGreaterThan(8);
  });

  it("on generated applications: each field left out, valid, or any text or value", () => {
    const field = (good: unknown) => fc.oneof(fc.constant(good), fc.string({ maxLength: 60 }), fc.constantFrom(...TRIED_VALUES.map(([, v]) => v)), fc.anything());
    const partsOf = (rules: object, good: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(rules).map((name) => [name, field(good[name])]));
    const address = fc.oneof(fc.record(partsOf(KYC_ADDRESS_RULES, valid.address), { requiredKeys: [] }), fc.anything());
    const application = fc.record({ ...partsOf(KYC_RULES, valid), address }, { requiredKeys: [] });
    fc.assert(
      fc.property(application, (body) => {
        expect(kycApplicationIssues(body)).toStrictEqual(zodIssues(body));
      }),
      { numRuns: 3000 },
    );
  });

  it("on anything at all", () => {
    const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });
    fc.assert(
      fc.property(fc.oneof(anything, fc.dictionary(fc.constantFrom(...Object.keys(KYC_RULES)), anything)), (body) => {
        expect(kycApplicationIssues(body)).toStrictEqual(zodIssues(body));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("EMAIL_PATTERN", () => {
  const zodAccepts = (text: string) => z.email().safeParse(text).success;

  it("accepts and refuses what zod's z.email() does, on email-like text", () => {
    const atom = fc.string({ unit: fc.constantFrom(..."aZ09_'+-.@"), maxLength: 8 });
    const emailLike = fc.tuple(atom, fc.constantFrom("@", "@@", ""), fc.array(atom, { maxLength: 3 }), fc.constantFrom("io", "c", "com", "-x", "1a", "")).map(
      ([local, at, labels, top]) => `${local}${at}${labels.map((l) => `${l}.`).join("")}${top}`,
    );
    fc.assert(
      fc.property(emailLike, (text) => {
        expect({ text, accepted: EMAIL_PATTERN.test(text) }).toEqual({ text, accepted: zodAccepts(text) });
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ["john@example.com", true],
    ["john.smith+tag@mail.example.co", true],
    ["o'brien@example.ie", true],
    ["john'@example.com", false],
    [".john@example.com", false],
    ["john.@example.com", false],
    ["john..smith@example.com", false],
    ["john@-example.com", false],
    ["john@example.c", false],
    ["john@example", false],
    ["john@@example.com", false],
  ])("%s: %s, as zod says", (text, accepted) => {
    expect(EMAIL_PATTERN.test(text)).toBe(accepted);
    expect(zodAccepts(text)).toBe(accepted);
  });
});
