import { expect } from "@open-wc/testing";
import { KYC_FIELDS, OCCUPATIONS } from "@machines-card/contract/machines/kyc";
import { ApiError } from "../../api/api-error";
import { controlsOf, formModel } from "./kyc-form-model";
import { KycFormState } from "./kyc-form-state";
import { applicationFrom } from "./kyc-validation";

// The form's rules without a server: the documented field list, as GET /v1/kyc/values returns it.
const fields = controlsOf(
  formModel({
    fields: KYC_FIELDS.map((f) => ({ ...f })),
    occupations: [...OCCUPATIONS],
    annualSalary: ["<40k"],
    expectedMonthlyVolume: ["under $1k"],
    accountPurpose: ["testing"],
  }),
);

describe("KYC form state", () => {
  it("puts the server's field errors on their fields, in the step's words, until the field is edited", () => {
    const form = new KycFormState();
    form.input("address.postalCode", "10001", false);
    const error = new ApiError({
      code: "invalid_request",
      message: "address.postalCode is not deliverable",
      status: 400,
      errors: [
        { code: "invalid_request", message: "address.postalCode is not deliverable", field: "address.postalCode" },
        { code: "invalid_request", message: "somethingNew is required", field: "somethingNew" },
      ],
    });
    const matched = form.serverErrors(fields, (field) => error.forField(field));
    expect(matched).to.equal(true);
    expect(form.visible(fields).get("address.postalCode")).to.deep.equal({ key: "error.server" });
    expect(form.visible(fields).has("somethingNew")).to.equal(false);
    form.input("address.postalCode", "10002", false);
    expect(form.visible(fields).has("address.postalCode")).to.equal(false);
  });

  it("says nothing about a field until it is left or the form is sent", () => {
    const form = new KycFormState();
    form.input("nationalId", "12 34", false);
    expect(form.visible(fields).size).to.equal(0);
    form.blur("nationalId");
    expect([...form.visible(fields)]).to.deep.equal([["nationalId", { key: "error.nationalIdFormat" }]]);
    form.submit();
    expect(form.visible(fields).size).to.equal(15); // every required answer, and the malformed ID
  });

  it("sends what the person meant: trimmed, phone formatting removed, empty optional answers left out", () => {
    const form = new KycFormState();
    form.input("firstName", "  Ada ", false);
    form.input("phoneCountryCode", "+1", false);
    form.input("phoneNumber", "(415) 555-1234", false);
    form.input("address.line2", "   ", false);
    form.input("countryOfIssue", "us", false);
    expect(applicationFrom(fields, form.values)).to.deep.equal({
      firstName: "Ada",
      countryOfIssue: "US",
      address: {},
      phoneCountryCode: "1",
      phoneNumber: "4155551234",
    });
  });

  it("reads a half-typed date as one to finish", () => {
    const form = new KycFormState();
    form.input("birthDate", "", true);
    form.blur("birthDate");
    expect(form.visible(fields).get("birthDate")).to.deep.equal({ key: "error.birthDateFormat" });
  });
});
