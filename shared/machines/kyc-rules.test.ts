import { describe, expect, it } from "vitest";
import { ADDRESS_FIELD_NAMES, KYC_ADDRESS_RULES, KYC_FIELD_NAMES, KYC_FIELDS, KYC_RULES, type KycRule } from "./kyc";

/** The rules table and the form `GET /kyc/values` describes (Machines' own words) tell the same story. */
describe("KYC_RULES", () => {
  it("has every field and address part, in the described order (the order errors are reported in)", () => {
    expect(Object.keys(KYC_RULES)).toEqual([...KYC_FIELD_NAMES]);
    expect(Object.keys(KYC_ADDRESS_RULES)).toEqual([...ADDRESS_FIELD_NAMES]);
  });

  it("requires what the description requires, with its limits, pattern and choices", () => {
    for (const field of KYC_FIELDS) {
      const rule: KycRule = KYC_RULES[field.name];
      expect({ field: field.name, required: rule.required }).toEqual({ field: field.name, required: field.required });
      if (rule.type === "text" && rule.maxLength) expect(rule.maxLength.length).toBe(field.maxLength);
      if (rule.type === "text" && field.regex) expect(rule.pattern?.regex.source).toBe(field.regex);
      if (field.enum) expect(rule.type === "choice" && [...rule.choices]).toEqual(field.enum);
    }
  });
});
