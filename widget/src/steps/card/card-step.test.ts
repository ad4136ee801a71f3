import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { routes } from "@machines-card/contract/api/routes";
import { stack, type StackUrls } from "#test/services";
import { sandboxControl, sandboxUser, type SandboxUser } from "#test/sandbox";
import { renderStep, type StepFixtureOptions } from "#test/step-fixture";
import type { CardStep } from "./card-step";

// The card step against the real stack: sandbox (Machines simulator, chain) and the Worker under wrangler dev.
let services: StackUrls;

before(async function () {
  this.timeout(120_000);
  const running = await stack();
  if (!running) this.skip();
  services = running!;
});

async function setup(o: { user?: SandboxUser; options?: StepFixtureOptions } = {}) {
  const user = o.user ?? (await sandboxUser(services));
  const rendered = await renderStep<CardStep>("card", { workerUrl: services.workerUrl, token: user.token, state: user.state, ...o.options });
  const root = rendered.step.shadowRoot!;
  const $ = <E extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const buttons = () => [...root.querySelectorAll<HTMLButtonElement>("button")];
  const button = (text: string) => buttons().find((b) => b.textContent!.trim() === text);
  await waitUntil(() => !root.querySelector(".skeleton"), "the cards should load", { timeout: 10_000 });
  return { ...rendered, user, root, $, button };
}

async function typeInto(input: HTMLElement, text: string) {
  input.focus();
  (input as HTMLInputElement).select?.();
  await sendKeys({ type: text });
}

const apiCards = async (user: SandboxUser) => (await user.client.call(routes.listCards, {})).cards;

function luhn(pan: string): boolean {
  let sum = 0;
  [...pan].reverse().forEach((d, i) => {
    let n = Number(d);
    if (i % 2) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  });
  return sum % 10 === 0;
}

/** Every attribute value in a shadow tree, nested shadow roots included. */
function allAttributes(root: ShadowRoot | Element): string {
  const out: string[] = [];
  for (const el of root.querySelectorAll("*")) {
    for (const a of el.attributes) out.push(a.value);
    if (el.shadowRoot) out.push(allAttributes(el.shadowRoot as unknown as Element));
  }
  return out.join("\n");
}

async function createCardThroughForm(s: Awaited<ReturnType<typeof setup>>, label: string, amount: string) {
  await typeInto(s.$("#new-label")!, label);
  await typeInto(s.$("#new-amount")!, amount);
  s.$<HTMLSelectElement>("#new-frequency")!.value = "per7DayPeriod";
  s.$("#new-label")!.focus();
  await sendKeys({ press: "Enter" });
  await waitUntil(() => s.root.querySelector("li.card-item"), "the new card should be listed", { timeout: 10_000 });
}

