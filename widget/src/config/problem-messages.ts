import { defineMessages, format } from "../i18n/translator";
import type { ConfigProblem } from "./config-problem";

/**
 * What each configuration mistake means and how to fix it. Loaded only when there is a problem (a
 * correctly set-up page never downloads these); English inline, other languages in their own files.
 */
const en = {
  api_base_missing:
    "The api-base attribute is missing. Set it to your Worker's URL, for example <machines-card api-base=\"https://card.example.workers.dev\">.",
  api_base_invalid:
    "api-base=\"{value}\" is not an absolute http(s) URL. Set it to your Worker's URL, for example https://card.example.workers.dev.",
  api_base_insecure:
    "api-base=\"{value}\" uses http:// on an https:// page, which browsers block. Use the Worker's https:// URL.",
  invalid_choice:
    "{attribute}=\"{value}\" is not one of {allowed}; using {fallback}.",
  unknown_steps:
    "steps names unknown steps ({value}); they are left out. Known steps: {allowed}.",
  no_steps:
    "steps=\"{value}\" names no known step, so every step is shown. Known steps: {allowed}.",
  brand_color_invalid:
    "brand-color=\"{value}\" is not a hex colour such as #4f46e5; using the default colour.",
  locale_unsupported:
    "locale=\"{value}\" is not translated, so English is shown. Translated: {allowed}.",
  card_limit_invalid:
    "card-limit=\"{value}\" is not an amount in US dollars between 1 and 1000000; no default limit is set.",
  card_label_invalid:
    "card-label must be 1 to 50 characters; no default label is set.",
  asset_code_invalid:
    "{attribute}=\"{value}\" is not a currency or network code such as usdc or base; it is ignored.",
  worker_unreachable:
    "Could not reach the Worker at {apiBase}. Check that api-base is your Worker's URL, that the Worker is running, and that its ALLOWED_ORIGINS includes this page's origin ({origin}).",
  worker_invalid:
    "{apiBase} answered GET /v1/config with something that is not a machines-card Worker ({detail}). Check that api-base is your Worker's URL.",
  origin_not_allowed:
    "The Worker at {apiBase} does not accept requests from this page's origin ({origin}). Add {origin} to the Worker's ALLOWED_ORIGINS setting and deploy it again.",
  environment_mismatch:
    "environment=\"{expected}\" but the Worker at {apiBase} runs in {actual}. Point api-base at your {expected} Worker, or set environment=\"{actual}\".",
  version_mismatch:
    "The Worker at {apiBase} is version {workerVersion} but this widget is version {widgetVersion}: different major versions may not work together. Deploy a Worker and a widget of the same major version.",
  messages_unavailable:
    "messages=\"{value}\" could not be loaded ({detail}). Check the URL, that it answers this page's origin (CORS), and that the page's Content-Security-Policy connect-src allows it. The built-in texts are shown.",
  messages_invalid:
    "The messages {source} is not usable ({detail}). Give a JSON object of texts by key, such as {\"sign-in.title\": \"Log in\"}; the built-in texts are shown instead.",
  // The panels' titles (frame/problems.ts), with the sentences: only a page with a problem needs them.
  "blocked.title": "This card can’t start yet",
  "blocked.help": "A setup problem for the site’s developers:",
  "warnings.title": "Setup warnings for the site’s developers",
};

export type ProblemMessages = typeof en;

export const problemMessages = defineMessages<ProblemMessages>("problems", {
  en,
  es: () => import("./problem-messages.es").then((m) => m.es),
  "pt-BR": () => import("./problem-messages.pt-BR").then((m) => m.ptBR),
  fr: () => import("./problem-messages.fr").then((m) => m.fr),
  de: () => import("./problem-messages.de").then((m) => m.de),
});

/** The problem in English, for the `mc-error` event and the console (developers read those). */
export function problemMessage(p: ConfigProblem): string {
  return format(en[p.key], p.vars);
}
