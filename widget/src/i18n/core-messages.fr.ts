import type { Translation } from "./translator";
import type { CoreMessages } from "./core-messages";

/** French, loaded only for pages in that language. */
export const fr: Translation<CoreMessages> = {
  "widget.label": "Compte de la carte",
  "step.sign-in": "Connexion",
  "step.kyc": "Identité",
  "step.agreements": "Conditions",
  "step.deposit": "Dépôt",
  "step.card": "Carte",
  "step.withdraw": "Retrait",
  "step.activity": "Activité",
  "progress.label": "Étapes",
  "progress.done": "terminée",
  "progress.locked": "pas encore disponible",
  "announce.step": "Étape {index} sur {total} : {name}",
  "badge.sandbox": "Sandbox",
  "badge.sandboxHint": "Mode test : aucun argent réel n’est déplacé",
  signOut: "Se déconnecter",
  signedInAs: "Connecté en tant que {email}",
  loading: "Chargement…",
  loadingStep: "Chargement de {name}…",
  retry: "Réessayer",
  reference: "Référence : {requestId}",
  stepLoadFailed: "Cette étape n’a pas pu se charger. Vérifiez votre connexion et réessayez.",
  sessionExpired: "Votre session a pris fin. Reconnectez-vous pour continuer.",
  "locked.missingStep": "Cette page ne propose pas l’étape {name}, qui vient avant. Contactez le responsable du site.",
  "error.default": "Une erreur s’est produite. Réessayez.",
};
