// @ts-check
/**
 * Money a tester moves by hand: complete a deposit (bookkeeping, as Machines would on seeing funds),
 * fund the user's collateral with test dollars on the local chain (withdrawable), record a card purchase.
 */
import { act, button, centsFrom, field, h, money, shortAddress, statusLine, uid } from "./dom.js";

/** @typedef {import("./state.js").ToolsState} ToolsState @typedef {import("./api.js").SandboxApi} SandboxApi */

const OPEN_DEPOSIT = new Set(["awaitingDeposit", "processing"]);

/** @param {string} text @param {string} what @returns {number | undefined} cents; undefined when left blank */
function optionalAmount(text, what) {
  const cents = centsFrom(text);
  if (Number.isNaN(cents) || cents === 0) throw new Error(`${what}: enter an amount in dollars, like 25 or 25.50.`);
  return cents;
}

/** @param {string} text @param {string} what @returns {number} cents */
function amount(text, what) {
  const cents = optionalAmount(text, what);
  if (cents === undefined) throw new Error(`${what}: enter an amount in dollars, like 25 or 25.50.`);
  return cents;
}

/** @param {{ api: SandboxApi, state: ToolsState, refresh: () => Promise<void> }} ctx */
export function moneySection({ api, state, refresh }) {
  const needUser = () => {
    if (!state.user) throw new Error("Pick a user first.");
    return state.user;
  };

  // ── complete a deposit
  const deposit = h("select", {});
  const depositAmount = h("input", { type: "text", inputmode: "decimal", autocomplete: "off", placeholder: "amount asked for, else 100" });
  const depositStatus = statusLine();
  const complete = button("Complete deposit", () =>
    act(complete, depositStatus, "Completing the deposit…", async () => {
      if (!deposit.value) throw new Error("There is no open deposit: create one in the card's Deposit step first.");
      const data = await api.completeDeposit(deposit.value, optionalAmount(depositAmount.value, "Deposit"));
      await refresh();
      return `Deposit completed. Credit limit ${money(data.balances?.creditLimit)}, spending power ${money(data.balances?.spendingPower)}.`;
    }),
  "sbx-button--primary");

  // ── faucet
  const faucetAmount = h("input", { type: "text", inputmode: "decimal", autocomplete: "off", value: "1000" });
  const faucetStatus = statusLine();
  const fund = button("Fund collateral", () =>
    act(fund, faucetStatus, "Minting test dollars…", async () => {
      const user = needUser();
      const data = await api.fundCollateral(user.userId, amount(faucetAmount.value, "Faucet"));
      await refresh();
      const tx = data.txHash ? ` in ${shortAddress(data.txHash)}` : "";
      return `Minted ${money(data.amountCents)} into ${shortAddress(data.collateralAddress)}${tx}; the balance rises once the chain watcher sees it.`;
    }),
  "sbx-button--primary");

  // ── purchase
  const cardsList = h("datalist", { id: uid("cards") });
  const card = h("input", { type: "text", autocomplete: "off", list: cardsList.id, spellcheck: "false" });
  const purchaseAmount = h("input", { type: "text", inputmode: "decimal", autocomplete: "off", value: "24.90" });
  const merchant = h("input", { type: "text", maxlength: "100", autocomplete: "off", value: "Corner Bookshop" });
  const posted = h("input", { type: "checkbox", id: uid("posted") });
  const purchaseStatus = statusLine();
  const record = button("Record purchase", () =>
    act(record, purchaseStatus, "Recording the purchase…", async () => {
      const cardId = card.value.trim();
      if (!cardId) throw new Error("No card yet: create one in the card's Card step, or paste a card id.");
      const amountCents = amount(purchaseAmount.value, "Purchase");
      await api.recordPurchase({ cardId, amountCents, merchantName: merchant.value.trim() || undefined, posted: posted.checked });
      await refresh();
      return `${money(amountCents)} at ${merchant.value.trim() || "Sandbox Merchant"} recorded ${posted.checked ? "and posted" : "as pending"}. It shows in the card's activity.`;
    }),
  "sbx-button--primary");

  const depositTitle = uid("title");
  const faucetTitle = uid("title");
  const purchaseTitle = uid("title");
  const element = h(
    "div",
    { class: "sbx-group" },
    h("section", { class: "sbx-section", "aria-labelledby": depositTitle },
      h("h2", { id: depositTitle }, "Complete a deposit"),
      h("p", { class: "sbx-help" }, "Marks the deposit as received and credits it, as Machines does when funds arrive. No tokens move: to withdraw later, fund the collateral too."),
      field("Deposit", deposit),
      field("Amount in US dollars (optional)", depositAmount),
      h("div", { class: "sbx-actions" }, complete),
      depositStatus.element),
    h("section", { class: "sbx-section", "aria-labelledby": faucetTitle },
      h("h2", { id: faucetTitle }, "Fund the collateral"),
      h("p", { class: "sbx-help" }, "Mints test dollars on the local chain into the user's collateral: a real transfer, withdrawable later. It also moves an awaiting deposit."),
      field("Amount in US dollars", faucetAmount),
      h("div", { class: "sbx-actions" }, fund),
      faucetStatus.element),
    h("section", { class: "sbx-section", "aria-labelledby": purchaseTitle },
      h("h2", { id: purchaseTitle }, "Record a card purchase"),
      field("Card id", card, "Filled in when the card on this page creates a card."),
      cardsList,
      h("div", { class: "sbx-row" }, field("Amount in US dollars", purchaseAmount), field("Merchant", merchant)),
      h("div", { class: "sbx-check" }, posted, h("label", { for: posted.id }, "Post at once (otherwise pending for a few seconds)")),
      h("div", { class: "sbx-actions" }, record),
      purchaseStatus.element),
  );

  let depositSignature = "";
  let cardSignature = "";
  return {
    element,
    update() {
      const deposits = (state.detail?.deposits ?? []).filter((d) => OPEN_DEPOSIT.has(d.status));
      const nextDeposits = JSON.stringify(deposits.map((d) => [d.id, d.status]));
      if (nextDeposits !== depositSignature) {
        depositSignature = nextDeposits;
        const chosen = deposit.value;
        const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
        deposit.replaceChildren(
          ...(deposits.length
            ? deposits.map((d) => h("option", { value: d.id }, `${d.fromCurrency.toUpperCase()} on ${d.fromNetwork} · ${d.status === "processing" ? "processing" : "awaiting funds"} · ${time.format(new Date(d.createdAt))}`))
            : [h("option", { value: "" }, "No open deposit")]),
        );
        if (deposits.some((d) => d.id === chosen)) deposit.value = chosen;
      }
      const nextCards = JSON.stringify(state.cards.map((c) => c.cardId));
      if (nextCards !== cardSignature) {
        const previousNewest = cardSignature ? JSON.parse(cardSignature)[0] : undefined;
        cardSignature = nextCards;
        cardsList.replaceChildren(...state.cards.map((c) => h("option", { value: c.cardId }, [c.label, c.last4 && `•••• ${c.last4}`].filter(Boolean).join(" "))));
        // A new card fills the field, unless the tester typed another one in the meantime.
        const newest = state.cards[0]?.cardId;
        if (newest && (card.value === "" || card.value === previousNewest)) card.value = newest;
      }
    },
  };
}
