/**
 * The KYC field list, enums and occupation list exactly as `GET /kyc/values` returns them in the
 * Machines quickstart. Three enums use the EN DASH (U+2013), not a hyphen: keep them verbatim,
 * Machines maps these labels to its own ranges and rejects anything else.
 */

export const ANNUAL_SALARY_OPTIONS = ["<40k", "50k\u201399k", "100k\u2013149k", "150k+"] as const;
export const ACCOUNT_PURPOSE_OPTIONS = [
  "everyday spend",
  "subscriptions",
  "business expenses",
  "testing",
  "other",
] as const;
export const EXPECTED_MONTHLY_VOLUME_OPTIONS = ["under $1k", "$1k\u2013$5k", "$5k\u2013$20k", "$20k+"] as const;

export type KycFieldType = "string" | "date" | "object";

/** A national ID: letters, numbers and dashes (the reply's `regex` for it, and the rule `kyc-rules.ts` checks). */
export const NATIONAL_ID_PATTERN = /^[0-9A-Za-z-]+$/;

export interface KycFieldDescription {
  name: KycFieldName;
  required: boolean;
  type: KycFieldType;
  maxLength?: number;
  minLength?: number;
  regex?: string;
  enum?: string[];
  description: string;
}

export const KYC_FIELD_NAMES = [
  "firstName",
  "lastName",
  "birthDate",
  "nationalId",
  "countryOfIssue",
  "email",
  "address",
  "phoneCountryCode",
  "phoneNumber",
  "occupation",
  "annualSalary",
  "accountPurpose",
  "expectedMonthlyVolume",
] as const;
export type KycFieldName = (typeof KYC_FIELD_NAMES)[number];

/** `data.fields` of `GET /kyc/values`, in the documented order, with the documented keys only. */
export const KYC_FIELDS: readonly KycFieldDescription[] = [
  { name: "firstName", required: true, type: "string", maxLength: 50, description: "Given name." },
  { name: "lastName", required: true, type: "string", maxLength: 50, description: "Family name." },
  { name: "birthDate", required: true, type: "date", description: "YYYY-MM-DD (e.g., 1990-01-01)." },
  {
    name: "nationalId",
    required: true,
    type: "string",
    regex: NATIONAL_ID_PATTERN.source,
    description: "Government ID number. Letters, numbers, and dashes only.",
  },
  {
    name: "countryOfIssue",
    required: true,
    type: "string",
    minLength: 2,
    maxLength: 2,
    description: "ISO-3166-1 alpha-2 (e.g., US).",
  },
  { name: "email", required: true, type: "string", description: "Valid email address." },
  {
    name: "address",
    required: true,
    type: "object",
    description: "Object with line1, line2, city, region, postalCode, countryCode.",
  },
  {
    name: "phoneCountryCode",
    required: false,
    type: "string",
    maxLength: 3,
    description: "Country calling code digits only (e.g., 1).",
  },
  {
    name: "phoneNumber",
    required: false,
    type: "string",
    maxLength: 15,
    description: "Phone number digits only; include area code.",
  },
  {
    name: "occupation",
    required: true,
    type: "string",
    description: "SOC occupation code (e.g., 49-3023). Use /kyc/values for the list.",
  },
  {
    name: "annualSalary",
    required: true,
    type: "string",
    enum: [...ANNUAL_SALARY_OPTIONS],
    description: "Choose a salary range.",
  },
  {
    name: "accountPurpose",
    required: true,
    type: "string",
    enum: [...ACCOUNT_PURPOSE_OPTIONS],
    description: "How the account will be used.",
  },
  {
    name: "expectedMonthlyVolume",
    required: true,
    type: "string",
    enum: [...EXPECTED_MONTHLY_VOLUME_OPTIONS],
    description: "Choose a monthly volume range.",
  },
];

export const ADDRESS_FIELD_NAMES = ["line1", "line2", "city", "region", "postalCode", "countryCode"] as const;

export interface Occupation {
  code: string;
  label: string;
}

/** `data.occupations`: the quickstart's list, in its order. Any SOC-shaped code is accepted on submit. */
// Marked pure so bundles that never read the list (the widget: the Worker sends it) leave it out.
export const OCCUPATIONS: readonly Occupation[] = /* @__PURE__ */ [
  ["11-1021", "General and Operations Managers"],
  ["11-2011", "Advertising and Promotions Managers"],
  ["11-3031", "Financial Managers"],
  ["11-9021", "Construction Managers"],
  ["11-9041", "Architectural and Engineering Managers"],
  ["11-9071", "Gaming Managers"],
  ["11-9141", "Property, Real Estate, and Community Association Managers"],
  ["13-1041", "Compliance Officers"],
  ["13-2011", "Accountants and Auditors"],
  ["13-2051", "Financial Analysts"],
  ["13-2052", "Personal Financial Advisors"],
  ["13-2082", "Tax Preparers"],
  ["15-1121", "Computer Systems Analysts"],
  ["15-1131", "Computer Programmers"],
  ["15-1132", "Software Developers, Applications"],
  ["15-1133", "Software Developers, Systems Software"],
  ["15-1141", "Database Administrators"],
  ["15-1142", "Information Security Analysts"],
  ["15-1143", "Computer Network Architects"],
  ["15-1151", "Computer User Support Specialists"],
  ["17-2051", "Civil Engineers"],
  ["17-2071", "Electrical Engineers"],
  ["17-2141", "Mechanical Engineers"],
  ["19-3011", "Economists"],
  ["23-1011", "Lawyers"],
  ["23-2011", "Paralegals and Legal Assistants"],
  ["25-2021", "Elementary School Teachers"],
  ["27-1024", "Graphic Designers"],
  ["27-2012", "Producers and Directors"],
  ["29-1141", "Registered Nurses"],
  ["29-1062", "Family and General Practitioners"],
  ["29-1067", "Surgeons"],
  ["31-9097", "Phlebotomists"],
  ["33-3021", "Detectives and Criminal Investigators"],
  ["35-1011", "Chefs and Head Cooks"],
  ["41-9011", "Demonstrators and Product Promoters"],
  ["41-9021", "Real Estate Brokers"],
  ["43-3071", "Tellers"],
  ["47-1011", "Construction Supervisors"],
  ["47-2061", "Construction Laborers"],
  ["49-3023", "Automotive Service Technicians and Mechanics"],
  ["51-4121", "Welders, Cutters, Solderers, and Brazers"],
  ["53-3032", "Heavy and Tractor-Trailer Truck Drivers"],
  ["53-3041", "Taxi Drivers and Chauffeurs"],
  ["SELFEMP", "Self-Employed"],
  ["UNEMPLO", "Unemployed"],
  ["RETIRED", "Retired"],
  ["OTHERXX", "Other"],
].map(([code, label]) => ({ code: code!, label: label! }));

/** The non-numeric codes of the list; every other code must be SOC-shaped (`NN-NNNN`). */
export const SPECIAL_OCCUPATION_CODES = ["SELFEMP", "UNEMPLO", "RETIRED", "OTHERXX"] as const;
export const OCCUPATION_CODE_PATTERN = /^(?:\d{2}-\d{4}|SELFEMP|UNEMPLO|RETIRED|OTHERXX)$/;
