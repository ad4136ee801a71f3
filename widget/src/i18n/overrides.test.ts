import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import "../define";
import type { MachinesCardErrorEvent } from "../events/error";
import type { MachinesCard } from "../machines-card";
import { pageWithFakeWorker } from "#test/fake-worker";
import { testServices } from "#test/services";
import { readOverrides } from "./overrides";

describe("partner messages, as read", () => {
  it("keeps texts and plural forms, and names the entries it drops", () => {
    const { messages, problems } = readOverrides(
      { "sign-in.title": "Log in", "sign-in.resendIn": { one: "1 sec", other: "{count} secs" }, bad: 3, noOther: { one: "x" }, wrongForm: { other: "x", lots: "y" } },
      "element.messages property",
    );
    expect(messages).to.deep.equal({ "sign-in.title": "Log in", "sign-in.resendIn": { one: "1 sec", other: "{count} secs" } });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.deep.include({ key: "messages_invalid", attribute: "messages", fatal: false });
    expect(String(problems[0]!.vars.detail)).to.contain("bad, noOther, wrongForm");
  });

  it("refuses what is not an object", () => {
    for (const value of [[], "text", null, 5]) expect(readOverrides(value, "x").problems[0]!.key, JSON.stringify(value)).to.equal("messages_invalid");
  });
});

describe("<machines-card> with the partner's messages", () => {
  let restore = () => {};
  afterEach(() => restore());

  const heading = (el: MachinesCard) => el.shadowRoot!.querySelector("[exportparts]")?.shadowRoot?.querySelector("h2")?.textContent?.trim();
  const progressLabel = (el: MachinesCard) => el.shadowRoot!.querySelector("nav.progress")?.getAttribute("aria-label");

  async function mount(attributes: Record<string, string>, extra: Record<string, () => Response> = {}, messages?: unknown) {
    restore();
    const page = pageWithFakeWorker((await testServices()).identityUrl, {}, extra);
    restore = page.restore;
    const el = document.createElement("machines-card") as MachinesCard;
    const errors: MachinesCardErrorEvent[] = [];
    el.addEventListener("mc-error", (e) => errors.push(e));
    el.setAttribute("api-base", page.apiBase);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    if (messages !== undefined) el.messages = messages as MachinesCard["messages"];
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await waitUntil(() => el.currentStep === "sign-in" && heading(el), "the sign-in step should show", { timeout: 10_000 });
    await el.updateComplete;
    return { el, errors };
  }

  it("shows the property's texts over the language's, and the language's (else English's) for every other key", async () => {
    const { el, errors } = await mount({ locale: "de" }, {}, { "sign-in.title": "Einloggen", "core.progress.label": "Ihr Weg" });
    await waitUntil(() => heading(el) === "Einloggen", "the override should show", { timeout: 5000 });
    expect(progressLabel(el)).to.equal("Ihr Weg");
    const step = el.shadowRoot!.querySelector("[exportparts]")!.shadowRoot!;
    expect(step.textContent).to.contain("Code senden"); // German for the keys not overridden
    expect(errors).to.deep.equal([]);
    // Changed at run time: back to the built-in text.
    el.messages = {};
    await waitUntil(() => heading(el) === "Anmelden", "the built-in text should come back", { timeout: 5000 });
  });

  it("lets a partner show a language the widget does not have: their texts, English for the rest", async () => {
    const { el } = await mount({ locale: "it" }, {}, { "sign-in.title": "Accedi" });
    await waitUntil(() => heading(el) === "Accedi", "the override should show", { timeout: 5000 });
    expect(el.shadowRoot!.querySelector("[exportparts]")!.shadowRoot!.textContent).to.contain("Send code");
  });

  it("fetches the messages attribute's JSON; the property set to an object replaces it", async () => {
    const url = "https://partner.test/texts/fr.json";
    const json = () => new Response(JSON.stringify({ "sign-in.title": "Se connecter à Acme", "sign-in.sendCode": "Recevoir le code" }), { headers: { "Content-Type": "application/json" } });
    const { el } = await mount({ locale: "fr", messages: url }, { [url]: json });
    await waitUntil(() => heading(el) === "Se connecter à Acme", "the fetched text should show", { timeout: 5000 });
    const text = () => el.shadowRoot!.querySelector("[exportparts]")!.shadowRoot!.textContent!;
    expect(text()).to.contain("Recevoir le code");
    el.messages = { "sign-in.sendCode": "M’envoyer le code" };
    await waitUntil(() => text().includes("M’envoyer le code"), "the property's text should show", { timeout: 5000 });
    expect(heading(el)).to.equal("Connexion");
  });

  it("warns (console, mc-error, setup warning) about a URL it cannot load or JSON it cannot use, and keeps working", async () => {
    const broken = "https://partner.test/broken.json";
    const unreachable = "http://127.0.0.1:9/texts.json";
    const cases: { url: string; extra: Record<string, () => Response>; code: string; says: string }[] = [
      { url: unreachable, extra: {}, code: "messages_unavailable", says: "could not be loaded" },
      { url: "https://partner.test/missing.json", extra: { "https://partner.test/missing.json": () => new Response("", { status: 404 }) }, code: "messages_unavailable", says: "HTTP 404" },
      { url: broken, extra: { [broken]: () => new Response("{ not json") }, code: "messages_invalid", says: "not JSON" },
    ];
    for (const c of cases) {
      const { el, errors } = await mount({ messages: c.url }, c.extra);
      await waitUntil(() => errors.some((e) => e.detail.code === c.code), `${c.url} should be reported`, { timeout: 5000 });
      const error = errors.find((e) => e.detail.code === c.code)!;
      expect(error.detail).to.deep.include({ field: "messages", fatal: false });
      expect(error.detail.message).to.contain(c.says);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="warnings"]')?.textContent).to.contain(c.says);
      expect(heading(el)).to.equal("Sign in");
      el.remove();
    }
  });
});
