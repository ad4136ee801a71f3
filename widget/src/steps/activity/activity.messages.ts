import { defineMessages } from "../../i18n/translator";

// English inline; every other language in its own file, loaded only for pages in that language.
const en = {
  intro: "Purchases, deposits, withdrawals and fees, newest first.",
  show: "Show",
  "filter.all": "All activity",
  "filter.spend": "Purchases",
  "filter.collateral": "Deposits and withdrawals",
  "filter.payment": "Payments",
  "filter.fee": "Fees",
  "type.spend": "Purchase",
  "type.collateral.in": "Deposit",
  "type.collateral.out": "Withdrawal from your wallet",
  "type.payment": "Payment",
  "type.fee": "Fee",
  "status.pending": "Pending",
  "status.posted": "Posted",
  "status.declined": "Declined",
  "status.reversed": "Reversed",
  "status.completed": "Completed",
  "status.other": "In progress",
  refresh: "Refresh",
  refreshed: "Activity updated.",
  list: "Transactions",
  empty: "No activity yet. Your purchases, deposits and withdrawals will show here.",
  emptyFiltered: "Nothing of this kind yet.",
  more: "Show more",
  loadingMore: "Loading more…",
  loaded: { one: "{count} more shown.", other: "{count} more shown." },
  end: "That’s everything.",
};

export type ActivityMessages = typeof en;

export const activityMessages = defineMessages<ActivityMessages>("activity", {
  en,
  es: () => import("./activity.messages.es").then((m) => m.es),
  "pt-BR": () => import("./activity.messages.pt-BR").then((m) => m.ptBR),
  fr: () => import("./activity.messages.fr").then((m) => m.fr),
  de: () => import("./activity.messages.de").then((m) => m.de),
});
