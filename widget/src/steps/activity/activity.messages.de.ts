import type { Translation } from "../../i18n/translator";
import type { ActivityMessages } from "./activity.messages";

/** German, loaded only for pages in that language. */
export const de: Translation<ActivityMessages> = {
  intro: "Käufe, Einzahlungen, Auszahlungen und Gebühren, die neuesten zuerst.",
  show: "Anzeigen",
  "filter.all": "Alle Umsätze",
  "filter.spend": "Käufe",
  "filter.collateral": "Ein- und Auszahlungen",
  "filter.payment": "Zahlungen",
  "filter.fee": "Gebühren",
  "type.spend": "Kauf",
  "type.collateral.in": "Einzahlung",
  "type.collateral.out": "Auszahlung aus Ihrer Wallet",
  "type.payment": "Zahlung",
  "type.fee": "Gebühr",
  "status.pending": "Ausstehend",
  "status.posted": "Gebucht",
  "status.declined": "Abgelehnt",
  "status.reversed": "Storniert",
  "status.completed": "Abgeschlossen",
  "status.other": "In Bearbeitung",
  refresh: "Aktualisieren",
  refreshed: "Umsätze aktualisiert.",
  list: "Transaktionen",
  empty: "Noch keine Umsätze. Ihre Käufe, Einzahlungen und Auszahlungen erscheinen hier.",
  emptyFiltered: "Noch nichts dieser Art.",
  more: "Mehr anzeigen",
  loadingMore: "Wird geladen…",
  loaded: { one: "{count} weiterer Eintrag angezeigt.", other: "{count} weitere Einträge angezeigt." },
  end: "Das ist alles.",
};
