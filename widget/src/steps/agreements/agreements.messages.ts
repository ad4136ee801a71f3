import { defineMessages } from "../../i18n/translator";

// English inline; Spanish in its own file, loaded only for Spanish pages.
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
  mustTick: "Tick every agreement to continue.",
  mustTickOne: "Tick the agreement to continue.",
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
export const agreementsMessages = defineMessages<AgreementsMessages>({
  en,
  es: () => import("./agreements.messages.es").then((m) => m.es),
});
