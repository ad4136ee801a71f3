import type { KycField, KycValues } from "@machines-card/contract/api/kyc";
import { KYC_ADDRESS_RULES, type KycTextRule } from "@machines-card/contract/machines/kyc-rules";
import { ADDRESS_FIELD_NAMES } from "@machines-card/contract/machines/kyc-values";

/** How a field is entered. */
export type ControlKind = "text" | "email" | "date" | "tel" | "select" | "country";

export interface FormField {
  /** Dotted path in the application (`firstName`, `address.postalCode`): also the error `field`. */
  key: string;
  kind: ControlKind;
  required: boolean;
  /** The browser autofill token (`given-name`, `address-line1`…), or "off". */
  autocomplete: string;
  maxLength?: number | undefined;
  minLength?: number | undefined;
  inputMode?: "numeric" | "email" | "tel" | undefined;
  /** For selects: the values the server accepts, with a label when the server gives one. */
  options?: { value: string; label?: string }[];
  /** The server's own description, the label of a field this widget does not know yet. */
  description: string;
  /** Layout width on a wide card, in sixths. */
  span: 2 | 3 | 4 | 6;
}

/** A nested object of the application (the address), shown as a fieldset. */
export interface FormGroup {
  key: string;
  required: boolean;
  description: string;
  fields: FormField[];
}

export type FormItem = FormField | FormGroup;

export function isGroup(item: FormItem): item is FormGroup {
  return "fields" in item;
}

/** What browsers autofill each field with (WHATWG autofill tokens). */
const AUTOCOMPLETE: Record<string, string> = {
  firstName: "given-name",
  lastName: "family-name",
  birthDate: "bday",
  email: "email",
  "address.line1": "address-line1",
  "address.line2": "address-line2",
  "address.city": "address-level2",
  "address.region": "address-level1",
  "address.postalCode": "postal-code",
  "address.countryCode": "country",
  phoneCountryCode: "tel-country-code",
  phoneNumber: "tel-national",
};

/** Fields entered as a choice among countries (2-letter ISO codes). */
const COUNTRY_FIELDS = new Set(["countryOfIssue", "address.countryCode"]);
const HALF = new Set(["firstName", "lastName", "birthDate", "countryOfIssue", "address.city", "address.region", "address.postalCode", "address.countryCode"]);

/**
 * The form, built from the field list the Worker returns (`GET /v1/kyc/values`): one control per field
 * in the server's order, its kind from the field's type and enum, its limits from the field's rules.
 * The nested address is described by the server only as an object, so its parts take their rules
 * from the shared KYC rules table, the same one the server validates with.
 */
export function formModel(values: KycValues): FormItem[] {
  return values.fields.map((field) => (field.type === "object" && field.name === "address" ? addressGroup(field) : control(field, values)));
}

function control(field: KycField, values: KycValues): FormField {
  const key = field.name;
  const options = optionsOf(field, values);
  const phone = key === "phoneCountryCode" || key === "phoneNumber";
  return {
    key,
    kind: options ? "select" : COUNTRY_FIELDS.has(key) ? "country" : field.type === "date" ? "date" : key === "email" ? "email" : phone ? "tel" : "text",
    required: field.required,
    autocomplete: AUTOCOMPLETE[key] ?? "off",
    maxLength: field.maxLength,
    minLength: field.minLength,
    inputMode: phone ? "numeric" : undefined,
    ...(options ? { options } : {}),
    description: field.description,
    span: key === "phoneCountryCode" ? 2 : key === "phoneNumber" ? 4 : HALF.has(key) ? 3 : 6,
  };
}

/** The choices of a field: its own enum, or the matching list of `/kyc/values` (occupations, ranges). */
function optionsOf(field: KycField, values: KycValues): { value: string; label?: string }[] | undefined {
  if (field.name === "occupation") return values.occupations.map((o) => ({ value: o.code, label: o.label }));
  const list = field.enum ?? (values as unknown as Record<string, unknown>)[field.name];
  return Array.isArray(list) && list.every((v) => typeof v === "string") ? list.map((value: string) => ({ value })) : undefined;
}

function addressGroup(field: KycField): FormGroup {
  return {
    key: field.name,
    required: field.required,
    description: field.description,
    fields: ADDRESS_FIELD_NAMES.map((name) => {
      const key = `address.${name}`;
      const rule: KycTextRule = KYC_ADDRESS_RULES[name];
      return {
        key,
        kind: COUNTRY_FIELDS.has(key) ? "country" : "text",
        required: rule.required,
        autocomplete: AUTOCOMPLETE[key] ?? "off",
        maxLength: rule.maxLength?.length,
        description: name,
        span: HALF.has(key) ? 3 : 6,
      } satisfies FormField;
    }),
  };
}

/** Every control of the form, groups flattened, in display order. */
export function controlsOf(items: FormItem[]): FormField[] {
  return items.flatMap((item) => (isGroup(item) ? item.fields : [item]));
}
