import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { routes } from "@machines-card/contract/api/routes";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { stack, type StackUrls } from "#test/services";
import { recordPurchase, sandboxUser, type SandboxUser } from "#test/sandbox";
import { renderStep, type StepFixtureOptions } from "#test/step-fixture";
import type { ActivityStep } from "./activity-step";

// Activity against the real stack: a funded user with a card and purchases recorded through the sandbox.
let services: StackUrls;
let shopper: SandboxUser;
let cardId: string;

before(async function () {
  this.timeout(120_000);
  const running = await stack();
  if (!running) this.skip();
  services = running!;
  shopper = await sandboxUser(services, { fundCents: 500_00 });
  const idempotencyKey = newIdempotencyKey();
  const create = () => shopper.client.call(routes.createCard, { body: { label: "Shopping" }, idempotencyKey });
  // Another test file may have a fault on card creation armed: the same key makes a retry safe.
  cardId = (await create().catch(create)).card.id;
  await recordPurchase(services, cardId, 12_34, "Corner Café");
  await recordPurchase(services, cardId, 45_00, "Book Nook");
  await recordPurchase(services, cardId, 7_50, "Metro", false);
});

async function setup(user: SandboxUser, options: StepFixtureOptions = {}) {
  const rendered = await renderStep<ActivityStep>("activity", { workerUrl: services.workerUrl, token: user.token, state: user.state, ...options });
  const root = rendered.step.shadowRoot!;
  await waitUntil(() => !root.querySelector(".skeleton"), "the activity should load", { timeout: 10_000 });
  const rows = () => [...root.querySelectorAll<HTMLElement>("li.tx")];
  return { ...rendered, root, rows, $: <E extends HTMLElement = HTMLElement>(s: string) => root.querySelector<E>(s) };
}

describe("activity step", function () {
  this.timeout(30_000);

  it("lists purchases and collateral, newest first, with merchant, amount, status and date, accessibly", async () => {
    const s = await setup(shopper);
    await expect(s.host).to.be.accessible();
    expect(s.$("h2")!.textContent).to.equal("Activity");
    const rows = s.rows();
    expect(rows.map((r) => r.dataset.type)).to.deep.equal(["spend", "spend", "spend", "collateral"]);
    expect(rows[0]!.textContent).to.contain("Metro").and.contain("-$7.50").and.contain("Pending").and.contain("Purchase");
    expect(rows[2]!.textContent).to.contain("Corner Café").and.contain("-$12.34").and.contain("Posted");
    expect(rows[3]!.textContent).to.contain("Deposit").and.contain("+$500.00");
    const time = rows[2]!.querySelector("time")!;
    expect(new Date(time.getAttribute("datetime")!).getTime()).to.be.closeTo(Date.now(), 10 * 60_000);
    expect(time.textContent).to.match(/\d{4}/);
  });

  it("filters by type", async () => {
    const s = await setup(shopper);
    const select = s.$<HTMLSelectElement>("#activity-filter")!;
    select.focus();
    select.value = "collateral";
    select.dispatchEvent(new Event("change"));
    await waitUntil(() => s.rows().length === 1, "only collateral should show", { timeout: 10_000 });
    expect(s.rows()[0]!.dataset.type).to.equal("collateral");
    select.value = "fee";
    select.dispatchEvent(new Event("change"));
    await waitUntil(() => s.$(".empty"), "no fees: an empty state", { timeout: 10_000 });
    expect(s.$(".empty")!.textContent).to.equal("Nothing of this kind yet.");
  });

  it("loads more with the cursor, and moves focus to the first new row", async () => {
    const s = await setup(shopper, {});
    s.step.pageSize = 2;
    await waitUntil(() => s.rows().length === 2 && s.$("[data-action=more]"), "two rows and a Show more button", { timeout: 10_000 });
    s.$("[data-action=more]")!.focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.rows().length === 4, "the next page should be added", { timeout: 10_000 });
    expect(new Set(s.rows().map((r) => r.dataset.transactionId)).size).to.equal(4);
    expect(s.root.activeElement).to.equal(s.rows()[2]);
    expect(s.recorder.announcements).to.include("2 more shown.");
    if (s.$("[data-action=more]")) {
      s.$("[data-action=more]")!.click();
      await waitUntil(() => !s.$("[data-action=more]"), "the last page ends the list", { timeout: 10_000 });
    }
    expect(s.rows()).to.have.length(4);
    expect(s.root.textContent).to.contain("That’s everything.");
  });

  it("shows a new purchase after Refresh, and says so", async () => {
    const user = await sandboxUser(services, { fundCents: 100_00 });
    const { card } = await user.client.call(routes.createCard, { body: {}, idempotencyKey: newIdempotencyKey() });
    const s = await setup(user);
    expect(s.rows()).to.have.length(1);
    await recordPurchase(services, card.id, 3_00, "Kiosk");
    s.$("[data-action=refresh]")!.click();
    await waitUntil(() => s.rows().length === 2, "the purchase should appear", { timeout: 10_000 });
    expect(s.rows()[0]!.textContent).to.contain("Kiosk");
    expect(s.recorder.announcements).to.include("Activity updated.");
  });

  it("has an empty state for a new user", async () => {
    const s = await setup(await sandboxUser(services));
    expect(s.$(".empty")!.textContent).to.contain("No activity yet");
    await expect(s.host).to.be.accessible();
  });

  it("shows a failure with a way to try again", async () => {
    const { step, host } = await renderStep<ActivityStep>("activity", { workerUrl: "http://127.0.0.1:9", token: async () => "t" });
    await waitUntil(() => step.shadowRoot!.querySelector("[role=alert]"), "the error should show", { timeout: 10_000 });
    expect(step.shadowRoot!.querySelector("[role=alert]")!.textContent).to.contain("Try again");
    await expect(host).to.be.accessible();
  });

  it("speaks Spanish with Spanish money, in the dark theme", async () => {
    const s = await setup(shopper, { locale: "es-ES" });
    expect(s.$("h2")!.textContent).to.equal("Movimientos");
    expect(s.rows()[2]!.textContent).to.contain("Compra").and.contain("12,34");
    const frame = document.createElement("div");
    frame.className = "frame";
    s.host.shadowRoot!.append(frame);
    frame.append(s.step);
    s.host.setAttribute("theme", "dark");
    await expect(s.host).to.be.accessible();
  });
});
