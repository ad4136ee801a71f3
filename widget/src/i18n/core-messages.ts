import { defineMessages } from "./translator";

/**
 * The element's own strings (frame, progress, the sentence for an error it has no other for), in English.
 * Other languages live in `core-messages.<lang>.ts`, loaded only for pages in that language; each
 * step keeps its own strings in its folder, loaded with the step; the sentence for each error code is
 * in `error-messages.ts`, loaded once someone has signed in.
 */
export const coreMessages = {
  "widget.label": "Card account",
  "step.sign-in": "Sign in",
  "step.kyc": "Identity",
  "step.agreements": "Agreements",
  "step.deposit": "Deposit",
  "step.card": "Card",
  "step.withdraw": "Withdraw",
  "step.activity": "Activity",
  "progress.label": "Steps",
  "progress.done": "done",
  "progress.locked": "not available yet",
  "announce.step": "Step {index} of {total}: {name}",
  "badge.sandbox": "Sandbox",
  "badge.sandboxHint": "Test mode: no real money moves",
  "signOut": "Sign out",
  "signedInAs": "Signed in as {email}",
  "loading": "Loading…",
  "loadingStep": "Loading {name}…",
  "retry": "Try again",
  "reference": "Reference: {requestId}",
  "stepLoadFailed": "This step could not load. Check your connection and try again.",
  "sessionExpired": "Your session ended. Sign in again to continue.",
  "locked.missingStep": "This page does not offer the {name} step, which comes first. Contact the site owner.",
  "error.default": "Something went wrong. Try again.",
};

export type CoreMessages = typeof coreMessages;
export type CoreKey = keyof CoreMessages;

/** The element's strings in every language (override keys `core.<key>`). */
export const coreCatalogs = defineMessages<CoreMessages>("core", {
  en: coreMessages,
  es: () => import("./core-messages.es").then((m) => m.es),
  "pt-BR": () => import("./core-messages.pt-BR").then((m) => m.ptBR),
  fr: () => import("./core-messages.fr").then((m) => m.fr),
  de: () => import("./core-messages.de").then((m) => m.de),
});
