import { defineMessages } from "../../i18n/translator";

// English inline; every other language in its own file, loaded only for pages in that language.
const en = {
  title: "Card agreements",
  intro: "Read each agreement and tick it to accept. All are needed to open your card.",
  legend: "Agreements to accept",
  read: "Read:",
  newWindow: "(opens in a new window)",
  linkUnavailable: "{label} (link unavailable)",
  progress: "{count} of {total} accepted",
  accept: "Accept and continue",
  accepting: "Saving your consent…",
  mustTick: { one: "Tick the agreement to continue.", other: "Tick every agreement to continue." },
  acceptedTitle: "Agreements accepted",
  acceptedOn: "You accepted these agreements on {date}.",
  accepted: "You accepted these agreements.",
  continue: "Continue",
  empty: "There are no agreements to review right now.",
  loading: "Loading the agreements…",
  kycFirst: "The agreements open once your identity is verified.",
  goToKyc: "Go to identity verification",
  announceAccepted: "Agreements accepted.",
};

export type AgreementsMessages = typeof en;
export const agreementsMessages = defineMessages<AgreementsMessages>("agreements", {
  en,
  es: () => import("./agreements.messages.es").then((m) => m.es),
  "pt-BR": () => import("./agreements.messages.pt-BR").then((m) => m.ptBR),
  fr: () => import("./agreements.messages.fr").then((m) => m.fr),
  de: () => import("./agreements.messages.de").then((m) => m.de),
});
