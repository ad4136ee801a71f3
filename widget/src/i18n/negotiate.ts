import { LANGUAGES, type Language } from "./languages";

/**
 * The language to show for a BCP 47 locale, or null when none is translated: the tag itself, then
 * less and less specific (`pt-BR` → `pt`), then the same language in another region (`pt-PT` → `pt-BR`,
 * `es-MX` → `es`). Case and `_` are tolerated (`pt_br`).
 */
export function languageOf(locale: string): Language | null {
  const subtags = locale.trim().toLowerCase().replace(/_/g, "-").split("-");
  const find = (tag: string) => LANGUAGES.find((l) => l.toLowerCase() === tag);
  for (let n = subtags.length; n > 0; n--) {
    const found = find(subtags.slice(0, n).join("-"));
    if (found) return found;
  }
  return LANGUAGES.find((l) => l.toLowerCase().split("-")[0] === subtags[0]) ?? null;
}
