/**
 * The 249 ISO 3166-1 alpha-2 codes, by first letter: for A to Z in turn, the set of second letters as a
 * 26-bit mask (bit 0 = A) in base 36. A third of the bytes of the codes written out, after gzip;
 * `countries.test.ts` holds it to the full list.
 */
const SECOND_LETTERS = "sox2w,ybdob,13fegd,jznrk,jo44,3abk,dq22j,10t1c,lq8o,153k,wkgr4,cepl3,13ycxp,kpks5,35s,d1hpt,1,3accw,10rw7z,o4s18,u4hmp,mno5,5mao,0,b8k0,2hzi9";

/** Every code, in alphabetical order. */
export const COUNTRY_CODES: readonly string[] = SECOND_LETTERS.split(",").flatMap((mask, first) =>
  [...Array(26).keys()]
    .filter((second) => (parseInt(mask, 36) >> second) & 1)
    .map((second) => String.fromCharCode(65 + first, 65 + second)),
);

export interface CountryOption {
  value: string;
  label: string;
}

const cache = new Map<string, CountryOption[]>();

/**
 * Every country as a select option, named in the page's language by the browser itself
 * (`Intl.DisplayNames`, so no name list ships with the widget) and sorted by that name.
 */
export function countryOptions(locale: string): CountryOption[] {
  let options = cache.get(locale);
  if (options) return options;
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  options = COUNTRY_CODES
    .map((value) => ({ value, label: names.of(value) ?? value }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  cache.set(locale, options);
  return options;
}
