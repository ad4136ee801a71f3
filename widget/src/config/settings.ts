import type { CardLimit } from "@machines-card/contract/api/cards";
import type { Environment } from "@machines-card/contract/api/config";
import { CARD_LIMIT_FREQUENCIES } from "@machines-card/contract/machines/card-limit-frequencies";
import { STEP_NAMES, isStepName, type StepName } from "@machines-card/contract/steps";
import { LANGUAGES, type Language } from "../i18n/languages";
import { languageOf } from "../i18n/negotiate";
import { parseHexColor } from "../styles/hex-color";
import type { StepDefaults } from "../steps/step-context";
import type { ConfigProblem } from "./config-problem";

export const THEMES = ["light", "dark", "auto"] as const;
export type Theme = (typeof THEMES)[number];
export const ENVIRONMENTS = ["sandbox", "production"] as const;

/** The element's attributes, as read from it (null when absent). */
export interface AttributeValues {
  apiBase: string | null;
  environment: string | null;
  steps: string | null;
  theme: string | null;
  brandColor: string | null;
  locale: string | null;
  cardLabel: string | null;
  cardLimit: string | null;
  cardLimitFrequency: string | null;
  depositAsset: string | null;
  depositNetwork: string | null;
}

/** What the attributes mean once checked: every value valid, or its default. */
export interface Settings {
  /** The Worker's URL without a trailing slash; null when missing or malformed (a fatal problem says why). */
  apiBase: string | null;
  /** The environment the page expects; null follows the Worker. */
  environment: Environment | null;
  /** The steps to show, in order; sign-in always comes first. */
  steps: StepName[];
  theme: Theme;
  brandColor: string | null;
  locale: string;
  language: Language;
  defaults: StepDefaults;
}

export interface PageContext {
  /** The page's protocol (`https:`), to catch an http Worker URL browsers would block. */
  protocol: string;
  /** The language the page declares (`<html lang>`) or the browser prefers, when `locale` is not set. */
  fallbackLocale: string;
}

const ASSET_CODE = /^[A-Za-z0-9_.-]{1,32}$/;

/**
 * Reads the attributes into settings and the problems found on the way. Pure: the element calls it
 * on every attribute change, and only `fatal` problems stop it.
 */
export function readSettings(a: AttributeValues, page: PageContext): { settings: Settings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const warn = (key: ConfigProblem["key"], attribute: string, vars: ConfigProblem["vars"] = {}) =>
    problems.push({ key, attribute, vars: { attribute, ...vars }, fatal: false });

  const apiBase = readApiBase(a.apiBase, page, problems);

  let environment: Environment | null = null;
  if (a.environment !== null) {
    if ((ENVIRONMENTS as readonly string[]).includes(a.environment)) environment = a.environment as Environment;
    else warn("invalid_choice", "environment", { value: a.environment, allowed: ENVIRONMENTS.join(", "), fallback: "the Worker's" });
  }

  const theme = (THEMES as readonly string[]).includes(a.theme ?? "light") ? ((a.theme ?? "light") as Theme) : "light";
  if (a.theme !== null && theme !== a.theme) warn("invalid_choice", "theme", { value: a.theme, allowed: THEMES.join(", "), fallback: "light" });

  const brandColor = a.brandColor === null ? null : parseHexColor(a.brandColor);
  if (a.brandColor !== null && !brandColor) warn("brand_color_invalid", "brand-color", { value: a.brandColor });

  const locale = a.locale?.trim() || page.fallbackLocale || "en";
  let language = languageOf(locale);
  if (!language) {
    if (a.locale !== null) warn("locale_unsupported", "locale", { value: a.locale, allowed: LANGUAGES.join(", ") });
    language = "en";
  }

  return {
    settings: {
      apiBase,
      environment,
      steps: readSteps(a.steps, problems),
      theme,
      brandColor,
      locale,
      language,
      defaults: {
        cardLabel: readCardLabel(a.cardLabel, problems),
        cardLimit: readCardLimit(a.cardLimit, a.cardLimitFrequency, problems),
        depositAsset: readAssetCode("deposit-asset", a.depositAsset, problems),
        depositNetwork: readAssetCode("deposit-network", a.depositNetwork, problems),
      },
    },
    problems,
  };
}

function readApiBase(value: string | null, page: PageContext, problems: ConfigProblem[]): string | null {
  const raw = value?.trim();
  if (!raw) {
    problems.push({ key: "api_base_missing", attribute: "api-base", vars: {}, fatal: true });
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push({ key: "api_base_invalid", attribute: "api-base", vars: { value: raw }, fatal: true });
    return null;
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && page.protocol === "https:" && !local) {
    problems.push({ key: "api_base_insecure", attribute: "api-base", vars: { value: raw }, fatal: true });
    return null;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function readSteps(value: string | null, problems: ConfigProblem[]): StepName[] {
  if (value === null || !value.trim()) return [...STEP_NAMES];
  const names = value.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((n) => !isStepName(n));
  const known = [...new Set(names.filter(isStepName))];
  const allowed = STEP_NAMES.join(", ");
  if (!known.length) {
    problems.push({ key: "no_steps", attribute: "steps", vars: { value, allowed }, fatal: false });
    return [...STEP_NAMES];
  }
  if (unknown.length) problems.push({ key: "unknown_steps", attribute: "steps", vars: { value: unknown.join(", "), allowed }, fatal: false });
  // Nobody reaches a step without signing in, so sign-in always leads.
  return ["sign-in", ...known.filter((s) => s !== "sign-in")];
}

function readCardLabel(value: string | null, problems: ConfigProblem[]): string | null {
  if (value === null) return null;
  const label = value.trim();
  if (label.length >= 1 && label.length <= 50) return label;
  problems.push({ key: "card_label_invalid", attribute: "card-label", vars: {}, fatal: false });
  return null;
}

function readCardLimit(amount: string | null, frequency: string | null, problems: ConfigProblem[]): CardLimit | null {
  const chosen = frequency ?? "per30DayPeriod";
  const valid = (CARD_LIMIT_FREQUENCIES as readonly string[]).includes(chosen);
  if (!valid) {
    problems.push({
      key: "invalid_choice",
      attribute: "card-limit-frequency",
      vars: { attribute: "card-limit-frequency", value: chosen, allowed: CARD_LIMIT_FREQUENCIES.join(", "), fallback: "per30DayPeriod" },
      fatal: false,
    });
  }
  if (amount === null) return null;
  const dollars = Number(amount.trim());
  if (!/^\d+(\.\d{1,2})?$/.test(amount.trim()) || dollars < 1 || dollars > 1_000_000) {
    problems.push({ key: "card_limit_invalid", attribute: "card-limit", vars: { value: amount }, fatal: false });
    return null;
  }
  return { amountCents: Math.round(dollars * 100), frequency: (valid ? chosen : "per30DayPeriod") as CardLimit["frequency"] };
}

function readAssetCode(attribute: string, value: string | null, problems: ConfigProblem[]): string | null {
  if (value === null) return null;
  const code = value.trim().toLowerCase();
  if (ASSET_CODE.test(code)) return code;
  problems.push({ key: "asset_code_invalid", attribute, vars: { attribute, value }, fatal: false });
  return null;
}
