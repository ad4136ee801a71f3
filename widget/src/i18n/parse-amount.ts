/**
 * Reads an amount of US dollars typed by a person, in the page's locale ("1,250.50" in English,
 * "1.250,50" in Spanish; a currency sign and spaces are ignored), as whole cents. Returns null when
 * the text is not an amount with at most two decimals. Range checks are the caller's (the contract's).
 *
 * @example
 * parseAmountCents("250.5", "en-US"); // 25050
 * parseAmountCents("1.250,50", "es"); // 125050
 */
export function parseAmountCents(text: string, locale: string): number | null {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  const group = decimal === "," ? "." : ",";
  let s = text.replace(/[\s\u00a0\u202f$]|US/g, "");
  // A lone other separator followed by one or two digits is a decimal point typed the other way.
  if (!s.includes(decimal) && new RegExp(`^\\d+\\${group}\\d{1,2}$`).test(s)) s = s.replace(group, decimal);
  if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})*(\\${decimal}\\d{1,2})?$|^\\d+(\\${decimal}\\d{1,2})?$`).test(s)) return null;
  const [whole = "0", fraction = ""] = s.split(group).join("").split(decimal);
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** An amount in cents as a person would type it back ("500", or "250.50" for 25050), in the page's locale. */
export function amountText(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}
