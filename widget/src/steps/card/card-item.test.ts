import { expect, fixture, html } from "@open-wc/testing";
import { render } from "lit";
import type { Card } from "@machines-card/contract/api/cards";
import { coreCatalogs } from "../../i18n/core-messages";
import { createI18n } from "../../i18n/translator";
import { cardItem, type CardItemHandlers } from "./card-item";
import { cardMessages } from "./card.messages";

// A card status Machines may add (its status list is open): the row says "in progress", never blank,
// and offers what it offers a card not activated yet.
const i18n = createI18n("en-US", "en", { core: coreCatalogs as never });
const CARD = {
  id: "card_0123456789",
  status: "frozen",
  brand: "VISA",
  last4: "4242",
  expirationMonth: 4,
  expirationYear: 2031,
  label: "Travel",
  limit: null,
  createdAt: null,
} as unknown as Card;
const none = () => undefined;
const on: CardItemHandlers = { reveal: none, hide: none, setStatus: none, editLimit: none, saveLimit: none, discardLimit: none, askCancel: none, cancel: none, keep: none };

describe("card step: a card whose status it does not know", () => {
  it("reads as in progress, without lock or unlock", async () => {
    const host = await fixture<HTMLElement>(html`<ul></ul>`);
    const t = (key: keyof typeof cardMessages.en & string, values?: Record<string, string | number>) => i18n.t(cardMessages, key, values);
    const state = { busy: null, editingLimit: false, limitError: undefined, confirmingCancel: false, error: undefined, frame: null };
    render(cardItem(t, i18n, CARD, state, on), host);
    expect(host.querySelector(".badge")!.textContent).to.equal("In progress");
    expect(host.querySelector(".badge")!.className).to.contain("neutral");
    expect([...host.querySelectorAll("button")].map((b) => b.dataset.action)).to.deep.equal(["reveal", "limit", "cancel"]);
  });
});
