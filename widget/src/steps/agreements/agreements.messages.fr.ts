import type { Translation } from "../../i18n/translator";
import type { AgreementsMessages } from "./agreements.messages";

/** French, loaded only for pages in that language. */
export const fr: Translation<AgreementsMessages> = {
  title: "Conditions de la carte",
  intro: "Lisez chaque document et cochez-le pour l’accepter. Tous sont nécessaires pour ouvrir votre carte.",
  legend: "Conditions à accepter",
  read: "Lire :",
  newWindow: "(s’ouvre dans une nouvelle fenêtre)",
  linkUnavailable: "{label} (lien indisponible)",
  progress: "{count} sur {total} acceptées",
  accept: "Accepter et continuer",
  accepting: "Enregistrement de votre consentement…",
  mustTick: { one: "Cochez la condition pour continuer.", other: "Cochez toutes les conditions pour continuer." },
  acceptedTitle: "Conditions acceptées",
  acceptedOn: "Vous avez accepté ces conditions le {date}.",
  accepted: "Vous avez accepté ces conditions.",
  continue: "Continuer",
  empty: "Aucune condition à examiner pour le moment.",
  loading: "Chargement des conditions…",
  kycFirst: "Les conditions seront disponibles une fois votre identité vérifiée.",
  goToKyc: "Aller à la vérification d’identité",
  announceAccepted: "Conditions acceptées.",
};
