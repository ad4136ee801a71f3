import { LANGUAGES, type Language } from "./languages";

/**
 * The language to show for a BCP 47 locale, or null when none is translated: the tag itself, then its
 * language (`es-MX` → `es`), then the language in another region (`pt` or `pt-PT` → `pt-BR`). Case and
 * `_` are tolerated (`pt_br`). (The list has no script subtags, so these three steps are all it needs.)
 */
export function languageOf(locale: string): Language | null {
  const tag = locale.trim().toLowerCase().replace(/_/g, "-");
  const base = tag.split("-")[0];
  const lower = (l: Language) => l.toLowerCase();
  return LANGUAGES.find((l) => lower(l) === tag) ?? LANGUAGES.find((l) => l === base) ?? LANGUAGES.find((l) => lower(l).split("-")[0] === base) ?? null;
}
