/**
 * A message that depends on a count, one text per CLDR plural category the language uses
 * (`one`/`other` in English and German; `one`/`many`/`other` in French, Spanish and Portuguese).
 * `other` is required: a category the message lacks falls back to it. The count is the `count` value.
 *
 * @example
 * { one: "Try again in {count} second.", other: "Try again in {count} seconds." }
 */
export type PluralForms = { [C in Intl.LDMLPluralRule]?: string } & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` for `count` under `locale`'s plural rules (`other` when the count is not a number). */
export function pluralForm(forms: PluralForms, count: unknown, locale: string): string {
  const n = typeof count === "number" ? count : Number(count);
  if (count === undefined || !Number.isFinite(n)) return forms.other;
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return forms[r.select(n)] ?? forms.other;
}
