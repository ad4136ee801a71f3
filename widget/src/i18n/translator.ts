import type { CoreKey } from "./core-messages";
import type { Language } from "./languages";
import { pluralForm, type PluralForms } from "./plural";

/** A message: a template, or one template per plural category (`plural.ts`). `{name}` marks a value filled in at run time. */
export type Message = string | PluralForms;

/** Message templates by key. */
export type Messages = Record<string, Message>;

/** A translation of English messages `M`: exactly the same keys, plural forms where English has them. */
export type Translation<M extends Messages> = { [K in keyof M]: M[K] extends string ? string : PluralForms };

/**
 * A module's messages: English inline, every other language of `languages.ts` either inline or (better)
 * loaded on demand from its own file, so a page only downloads the language it shows. `id` names the
 * module in partner overrides (`"<id>.<key>"`, e.g. `"sign-in.title"`).
 */
export type Catalogs<M extends Messages> = { readonly id: string; readonly en: M } & {
  readonly [L in Exclude<Language, "en">]: Translation<M> | (() => Promise<Translation<M>>);
};

/** Partner overrides (`element.messages`, the `messages` attribute's JSON): `"<module id>.<key>"` → message. */
export type Overrides = Readonly<Record<string, Message>>;

export type MessageValues = Record<string, string | number>;

/** A step's `t`: one of its messages by key, with values for its placeholders. */
export type Translate<M extends Messages> = (key: keyof M & string, values?: MessageValues) => string;

/**
 * Defines a module's messages in every language under `id`; the types make a missing or extra key in
 * any language a compile error. Give other languages as a dynamic import of their own file, so they
 * load only for pages in that language (the element waits for them before showing the step).
 *
 * @example
 * // sign-in.messages.ts
 * export const messages = defineMessages("sign-in", { en: { title: "Sign in" }, es: () => import("./sign-in.messages.es").then((m) => m.es), … });
 * // sign-in.messages.es.ts
 * export const es: Translation<SignInMessages> = { title: "Inicia sesión" };
 */
export function defineMessages<M extends Messages>(id: string, catalogs: Omit<Catalogs<M>, "id">): Catalogs<M> {
  return { id, ...catalogs } as Catalogs<M>;
}

const loaded = new WeakMap<object, Partial<Record<Language, Messages>>>();

/** The catalog of `language` if it is at hand (inline or already loaded), else undefined. */
function catalogIn<M extends Messages>(catalogs: Catalogs<M>, language: Language): Messages | undefined {
  if (language === "en") return catalogs.en;
  const entry = catalogs[language];
  return typeof entry === "function" ? loaded.get(catalogs)?.[language] : entry;
}

/** The catalog of `language` when it is at hand, else English. */
export function catalogOf<M extends Messages>(catalogs: Catalogs<M>, language: Language): Messages {
  return catalogIn(catalogs, language) ?? catalogs.en;
}

/** Loads `language`'s catalog when it is a separate file (once); resolves at once otherwise. */
export async function loadCatalog<M extends Messages>(catalogs: Catalogs<M>, language: Language): Promise<void> {
  if (catalogIn(catalogs, language)) return;
  const entry = catalogs[language as Exclude<Language, "en">];
  if (typeof entry !== "function") return;
  const table = await entry();
  loaded.set(catalogs, { ...loaded.get(catalogs), [language]: table });
}

/** Whether `language`'s catalog can be used now (a separate file must be loaded first). */
export function hasCatalog<M extends Messages>(catalogs: Catalogs<M>, language: Language): boolean {
  return catalogIn(catalogs, language) !== undefined;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
export function format(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Formatting and lookup for one locale, handed to every step. `locale` is the full BCP 47 tag
 * (number, money, date and plural rules follow it); `language` picks the catalog.
 */
export interface I18n {
  readonly locale: string;
  readonly language: Language;
  /** Translates a key of the given catalogs: the partner's override, else `language`'s, else English. */
  t<M extends Messages>(catalogs: Catalogs<M>, key: keyof M & string, values?: MessageValues): string;
  /** Translates one of the element's own strings (`core-messages.ts`). */
  core(key: CoreKey, values?: MessageValues): string;
  /** A sentence for the user about any error the widget raises, chosen by its `code` (the general one until the error sentences have loaded). */
  error(error: unknown): string;
  /** `12345` cents → "$123.45" (or "123,45 US$" in Spanish). */
  money(cents: number, currency?: string): string;
  /** A plain amount with up to `maxDigits` fraction digits ("0.015 USDC" style amounts). */
  number(value: number, maxDigits?: number): string;
  /** An ISO date-time as a short local date and time. */
  dateTime(iso: string): string;
}

export interface I18nStrings {
  /** The element's strings: the core catalogs, `language`'s loaded (else English is shown). */
  core: Catalogs<Messages>;
  /** The sentence for each error code (`error-messages.ts`) once loaded, else null. */
  errors?: Catalogs<Messages> | null;
  /** The partner's overrides, over every catalog. */
  overrides?: Overrides;
}

export function createI18n(locale: string, language: Language, strings: I18nStrings): I18n {
  const safeLocale = supported(locale) ? locale : language;
  const overrides = strings.overrides ?? {};
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(safeLocale, { dateStyle: "medium", timeStyle: "short" });
  /** The override, else `language`'s message, else English's (with the plural rules of the text's language). */
  const lookup = (catalogs: Catalogs<Messages>, key: string): [Message, string] | null => {
    const override = overrides[`${catalogs.id}.${key}`];
    if (override !== undefined) return [override, safeLocale];
    const own = catalogIn(catalogs, language)?.[key];
    if (own !== undefined) return [own, language];
    const en = catalogs.en[key];
    return en === undefined ? null : [en, "en"];
  };
  const render = ([message, rules]: [Message, string], values?: MessageValues) =>
    format(typeof message === "string" ? message : pluralForm(message, values?.count, rules), values);
  return {
    locale: safeLocale,
    language,
    t(catalogs, key, values) {
      const found = lookup(catalogs as unknown as Catalogs<Messages>, key);
      return found ? render(found, values) : key;
    },
    core(key, values) {
      return render(lookup(strings.core, key) ?? [key, "en"], values);
    },
    error(error) {
      const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
      const found = strings.errors && Object.hasOwn(strings.errors.en, code) ? lookup(strings.errors, code) : null;
      return found ? render(found) : this.core("error.default");
    },
    money(cents, currency = "USD") {
      let f = moneyFormats.get(currency);
      if (!f) {
        f = new Intl.NumberFormat(safeLocale, { style: "currency", currency });
        moneyFormats.set(currency, f);
      }
      return f.format(cents / 100);
    },
    number(value, maxDigits = 6) {
      return new Intl.NumberFormat(safeLocale, { maximumFractionDigits: maxDigits }).format(value);
    },
    dateTime(iso) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
    },
  };
}

function supported(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}
