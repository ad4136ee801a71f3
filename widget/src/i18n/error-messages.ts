import { defineMessages } from "./translator";

/**
 * The sentence for each error code the widget can meet (the Worker's, the client's, the wallet's), read
 * by `i18n.error()`. Its own chunk, loaded once someone has signed in (every step past sign-in may show
 * one); until then, and for a code not here, the element's `error.default` sentence stands in.
 */
const en = {
  network_error: "We couldn’t reach the server. Check your connection and try again.",
  timeout: "The server took too long to answer. Try again.",
  invalid_response: "The server answered in a way we didn’t expect. Try again in a moment.",
  invalid_request: "Some details are not valid. Check the highlighted fields.",
  unauthorized: "Your session ended. Sign in again.",
  token_expired: "Your session ended. Sign in again.",
  forbidden: "You don’t have access to this.",
  not_found: "We couldn’t find that. It may have been removed.",
  kyc_required: "Verify your identity first.",
  agreements_required: "Accept the agreements first.",
  invalid_state: "This can’t be done right now. Refresh and try again.",
  idempotency_conflict: "This request was already sent with other details. Start again.",
  insufficient_collateral: "Your balance doesn’t cover this amount.",
  withdrawal_expired: "The withdrawal’s signature expired before it was sent. Start a new withdrawal.",
  withdrawal_amount_mismatch: "Machines quoted a different amount than you asked for; nothing was signed.",
  withdrawal_asset_mismatch: "Machines prepared a withdrawal of a different token than your balance holds; nothing was signed.",
  withdrawal_call_target_mismatch: "Machines asked your wallet to call a contract we don’t recognise; nothing was signed.",
  withdrawal_destination_mismatch: "Machines prepared a payment to a different address than the one you entered; nothing was signed.",
  withdrawal_simulation_mismatch: "A test run showed the withdrawal would move different funds than you asked for; nothing was signed.",
  rate_limited: "Too many attempts. Wait a moment and try again.",
  upstream_unavailable: "Our card provider isn’t answering right now. Try again in a moment.",
  upstream_timeout: "Our card provider took too long to answer. Try again in a moment.",
  upstream_rate_limited: "Our card provider is busy. Try again in a moment.",
  upstream_invalid_response: "Our card provider answered unexpectedly. Try again in a moment.",
  chain_unavailable: "The blockchain network isn’t answering right now. Try again in a moment.",
  wallet_unavailable: "Your wallet isn’t available right now. Try again in a moment.",
  configuration_error: "The card service isn’t set up correctly. Contact the site owner.",
  user_rejected: "You declined the request in your wallet.",
  wrong_account: "Your wallet is on another account. Switch to the account shown and try again.",
  wrong_chain: "Your wallet is on another network. Switch networks and try again.",
  wallet_error: "Your wallet reported a problem. Try again.",
};

export type ErrorMessages = typeof en;
export const errorMessages = defineMessages<ErrorMessages>("errors", {
  en,
  es: () => import("./error-messages.es").then((m) => m.es),
  "pt-BR": () => import("./error-messages.pt-BR").then((m) => m.ptBR),
  fr: () => import("./error-messages.fr").then((m) => m.fr),
  de: () => import("./error-messages.de").then((m) => m.de),
});
