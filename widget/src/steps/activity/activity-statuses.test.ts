import { expect, waitUntil } from "@open-wc/testing";
import type { Transaction } from "@machines-card/contract/api/transactions";
import { fakeWorker } from "#test/fake-worker";
import { renderStep } from "#test/step-fixture";
import type { ActivityStep } from "./activity-step";

// Transaction statuses are free text upstream ("posted" is the only one documented): one the step does
// not know reads as in progress, in the page's language, never as the raw word or a blank.
const TX: Transaction = {
  transactionId: "txn_unknown_status",
  type: "spend",
  status: "settling",
  amountCents: 1299,
  currency: "USD",
  merchantName: "Example Merchant",
  cardId: null,
  createdAt: "2026-11-21T06:00:00.000Z",
};

async function show(locale: string) {
  const fetch = fakeWorker({ "GET /v1/transactions": { transactions: [TX], nextCursor: null } });
  const rendered = await renderStep<ActivityStep>("activity", { state: { user: { id: "u1", email: null } }, fetch, locale });
  const root = rendered.step.shadowRoot!;
  await waitUntil(() => root.querySelector("li.tx"), "the activity should load", { timeout: 5000 });
  return { ...rendered, root };
}

describe("activity step: a status it does not know", () => {
  it("reads as in progress", async () => {
    const s = await show("en");
    expect(s.root.querySelector("li.tx .badge")!.textContent).to.equal("In progress");
    expect(s.root.querySelector("li.tx")!.textContent).not.to.contain("settling");
    expect(s.recorder.events).to.deep.equal([]);
    await expect(s.host).to.be.accessible();
  });

  it("in Spanish too", async () => {
    const s = await show("es");
    expect(s.root.querySelector("li.tx .badge")!.textContent).to.equal("En curso");
  });
});
