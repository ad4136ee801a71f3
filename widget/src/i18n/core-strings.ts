import { coreCatalogs } from "./core-messages";
import type { Language } from "./languages";
import { createI18n, loadCatalog, type Catalogs, type I18n, type Messages, type Overrides } from "./translator";

/**
 * The element's own strings in the page's language. English is part of the entry; another language's
 * strings load as their own chunk, and until they have, everything shows (and is marked) in English.
 * The sentences for error codes load once asked for (`loadErrors`, when someone signs in), in the
 * page's language, and follow it when it changes. The partner's overrides go over all of them.
 */
export class CoreStrings {
  private errors: Catalogs<Messages> | null = null;
  private errorsWanted = false;
  private language: Language = "en";
  private wanted: Language = "en";
  private overrides: Overrides = {};
  private current: I18n | null = null;
  /** Bumped whenever something behind `current` changed (a catalog loaded, overrides). */
  private version = 0;
  private made = { version: -1, locale: "" };

  /** Loads the strings of `language` (if needed), then calls `loaded`. */
  async load(language: Language, loaded: () => void): Promise<void> {
    this.wanted = language;
    await Promise.all([loadCatalog(coreCatalogs, language), this.errorsWanted ? this.errorsIn(language) : null]);
    if (this.wanted !== language) return;
    this.language = language;
    this.version++;
    loaded();
  }

  /** Loads the sentences for error codes (once), in the language shown. */
  async loadErrors(): Promise<void> {
    this.errorsWanted = true;
    await this.errorsIn(this.wanted);
  }

  private async errorsIn(language: Language): Promise<void> {
    const { errorMessages } = await import("./error-messages");
    await loadCatalog(errorMessages, language);
    this.errors = errorMessages as unknown as Catalogs<Messages>;
    this.version++;
  }

  /** The partner's messages (`element.messages`, the `messages` attribute), over every catalog. */
  setOverrides(overrides: Overrides): void {
    this.overrides = overrides;
    this.version++;
  }

  /** The formatter for `locale` in the language loaded; the same object while nothing changed. */
  i18n(locale: string): I18n {
    let c = this.current;
    if (!c || this.made.locale !== locale || c.language !== this.language || this.made.version !== this.version) {
      const strings = { core: coreCatalogs as unknown as Catalogs<Messages>, errors: this.errors, overrides: this.overrides };
      c = this.current = createI18n(locale, this.language, strings);
      this.made = { version: this.version, locale };
    }
    return c;
  }
}
