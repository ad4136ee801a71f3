import type { Translation } from "../../i18n/translator";
import type { ActivityMessages } from "./activity.messages";

/** French, loaded only for pages in that language. */
export const fr: Translation<ActivityMessages> = {
  intro: "Achats, dépôts, retraits et frais, du plus récent au plus ancien.",
  show: "Afficher",
  "filter.all": "Toute l’activité",
  "filter.spend": "Achats",
  "filter.collateral": "Dépôts et retraits",
  "filter.payment": "Paiements",
  "filter.fee": "Frais",
  "type.spend": "Achat",
  "type.collateral.in": "Dépôt",
  "type.collateral.out": "Retrait de votre portefeuille",
  "type.payment": "Paiement",
  "type.fee": "Frais",
  "status.pending": "En attente",
  "status.posted": "Comptabilisé",
  "status.declined": "Refusé",
  "status.reversed": "Annulé",
  "status.completed": "Terminé",
  "status.other": "En cours",
  refresh: "Actualiser",
  refreshed: "Activité mise à jour.",
  list: "Transactions",
  empty: "Aucune activité pour l’instant. Vos achats, dépôts et retraits apparaîtront ici.",
  emptyFiltered: "Rien de ce type pour l’instant.",
  more: "Afficher plus",
  loadingMore: "Chargement…",
  loaded: { one: "{count} de plus affichée.", other: "{count} de plus affichées." },
  end: "C’est tout.",
};