describe("card step", function () {
  this.timeout(40_000);

  it("is accessible, shows the balances and an empty state with the partner's defaults preselected", async () => {
    const s = await setup({ options: { defaults: { cardLabel: "Travel", cardLimit: { amountCents: 50_000, frequency: "per30DayPeriod" } } } });
    await expect(s.host).to.be.accessible();
    expect(s.$("h2")!.textContent).to.equal("Card");
    expect(s.$(".empty")!.textContent).to.contain("don’t have a card yet");
    expect(s.$(".balances")!.textContent).to.contain("Spending power").and.contain("$0.00");
    expect(s.$<HTMLInputElement>("#new-label")!.value).to.equal("Travel");
    expect(s.$<HTMLInputElement>("#new-amount")!.value).to.equal("500");
    expect(s.$<HTMLSelectElement>("#new-frequency")!.value).to.equal("per30DayPeriod");
    expect(s.$("label[for=new-amount]")!.textContent).to.contain("Spending limit");
    expect(s.recorder.updates.some((u) => u.patch?.balances)).to.equal(true);
    // No card yet: the progress indicator does not mark the step done.
    expect(s.recorder.updates.filter((u) => u.patch && "hasCard" in u.patch).map((u) => u.patch!.hasCard)).to.deep.equal([false]);
  });

  it("creates a card with a label and a limit, lists it, and reports mc-card-created without secrets", async () => {
    const s = await setup();
    await createCardThroughForm(s, "Groceries", "250.50");
    const item = s.$("li.card-item")!;
    expect(item.querySelector("h3")!.textContent).to.equal("Groceries");
    expect(item.textContent).to.contain("$250.50 a week").and.contain("Active").and.match(/VISA ending in \d{4}/);
    const [card] = await apiCards(s.user);
    expect(card!.label).to.equal("Groceries");
    expect(card!.limit).to.deep.equal({ amountCents: 25_050, frequency: "per7DayPeriod" });

    const created = s.recorder.events.filter((e) => e.type === "mc-card-created");
    expect(created).to.have.length(1);
    expect(created[0]!.detail).to.deep.equal({ cardId: card!.id, last4: card!.last4, label: "Groceries" });
    expect(s.recorder.updates.at(-1)!.patch).to.deep.equal({ hasCard: true });
    expect(s.recorder.announcements.at(-1)).to.equal(`Your card ending in ${card!.last4} is ready.`);
    expect(s.root.activeElement).to.equal(item.querySelector("h3"));
    await expect(s.host).to.be.accessible();
  });

  it("makes exactly one card when Create is clicked twice", async () => {
    const s = await setup();
    await typeInto(s.$("#new-label")!, "Double");
    const submit = s.button("Create card")!;
    submit.click();
    submit.click();
    await waitUntil(() => s.root.querySelector("li.card-item"), "the card should be listed", { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await apiCards(s.user)).to.have.length(1);
    expect(s.root.querySelectorAll("li.card-item")).to.have.length(1);
  });

  it("retries a failed create with the same Idempotency-Key, so the card made upstream is not made twice", async () => {
    const s = await setup();
    await typeInto(s.$("#new-label")!, "Retry");
    // Machines makes the card but its reply is lost on the way back, twice (the Worker retries once itself).
    await sandboxControl(services, "POST", "/faults", { method: "POST", path: "/cards", kind: "error", status: 502, phase: "after", times: 2, userId: s.user.machinesUserId });
    s.button("Create card")!.click();
    await waitUntil(() => s.root.querySelector("[role=alert]"), "the failure should be shown", { timeout: 10_000 });
    expect(s.root.querySelector("[role=alert]")!.textContent).to.contain("card provider");
    expect(s.recorder.events.some((e) => e.type === "mc-error")).to.equal(true);
    s.button("Create card")!.click();
    await waitUntil(() => s.root.querySelector("li.card-item"), "the retry should list the card", { timeout: 10_000 });
    expect(await apiCards(s.user)).to.have.length(1);
  });

  it("checks the limit with the contract's rules before sending anything", async () => {
    const s = await setup();
    const submitWith = async (amount: string) => {
      s.$<HTMLInputElement>("#new-amount")!.value = "";
      await typeInto(s.$("#new-amount")!, amount);
      await sendKeys({ press: "Enter" });
      await s.step.updateComplete;
      return s.$("#new-amount-error")?.textContent;
    };
    expect(await submitWith("12abc")).to.equal("Enter an amount like 500 or 250.50.");
    expect(s.$("#new-amount")!.getAttribute("aria-invalid")).to.equal("true");
    expect(await submitWith("0")).to.equal("The limit must be at least $0.01.");
    expect(await submitWith("1000000.01")).to.equal("The limit can be at most $1,000,000.00.");
    expect(s.recorder.announcements).to.include("The limit can be at most $1,000,000.00.");
    expect(await apiCards(s.user)).to.have.length(0);
  });

  it("locks and unlocks a card, and changes its limit", async () => {
    const s = await setup();
    await createCardThroughForm(s, "Locks", "100");
    s.$<HTMLButtonElement>("[data-action=lock]")!.click();
    await waitUntil(() => s.$("li.card-item")!.dataset.status === "locked", "the card should show locked", { timeout: 10_000 });
    expect(s.$(".badge")!.textContent).to.equal("Locked");
    expect((await apiCards(s.user))[0]!.status).to.equal("locked");
    await waitUntil(() => s.root.activeElement === s.$("[data-action=unlock]"), "focus should stay on the toggle");

    s.$<HTMLButtonElement>("[data-action=unlock]")!.click();
    await waitUntil(() => s.$("li.card-item")!.dataset.status === "active", "the card should show active", { timeout: 10_000 });
    expect((await apiCards(s.user))[0]!.status).to.equal("active");

    s.$<HTMLButtonElement>("[data-action=limit]")!.click();
    const id = s.$("li.card-item")!.dataset.cardId!;
    await waitUntil(() => s.root.activeElement?.id === `limit-${id}-amount`, "focus should move to the amount");
    await typeInto(s.root.activeElement as HTMLElement, "75");
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.$("li.card-item")!.textContent!.includes("$75.00 a week"), "the new limit should show", { timeout: 10_000 });
    expect((await apiCards(s.user))[0]!.limit).to.deep.equal({ amountCents: 7_500, frequency: "per7DayPeriod" });
    await expect(s.host).to.be.accessible();
  });

  it("cancels a card only after confirmation", async () => {
    const s = await setup();
    await createCardThroughForm(s, "Old", "10");
    s.$<HTMLButtonElement>("[data-action=cancel]")!.click();
    await waitUntil(() => s.root.activeElement === s.$("[data-action=confirm-cancel]"), "focus should move to the confirmation");
    expect(s.$(".confirm")!.textContent).to.contain("can’t be undone");
    s.button("Keep card")!.click();
    await waitUntil(() => s.root.activeElement === s.$("[data-action=cancel]"), "focus should return to Cancel card");
    expect((await apiCards(s.user))[0]!.status).to.equal("active");

    s.$<HTMLButtonElement>("[data-action=cancel]")!.click();
    await waitUntil(() => s.$("[data-action=confirm-cancel]"));
    s.$<HTMLButtonElement>("[data-action=confirm-cancel]")!.click();
    await waitUntil(() => s.$("li.card-item")!.dataset.status === "canceled", "the card should show canceled", { timeout: 10_000 });
    expect((await apiCards(s.user))[0]!.status).to.equal("canceled");
    expect(s.$("li.card-item [data-action]")).to.equal(null);
    // No live card left: the create form is back, and the step is no longer done.
    expect(s.$("#new-label")).not.to.equal(null);
    expect(s.recorder.updates.at(-1)!.patch).to.deep.equal({ hasCard: false });
  });

  /** Clicks Show details and waits until the Worker's frame says it shows them (the button turns into Hide details). */
  async function reveal(s: Awaited<ReturnType<typeof setup>>) {
    s.$<HTMLButtonElement>("[data-action=reveal]")!.click();
    await waitUntil(() => s.$("[data-action=reveal]")?.getAttribute("aria-expanded") === "true", "the frame should show the details", { timeout: 20_000 });
    return s.$<HTMLIFrameElement>("iframe.reveal-frame")!;
  }

  it("shows the details in the Worker's frame, never in this page, sized to them, then hides them after the countdown", async function () {
    this.timeout(60_000);
    const s = await setup();
    localStorage.clear();
    sessionStorage.clear();
    await createCardThroughForm(s, "Secret", "20");
    const [card] = await apiCards(s.user);
    // What the frame shows, read here through the JSON reveal only to look for it in the page.
    const { pan, cvc } = await s.user.client.call(routes.revealCard, { params: { cardId: card!.id }, body: {} });
    expect(luhn(pan)).to.equal(true);
    s.step.revealSeconds = 5;
    const frame = await reveal(s);

    const src = new URL(frame.src);
    expect(src.origin).to.equal(new URL(services.workerUrl).origin);
    expect(src.pathname).to.equal("/reveal");
    expect(frame.title).to.equal("Card details");
    expect(frame.getAttribute("allow")).to.equal("clipboard-write");
    expect(frame.getAttribute("sandbox")).to.equal("allow-scripts allow-same-origin");
    expect(frame.getAttribute("referrerpolicy")).to.equal("origin");
    await waitUntil(() => frame.getBoundingClientRect().height > 60, "the frame should be sized to its content", { timeout: 5_000 });
    // Another origin: this page cannot look inside.
    expect(frame.contentDocument).to.equal(null);
    expect(() => frame.contentWindow!.document).to.throw();
    const revealed = s.recorder.events.filter((e) => e.type === "mc-card-revealed");
    expect(revealed.map((e) => e.detail)).to.deep.equal([{ cardId: card!.id, last4: card!.last4 }]);
    await expect(s.host).to.be.accessible();

    // Not in the page: no text, attribute, event detail or storage holds the number or the CVC.
    const grouped = pan.replace(/(\d{4})(?=\d)/g, "$1 ");
    const traces = [s.root.textContent ?? "", allAttributes(s.root), document.documentElement.outerHTML, JSON.stringify(s.recorder.events.map((e) => e.detail)), JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const trace of traces) expect(trace).not.to.contain(pan).and.not.to.contain(grouped).and.not.to.contain(`CVC ${cvc}`);

    await waitUntil(() => !s.$("iframe.reveal-frame"), "the details should hide after the countdown", { timeout: 10_000 });
    const hidden = s.recorder.events.filter((e) => e.type === "mc-card-hidden");
    expect(hidden.map((e) => e.detail)).to.deep.equal([{ cardId: card!.id, reason: "timeout" }]);
    expect(s.recorder.announcements).to.include("Card details hidden.");
    expect(s.$("[data-action=reveal]")!.textContent!.trim()).to.equal("Show details");
  });

  it("hides the details at once with Hide, when the page is hidden, and when the step leaves", async function () {
    this.timeout(60_000);
    const s = await setup();
    await createCardThroughForm(s, "Hide", "20");
    await reveal(s);
    s.$<HTMLButtonElement>("[data-action=reveal]")!.click(); // now "Hide details"
    await s.step.updateComplete;
    expect(s.$("iframe.reveal-frame")).to.equal(null);
    expect(s.recorder.events.filter((e) => e.type === "mc-card-hidden").at(-1)!.detail.reason).to.equal("user");

    await reveal(s);
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, "visibilityState")!;
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    try {
      document.dispatchEvent(new Event("visibilitychange"));
      await s.step.updateComplete;
      expect(s.$("iframe.reveal-frame")).to.equal(null);
      expect(s.recorder.events.filter((e) => e.type === "mc-card-hidden").at(-1)!.detail.reason).to.equal("hidden");
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, "visibilityState")).to.deep.equal(visibility);
    }

    await reveal(s);
    const parent = s.step.parentNode!;
    s.step.remove();
    parent.appendChild(s.step);
    await s.step.updateComplete;
    expect(s.$("iframe.reveal-frame")).to.equal(null);
  });

  it("hands the frame the element's look and language in the ticket request", async function () {
    this.timeout(60_000);
    const s = await setup({ options: { locale: "es-ES" } });
    await createCardThroughForm(s, "Tema", "20");
    s.step.style.setProperty("--mc-color-brand", "rgb(10, 20, 30)");
    s.step.style.setProperty("--mc-radius", "0.5rem");
    s.step.style.setProperty("--mc-font-family", `"Atkinson Hyperlegible", sans-serif`);
    const sent: unknown[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith("/reveal-ticket")) sent.push(JSON.parse(String(init?.body)));
      return original(input, init);
    };
    try {
      const frame = await reveal(s);
      expect(frame.title).to.equal("Datos de la tarjeta");
      expect(new URL(frame.src).searchParams.get("locale")).to.equal("es");
    } finally {
      window.fetch = original;
    }
    expect(sent).to.have.length(1);
    expect(sent[0]).to.deep.include({ locale: "es", hideAfterSeconds: 45 });
    const theme = (sent[0] as { theme: { scheme: string; colors: Record<string, string>; radius: number; font: string } }).theme;
    expect(theme.scheme).to.equal("light");
    expect(theme.colors.brand).to.equal("#0a141e");
    expect(theme.colors.text).to.match(/^#[0-9a-f]{6}$/);
    expect(theme.radius).to.equal(8);
    expect(theme.font).to.equal(`"Atkinson Hyperlegible", sans-serif`);
  });

  it("explains the reveal rate limit", async function () {
    this.timeout(120_000);
    const s = await setup();
    await createCardThroughForm(s, "Limit", "20");
    // The limit is 5 a minute in windows aligned to the clock: six reveals that straddle a minute's turn
    // may all pass, so keep revealing (at most 11 are needed) until the Worker refuses.
    for (let i = 0; i < 12 && !s.root.querySelector("[role=alert]"); i++) {
      s.$<HTMLButtonElement>("[data-action=reveal]")!.click();
      await waitUntil(() => s.$("[data-action=reveal]")?.getAttribute("aria-expanded") === "true" || s.root.querySelector("[role=alert]"), "a reveal should answer", {
        timeout: 20_000,
      });
      if (s.$("iframe.reveal-frame")) {
        s.$<HTMLButtonElement>("[data-action=reveal]")!.click();
        await s.step.updateComplete;
      }
    }
    const alert = s.root.querySelector("[role=alert]")!;
    expect(alert.textContent).to.match(/only a few times a minute\. Try again in \d+ seconds\./);
    expect(s.recorder.events.some((e) => e.type === "mc-error" && e.detail.code === "rate_limited")).to.equal(true);
  });

  it("shows a load failure with a way to try again", async () => {
    const { step, host } = await renderStep<CardStep>("card", { workerUrl: "http://127.0.0.1:9", token: async () => "t" });
    await waitUntil(() => step.shadowRoot!.querySelector("[role=alert]"), "the error should show", { timeout: 10_000 });
    expect(step.shadowRoot!.querySelector("[role=alert]")!.textContent).to.contain("couldn’t reach the server").and.contain("Try again");
    await expect(host).to.be.accessible();
  });

  it("speaks Spanish, with Spanish money and dark theme contrast", async () => {
    const s = await setup({ options: { locale: "es-ES" } });
    expect(s.$("h2")!.textContent).to.equal("Tarjeta");
    expect(s.$("label[for=new-label]")!.textContent).to.contain("Nombre de la tarjeta");
    expect(s.$(".balances")!.textContent).to.contain("0,00");
    // In the element's frame (its background), dark.
    const frame = document.createElement("div");
    frame.className = "frame";
    s.host.shadowRoot!.append(frame);
    frame.append(s.step);
    s.host.setAttribute("theme", "dark");
    await expect(s.host).to.be.accessible();
  });
});
