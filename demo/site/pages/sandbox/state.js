// @ts-check
/**
 * What the sandbox tools know between polls: the users, which one the tester is acting on, and what
 * the card on this page announced (its `mc-*` events carry card and deposit ids the controls need).
 */

/**
 * @typedef {import("./api.js").SandboxUser} SandboxUser
 * @typedef {import("./api.js").SandboxUserDetail} SandboxUserDetail
 * @typedef {{ cardId: string, last4?: string, label?: string | null }} KnownCard
 */

export function createToolsState() {
  return {
    /** @type {SandboxUser[]} */
    users: [],
    /** Chosen by the tester; null follows the signed-in (or newest) user. @type {string | null} */
    pinnedUserId: null,
    /** @type {SandboxUser | null} */
    user: null,
    /** @type {SandboxUserDetail | null} */
    detail: null,
    /** The email the card on this page signed in with (`mc-signed-in`). @type {string | null} */
    signedInEmail: null,
    /** Cards announced by `mc-card-created` or listed by the sandbox, newest first. @type {KnownCard[]} */
    cards: [],
    /** Deposits announced by `mc-deposit-created`. @type {string[]} */
    announcedDeposits: [],
  };
}

/** @typedef {ReturnType<typeof createToolsState>} ToolsState */

/**
 * The user the tools act on: the tester's choice, else the user whose KYC email is the one signed in
 * on this page, else the newest user (the one who just signed in, before KYC records an email).
 * @param {ToolsState} state
 */
export function chooseUser(state) {
  const { users } = state;
  const pinned = users.find((u) => u.userId === state.pinnedUserId);
  if (pinned) return pinned;
  const email = state.signedInEmail?.toLowerCase();
  const signedIn = email ? users.find((u) => u.email?.toLowerCase() === email) : undefined;
  if (signedIn) return signedIn;
  return [...users].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0] ?? null;
}

/** @param {ToolsState} state @param {KnownCard} card */
export function rememberCard(state, card) {
  state.cards = [card, ...state.cards.filter((c) => c.cardId !== card.cardId)];
}

/** @param {ToolsState} state @param {SandboxUserDetail | null} detail */
export function setDetail(state, detail) {
  state.detail = detail;
  // Forward-compatible: when the sandbox lists a user's cards, they join the ones the page announced.
  for (const card of [...(detail?.cards ?? [])].reverse()) if (!state.cards.some((c) => c.cardId === card.cardId)) state.cards.push(card);
}
