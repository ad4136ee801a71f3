// @ts-check
/**
 * Pick the user to act on and decide their identity verification, as the KYC provider would.
 */
import { act, button, field, h, money, shortAddress, statusLine, uid } from "./dom.js";

/** @typedef {import("./state.js").ToolsState} ToolsState @typedef {import("./api.js").SandboxApi} SandboxApi */

const KYC_DECISIONS = [
  { status: "approved", text: "Approve", variant: "sbx-button--primary" },
  { status: "needs_information", text: "Needs information", variant: "" },
  { status: "manual_review", text: "Manual review", variant: "" },
  { status: "denied", text: "Deny", variant: "sbx-button--danger" },
];

/** @param {import("./api.js").SandboxUser} user */
const userName = (user) => user.email ?? `${user.userId.slice(0, 12)}… (no KYC email yet)`;

/**
 * @param {{ api: SandboxApi, state: ToolsState, refresh: () => Promise<void> }} ctx
 */
export function usersSection({ api, state, refresh }) {
  const picker = h("select", {
    onchange: () => {
      state.pinnedUserId = picker.value || null;
      void refresh();
    },
  });
  const summary = h("dl", { class: "sbx-facts" });
  const empty = h("p", { class: "sbx-empty" }, "No user yet. Sign in on the card: the user appears here once the Worker has linked them.");
  const reason = h("input", { type: "text", maxlength: "500", autocomplete: "off", placeholder: "e.g. The document photo is blurred" });
  const status = statusLine();
  const decisions = h(
    "div",
    { class: "sbx-actions", role: "group", "aria-label": "KYC decision" },
    KYC_DECISIONS.map(({ status: kycStatus, text, variant }) => {
      const trigger = button(text, () =>
        act(trigger, status, `${text}…`, async () => {
          const user = state.user;
          if (!user) throw new Error("Pick a user first.");
          await api.decideKyc(user.userId, kycStatus, reason.value.trim() || null);
          await refresh();
          return `KYC for ${userName(user)} is now ${kycStatus.replaceAll("_", " ")}. The card picks it up on its next status check.`;
        }),
      variant);
      return trigger;
    }),
  );
  const body = h("div", { class: "sbx-stack" }, summary, field("Reason shown to the user (optional)", reason), decisions, status.element);
  const titleId = uid("title");
  const element = h(
    "section",
    { class: "sbx-section", "aria-labelledby": titleId },
    h("h2", { id: titleId }, "User and KYC"),
    field("Act on", picker, "Follows the user signed in on this page unless you pick one."),
    empty,
    body,
  );

  let optionsSignature = "";
  /** @param {string} term @param {string} value */
  const fact = (term, value) => [h("dt", {}, term), h("dd", {}, value)];

  return {
    element,
    update() {
      const signature = JSON.stringify([state.pinnedUserId, state.users.map((u) => [u.userId, u.email, u.kycStatus])]);
      if (signature !== optionsSignature) {
        optionsSignature = signature;
        picker.replaceChildren(
          h("option", { value: "" }, "Signed-in or newest user (automatic)"),
          ...state.users.map((u) => h("option", { value: u.userId }, `${userName(u)} · ${u.kycStatus.replaceAll("_", " ")}`)),
        );
        picker.value = state.pinnedUserId ?? "";
      }
      const user = state.user;
      empty.hidden = Boolean(user);
      body.hidden = !user;
      if (!user) return;
      const collateral = user.collateral
        ? `v${user.collateral.version} ${user.collateral.version === 1 ? "controller" : "coordinator"} · ${shortAddress(user.collateral.address)}`
        : "none yet";
      summary.replaceChildren(
        ...fact("User", userName(user)),
        ...fact("Machines id", user.userId),
        ...fact("KYC", `${user.kycStatus.replaceAll("_", " ")}${user.agreementsAccepted ? " · agreements accepted" : ""}`),
        ...fact("Collateral", collateral),
        ...fact("Credit limit", money(user.balances.creditLimit)),
        ...fact("Spending power", money(user.balances.spendingPower)),
      );
    },
  };
}
