import { coreMessages, type CoreKey } from "./core-messages";
import { createI18n, type I18n, type Language } from "./translator";

/**
 * The element's own strings in the page's language. English is part of the entry; another language's
 * strings load as their own chunk, and until they have, everything shows (and is marked) in English.
 */
export class CoreStrings {
  private catalog: { [K in CoreKey]: string } = coreMessages;
  private language: Language = "en";
  private wanted: Language = "en";
  private current: I18n | null = null;
  private catalogOf: unknown;

  /** Loads the strings of `language` (if needed), then calls `loaded`. */
  async load(language: Language, loaded: () => void): Promise<void> {
    this.wanted = language;
    const catalog = language === "es" ? (await import("./core-messages.es")).coreMessagesEs : coreMessages;
    if (this.wanted !== language) return;
    this.catalog = catalog;
    this.language = language;
    loaded();
  }

  /** The formatter for `locale` in the language loaded; the same object while nothing changed. */
  i18n(locale: string): I18n {
    let c = this.current;
    if (!c || c.locale !== locale || c.language !== this.language || this.catalogOf !== this.catalog) {
      c = this.current = createI18n(locale, this.language, this.catalog);
      this.catalogOf = this.catalog;
    }
    return c;
  }
}
