import { describe, expect, it } from "vitest";
import { issuesToErrors } from "../validation";
import { KYC_FIELDS, KycApplication, kycLinkUrl, OCCUPATIONS } from "./kyc";

const valid = {
  firstName: "John",
  lastName: "smith",
  birthDate: "1990-01-01",
  nationalId: "123456789",
  countryOfIssue: "US",
  email: "john@example.com",
  address: { line1: "123 Main St", city: "New York", region: "NY", postalCode: "10001", countryCode: "US", line2: "Unit 4" },
  occupation: "49-3023",
  annualSalary: "<40k",
  accountPurpose: "everyday spend",
  expectedMonthlyVolume: "under $1k",
  phoneCountryCode: "1",
  phoneNumber: "4155551234",
};

const errorsFor = (body: unknown) => {
  const result = KycApplication.safeParse(body);
  return result.success ? [] : issuesToErrors(result.error.issues);
};

describe("KycApplication", () => {
  it("accepts the quickstart's application", () => {
    expect(errorsFor(valid)).toEqual([]);
  });

  it("names every missing required field and nothing optional", () => {
    const fields = errorsFor({}).map((e) => e.field);
    expect(fields.sort()).toEqual(
      KYC_FIELDS.filter((f) => f.required)
        .map((f) => f.name)
        .sort(),
    );
    expect(errorsFor({}).find((e) => e.field === "firstName")?.message).toBe("firstName is required");
  });

  it.each([
    ["firstName", "x".repeat(51), "firstName must be at most 50 characters"],
    ["birthDate", "01/02/1990", "birthDate must be a date written YYYY-MM-DD (e.g., 1990-01-01)"],
    ["birthDate", "2023-02-30", "birthDate is not a real calendar date"],
    ["birthDate", "2999-01-01", "birthDate must be in the past"],
    ["nationalId", "12 34", "nationalId may contain only letters, numbers and dashes"],
    ["countryOfIssue", "USA", "countryOfIssue must be a 2-letter ISO-3166-1 country code (e.g., US)"],
    ["email", "not-an-email", "email must be a valid email address"],
    ["phoneCountryCode", "+1", "phoneCountryCode must be 1 to 3 digits, without + (e.g., 1)"],
    ["phoneNumber", "415-555", "phoneNumber must be digits only (at most 15), including the area code"],
    ["occupation", "mechanic", "occupation must be an occupation code from the list (e.g., 49-3023)"],
    ["firstName", 42, "firstName expected string"],
  ])("rejects %s = %j with a readable message", (field, value, message) => {
    expect(errorsFor({ ...valid, [field]: value })).toEqual([{ code: "invalid_request", field, message }]);
  });

  it("accepts only the documented enum labels, with the EN DASH", () => {
    expect(errorsFor({ ...valid, annualSalary: "50k\u201399k" })).toEqual([]);
    const [error] = errorsFor({ ...valid, annualSalary: "50k-99k" });
    expect(error?.field).toBe("annualSalary");
    expect(error?.message).toContain('"50k\u201399k"');
    expect(errorsFor({ ...valid, expectedMonthlyVolume: "1000-5000" })[0]?.field).toBe("expectedMonthlyVolume");
  });

  it("accepts any SOC-shaped occupation, listed or not", () => {
    expect(errorsFor({ ...valid, occupation: "11-1011" })).toEqual([]);
    expect(errorsFor({ ...valid, occupation: "SELFEMP" })).toEqual([]);
    expect(OCCUPATIONS).toHaveLength(48);
  });

  it("validates the nested address field by field; line2 and phone are optional", () => {
    const { line2: _line2, ...address } = valid.address;
    const { phoneCountryCode: _c, phoneNumber: _n, ...noPhone } = valid;
    expect(errorsFor({ ...noPhone, address })).toEqual([]);
    expect(errorsFor({ ...valid, address: { ...address, city: "", countryCode: "USA" } }).map((e) => e.field)).toEqual([
      "address.city",
      "address.countryCode",
    ]);
    expect(errorsFor({ ...valid, address: "123 Main St" })[0]?.message).toBe(
      "address must be an object with line1, line2, city, region, postalCode, countryCode",
    );
  });
});

describe("kycLinkUrl", () => {
  it("opens both link shapes", () => {
    expect(kycLinkUrl("https://kyc.example/verify")).toBe("https://kyc.example/verify");
    expect(kycLinkUrl({ url: "https://kyc.example/verify", params: { userId: "u 1", signature: "s/2" } })).toBe(
      "https://kyc.example/verify?userId=u%201&signature=s%2F2",
    );
    expect(kycLinkUrl(null)).toBeNull();
  });
});
