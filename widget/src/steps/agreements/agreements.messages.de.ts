import type { Translation } from "../../i18n/translator";
import type { AgreementsMessages } from "./agreements.messages";

/** German, loaded only for pages in that language. */
export const de: Translation<AgreementsMessages> = {
  title: "Kartenvereinbarungen",
  intro: "Lesen Sie jede Vereinbarung und haken Sie sie zum Akzeptieren an. Alle sind nötig, um Ihre Karte zu eröffnen.",
  legend: "Zu akzeptierende Vereinbarungen",
  read: "Lesen:",
  newWindow: "(öffnet in einem neuen Fenster)",
  linkUnavailable: "{label} (Link nicht verfügbar)",
  progress: "{count} von {total} akzeptiert",
  accept: "Akzeptieren und weiter",
  accepting: "Ihre Zustimmung wird gespeichert…",
  mustTick: { one: "Haken Sie die Vereinbarung an, um fortzufahren.", other: "Haken Sie alle Vereinbarungen an, um fortzufahren." },
  acceptedTitle: "Vereinbarungen akzeptiert",
  acceptedOn: "Sie haben diese Vereinbarungen am {date} akzeptiert.",
  accepted: "Sie haben diese Vereinbarungen akzeptiert.",
  continue: "Weiter",
  empty: "Derzeit gibt es keine Vereinbarungen zu prüfen.",
  loading: "Vereinbarungen werden geladen…",
  kycFirst: "Die Vereinbarungen werden verfügbar, sobald Ihre Identität bestätigt ist.",
  goToKyc: "Zur Identitätsprüfung",
  announceAccepted: "Vereinbarungen akzeptiert.",
};
