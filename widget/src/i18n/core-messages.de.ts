import type { Translation } from "./translator";
import type { CoreMessages } from "./core-messages";

/** German, loaded only for pages in that language. */
export const de: Translation<CoreMessages> = {
  "widget.label": "Kartenkonto",
  "step.sign-in": "Anmelden",
  "step.kyc": "Identität",
  "step.agreements": "Vereinbarungen",
  "step.deposit": "Einzahlung",
  "step.card": "Karte",
  "step.withdraw": "Auszahlung",
  "step.activity": "Umsätze",
  "progress.label": "Schritte",
  "progress.done": "erledigt",
  "progress.locked": "noch nicht verfügbar",
  "announce.step": "Schritt {index} von {total}: {name}",
  "badge.sandbox": "Sandbox",
  "badge.sandboxHint": "Testmodus: Es wird kein echtes Geld bewegt",
  signOut: "Abmelden",
  signedInAs: "Angemeldet als {email}",
  loading: "Wird geladen…",
  loadingStep: "{name} wird geladen…",
  retry: "Erneut versuchen",
  reference: "Referenz: {requestId}",
  stepLoadFailed: "Dieser Schritt konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  sessionExpired: "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.",
  "locked.missingStep": "Diese Seite bietet den Schritt {name} nicht an, der zuerst kommt. Wenden Sie sich an den Betreiber der Website.",
  "error.default": "Etwas ist schiefgelaufen. Versuchen Sie es erneut.",
};
