/**
 * The element's own strings (frame, progress, configuration problems, common errors), in English.
 * Other languages live in `core-messages.<lang>.ts`, loaded only for pages in that language; each
 * step keeps its own strings in its folder, loaded with the step.
 */
export const coreMessages = {
  "widget.label": "Card account",
  "step.sign-in": "Sign in",
  "step.kyc": "Identity",
  "step.agreements": "Agreements",
  "step.deposit": "Deposit",
  "step.card": "Card",
  "step.withdraw": "Withdraw",
  "step.activity": "Activity",
  "progress.label": "Steps",
  "progress.done": "done",
  "progress.locked": "not available yet",
  "announce.step": "Step {index} of {total}: {name}",
  "badge.sandbox": "Sandbox",
  "badge.sandboxHint": "Test mode: no real money moves",
  "signOut": "Sign out",
  "signedInAs": "Signed in as {email}",
  "loading": "Loading…",
  "loadingStep": "Loading {name}…",
  "retry": "Try again",
  "dismiss": "Dismiss",
  "reference": "Reference: {requestId}",
  "stepLoadFailed": "This step could not load. Check your connection and try again.",
  "sessionExpired": "Your session ended. Sign in again to continue.",
  "blocked.title": "This card can’t start yet",
  "blocked.help": "A setup problem for the site’s developers:",
  "warnings.title": "Setup warnings for the site’s developers",
  "locked.sign-in": "Sign in first.",
  "locked.kyc": "Verify your identity first.",
  "locked.agreements": "Accept the agreements first.",
  "locked.missingStep": "This page does not offer the {name} step, which comes first. Contact the site owner.",
  "problem.api_base_missing":
    "The api-base attribute is missing. Set it to your Worker's URL, for example <machines-card api-base=\"https://card.example.workers.dev\">.",
  "problem.api_base_invalid":
    "api-base=\"{value}\" is not an absolute http(s) URL. Set it to your Worker's URL, for example https://card.example.workers.dev.",
  "problem.api_base_insecure":
    "api-base=\"{value}\" uses http:// on an https:// page, which browsers block. Use the Worker's https:// URL.",
  "problem.invalid_choice": "{attribute}=\"{value}\" is not one of {allowed}; using {fallback}.",
  "problem.unknown_steps": "steps names unknown steps ({value}); they are left out. Known steps: {allowed}.",
  "problem.no_steps": "steps=\"{value}\" names no known step, so every step is shown. Known steps: {allowed}.",
  "problem.brand_color_invalid": "brand-color=\"{value}\" is not a hex colour such as #4f46e5; using the default colour.",
  "problem.locale_unsupported": "locale=\"{value}\" is not translated, so English is shown. Translated: {allowed}.",
  "problem.card_limit_invalid": "card-limit=\"{value}\" is not an amount in US dollars between 1 and 1000000; no default limit is set.",
  "problem.card_label_invalid": "card-label must be 1 to 50 characters; no default label is set.",
  "problem.asset_code_invalid": "{attribute}=\"{value}\" is not a currency or network code such as usdc or base; it is ignored.",
  "problem.worker_unreachable":
    "Could not reach the Worker at {apiBase}. Check that api-base is your Worker's URL, that the Worker is running, and that its ALLOWED_ORIGINS includes this page's origin ({origin}).",
  "problem.worker_invalid":
    "{apiBase} answered GET /v1/config with something that is not a machines-card Worker ({detail}). Check that api-base is your Worker's URL.",
  "problem.origin_not_allowed":
    "The Worker at {apiBase} does not accept requests from this page's origin ({origin}). Add {origin} to the Worker's ALLOWED_ORIGINS setting and deploy it again.",
  "problem.environment_mismatch":
    "environment=\"{expected}\" but the Worker at {apiBase} runs in {actual}. Point api-base at your {expected} Worker, or set environment=\"{actual}\".",
  "error.network_error": "We couldn’t reach the server. Check your connection and try again.",
  "error.timeout": "The server took too long to answer. Try again.",
  "error.invalid_response": "The server answered in a way we didn’t expect. Try again in a moment.",
  "error.invalid_request": "Some details are not valid. Check the highlighted fields.",
  "error.unauthorized": "Your session ended. Sign in again.",
  "error.token_expired": "Your session ended. Sign in again.",
  "error.forbidden": "You don’t have access to this.",
  "error.not_found": "We couldn’t find that. It may have been removed.",
  "error.kyc_required": "Verify your identity first.",
  "error.agreements_required": "Accept the agreements first.",
  "error.invalid_state": "This can’t be done right now. Refresh and try again.",
  "error.idempotency_conflict": "This request was already sent with other details. Start again.",
  "error.insufficient_collateral": "Your balance doesn’t cover this amount.",
  "error.withdrawal_expired": "The withdrawal’s signature expired before it was sent. Start a new withdrawal.",
  "error.rate_limited": "Too many attempts. Wait a moment and try again.",
  "error.upstream_unavailable": "Our card provider isn’t answering right now. Try again in a moment.",
  "error.upstream_timeout": "Our card provider took too long to answer. Try again in a moment.",
  "error.upstream_rate_limited": "Our card provider is busy. Try again in a moment.",
  "error.upstream_invalid_response": "Our card provider answered unexpectedly. Try again in a moment.",
  "error.chain_unavailable": "The blockchain network isn’t answering right now. Try again in a moment.",
  "error.wallet_unavailable": "Your wallet isn’t available right now. Try again in a moment.",
  "error.configuration_error": "The card service isn’t set up correctly. Contact the site owner.",
  "error.user_rejected": "You declined the request in your wallet.",
  "error.wrong_account": "Your wallet is on another account. Switch to the account shown and try again.",
  "error.wrong_chain": "Your wallet is on another network. Switch networks and try again.",
  "error.wallet_error": "Your wallet reported a problem. Try again.",
  "error.default": "Something went wrong. Try again.",
};

export type CoreMessages = typeof coreMessages;
export type CoreKey = keyof CoreMessages;
