import { requiredMessage, type SchemaIssue } from "../validation";
import { EMAIL_PATTERN, isPastDate, isRealCalendarDate, KYC_RULES, type KycRule, type KycTextRule } from "./kyc-rules";

/**
 * What is wrong with a KYC application by the rules of `kyc-rules.ts`, checked without zod (for the
 * widget's form): the issues `KycApplication.safeParse` reports, with the same codes, paths, sentences
 * and order, so one reader (`describeIssue`, the widget's `problemOf`) serves both.
 * `kyc-check.test.ts` holds the two to the same answers.
 */
export function kycApplicationIssues(input: unknown): SchemaIssue[] {
  if (!isObject(input)) return [{ code: "invalid_type", expected: "object", path: [], message: DEFAULT_MESSAGE }];
  return partsIssues(KYC_RULES, input, []);
}

/** zod's sentence for an issue whose schema gives none (zod/mini ships no others). */
const DEFAULT_MESSAGE = "Invalid input";

type Path = PropertyKey[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The sentence for a value of the wrong type: "is required" when it is missing, else the rule's own. */
const wrongTypeMessage = (value: unknown, own: string | undefined) => requiredMessage({ input: value }) ?? own ?? DEFAULT_MESSAGE;

/** Field by field in the table's order, which is zod's (an object's keys in order). */
function partsIssues(rules: { readonly [name: string]: KycRule }, input: Record<string, unknown>, path: Path): SchemaIssue[] {
  return Object.entries(rules).flatMap(([name, rule]) => ruleIssues(rule, input[name], [...path, name]));
}

function ruleIssues(rule: KycRule, value: unknown, path: Path): SchemaIssue[] {
  if (value === undefined && !rule.required) return [];
  switch (rule.type) {
    case "choice":
      return (rule.choices as readonly unknown[]).includes(value)
        ? []
        : [{ code: "invalid_value", values: [...rule.choices], path, message: wrongTypeMessage(value, undefined) }];
    case "object":
      return isObject(value)
        ? partsIssues(rule.parts, value, path)
        : [{ code: "invalid_type", expected: "object", path, message: wrongTypeMessage(value, rule.notObject) }];
    case "text":
      return textIssues(rule, value, path);
  }
}

function textIssues(rule: KycTextRule, value: unknown, path: Path): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const isText = typeof value === "string";
  if (!isText) issues.push({ code: "invalid_type", expected: "string", path, message: wrongTypeMessage(value, rule.notText) });
  else if (rule.email && !EMAIL_PATTERN.test(value)) {
    issues.push({ code: "invalid_format", format: "email", origin: "string", path, message: rule.email });
  }
  // zod measures anything that has a length, even after a wrong type (an array gets both issues): so does this.
  const length = lengthOf(value);
  if (length !== undefined) {
    const origin = isText ? "string" : Array.isArray(value) ? "array" : "unknown";
    const { minLength, maxLength } = rule;
    if (minLength && !((length as number) >= minLength.length)) {
      issues.push({ code: "too_small", minimum: minLength.length, inclusive: true, origin, path, message: minLength.message });
    }
    if (maxLength && !((length as number) <= maxLength.length)) {
      issues.push({ code: "too_big", maximum: maxLength.length, inclusive: true, origin, path, message: maxLength.message });
    }
  }
  // Its other checks need text: zod skips them after a wrong type.
  if (!isText) return issues;
  if (rule.pattern && !rule.pattern.regex.test(value)) {
    issues.push({ code: "invalid_format", format: "regex", origin: "string", path, message: rule.pattern.message });
  }
  if (rule.birthDate && !isRealCalendarDate(value)) issues.push({ code: "custom", path, message: rule.birthDate.realDay });
  if (rule.birthDate && !isPastDate(value)) issues.push({ code: "custom", path, message: rule.birthDate.past });
  return issues;
}

/** Text in code points (an emoji is one character, as zod counts); anything else by its `length`, if it has one. */
function lengthOf(value: unknown): unknown {
  if (typeof value === "string") return [...value].length;
  return value === null || value === undefined ? undefined : (value as { length?: unknown }).length;
}
