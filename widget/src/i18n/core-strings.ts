import { coreMessages, type CoreKey } from "./core-messages";
import { catalogOf, createI18n, loadCatalog, type I18n, type Language, type Messages } from "./translator";

/**
 * The element's own strings in the page's language. English is part of the entry; another language's
 * strings load as their own chunk, and until they have, everything shows (and is marked) in English.
 * The sentences for error codes load once asked for (`loadErrors`, when someone signs in), in the
 * page's language, and follow it when it changes.
 */
export class CoreStrings {
  private catalog: { [K in CoreKey]: string } = coreMessages;
  private errors: Messages | null = null;
  private errorsWanted = false;
  private language: Language = "en";
  private wanted: Language = "en";
  private current: I18n | null = null;
  private made: { catalog: unknown; errors: unknown } = { catalog: null, errors: null };

  /** Loads the strings of `language` (if needed), then calls `loaded`. */
  async load(language: Language, loaded: () => void): Promise<void> {
    this.wanted = language;
    const [catalog, errors] = await Promise.all([
      language === "es" ? import("./core-messages.es").then((m) => m.coreMessagesEs) : coreMessages,
      this.errorsWanted ? this.errorsIn(language) : null,
    ]);
    if (this.wanted !== language) return;
    this.catalog = catalog;
    if (errors) this.errors = errors;
    this.language = language;
    loaded();
  }

  /** Loads the sentences for error codes (once), in the language shown. */
  async loadErrors(): Promise<void> {
    this.errorsWanted = true;
    const language = this.wanted;
    const errors = await this.errorsIn(language);
    if (this.wanted === language) this.errors = errors;
  }

  private async errorsIn(language: Language): Promise<Messages> {
    const { errorMessages } = await import("./error-messages");
    await loadCatalog(errorMessages, language);
    return catalogOf(errorMessages, language);
  }

  /** The formatter for `locale` in the language loaded; the same object while nothing changed. */
  i18n(locale: string): I18n {
    let c = this.current;
    if (!c || c.locale !== locale || c.language !== this.language || this.made.catalog !== this.catalog || this.made.errors !== this.errors) {
      c = this.current = createI18n(locale, this.language, this.catalog, this.errors);
      this.made = { catalog: this.catalog, errors: this.errors };
    }
    return c;
  }
}
