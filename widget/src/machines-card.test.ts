import { expect, fixture, html, oneEvent, waitUntil } from "@open-wc/testing";
import "./define";
import type { MachinesCardErrorEvent } from "./events/error";
import type { MachinesCard } from "./machines-card";

// Configuration mistakes, as a partner makes them: each shows in the element and fires mc-error with a
// sentence saying how to fix it. None of these needs a Worker.

const part = (el: MachinesCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function mount(attributes: Record<string, string>): Promise<{ el: MachinesCard; errors: MachinesCardErrorEvent[] }> {
  const el = document.createElement("machines-card");
  const errors: MachinesCardErrorEvent[] = [];
  el.addEventListener("mc-error", (e) => errors.push(e));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(el);
  await el.updateComplete;
  return { el, errors };
}

describe("<machines-card> configuration mistakes", () => {
  it("is accessible while it explains that api-base is missing, and fires a fatal mc-error", async () => {
    const { el, errors } = await mount({});
    await expect(el).to.be.accessible();
    expect(part(el, "error")!.textContent).to.contain("The api-base attribute is missing. Set it to your Worker's URL");
    expect(errors[0]!.detail).to.deep.include({ code: "missing_attribute", field: "api-base", fatal: true });
    expect(errors[0]!.detail.message).to.contain('<machines-card api-base="https://card.example.workers.dev">');
    expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
  });

  it("refuses an api-base that is not an absolute http(s) URL", async () => {
    const { el, errors } = await mount({ "api-base": "card.example.workers.dev" });
    expect(errors[0]!.detail).to.deep.include({ code: "invalid_attribute", field: "api-base", fatal: true });
    expect(part(el, "error")!.textContent).to.contain('api-base="card.example.workers.dev" is not an absolute http(s) URL');
  });

  it("says a Worker cannot be reached, naming its URL, this page's origin and ALLOWED_ORIGINS", async () => {
    const el = document.createElement("machines-card");
    el.setAttribute("api-base", "http://127.0.0.1:9");
    const error = oneEvent(el, "mc-error");
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail).to.deep.include({ code: "worker_unreachable", field: "api-base", fatal: true });
    expect(detail.message).to.contain("http://127.0.0.1:9").and.contain(location.origin).and.contain("ALLOWED_ORIGINS");
    await el.updateComplete;
    await expect(el).to.be.accessible();

    // "Try again" asks the Worker again (and reports again: the page may log each attempt).
    const again = oneEvent(el, "mc-error");
    part(el, "error")!.querySelector("button")!.click();
    expect((await again).detail.code).to.equal("worker_unreachable");
  });

  it("tells a URL that answers but is not a machines-card Worker from one that does not answer", async () => {
    const el = document.createElement("machines-card");
    el.setAttribute("api-base", `${location.origin}/not-a-worker`);
    const error = oneEvent(el, "mc-error");
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail.code).to.equal("worker_invalid");
    expect(detail.message).to.contain("is not a machines-card Worker").and.contain("HTTP 404");
  });

  it("takes an attribute fixed at run time: from missing, to unreachable", async () => {
    const { el, errors } = await mount({});
    expect(errors.at(-1)!.detail.code).to.equal("missing_attribute");
    el.apiBase = "http://127.0.0.1:9";
    await waitUntil(() => errors.at(-1)!.detail.code === "worker_unreachable", "a new api-base should be tried", { timeout: 5000 });
    expect(el.getAttribute("api-base")).to.equal("http://127.0.0.1:9");
    await el.updateComplete;
    expect(part(el, "error")!.textContent).to.contain("Could not reach the Worker at http://127.0.0.1:9");
  });

  it("falls back to a default for a wrong theme, colour or step name, and warns the developers", async () => {
    const { el, errors } = await mount({ theme: "blue", "brand-color": "bright", steps: "kyc bogus, card" });
    const codes = errors.map((e) => [e.detail.field, e.detail.code, e.detail.fatal]);
    expect(codes).to.deep.include.members([
      ["theme", "invalid_attribute", false],
      ["brand-color", "invalid_attribute", false],
      ["steps", "invalid_attribute", false],
    ]);
    const warnings = part(el, "warnings")!.textContent!;
    expect(warnings).to.contain('theme="blue" is not one of light, dark, auto; using light');
    expect(warnings).to.contain('brand-color="bright" is not a hex colour');
    expect(warnings).to.contain("steps names unknown steps (bogus)");
    expect(el.configuredSteps).to.deep.equal(["sign-in", "kyc", "card"]);
  });

  it("does not fire the same attribute warning again on every update", async () => {
    const { el, errors } = await mount({ theme: "blue" });
    el.locale = "en";
    await el.updateComplete;
    expect(errors.filter((e) => e.detail.field === "theme")).to.have.length(1);
  });

  it("reflects properties to attributes", async () => {
    const { el } = await mount({});
    el.theme = "dark";
    el.cardLimit = "500";
    el.depositAsset = "usdc";
    await el.updateComplete;
    expect(el.getAttribute("theme")).to.equal("dark");
    expect(el.getAttribute("card-limit")).to.equal("500");
    expect(el.getAttribute("deposit-asset")).to.equal("usdc");
  });

  it("survives the script being loaded twice", async () => {
    // A second copy of the entry module (another URL, as a second script tag or bundle would be).
    await import(`./define.ts?copy=${Date.now()}`);
    expect(customElements.get("machines-card")).to.exist;
    const { el } = await mount({});
    expect(part(el, "error")).to.exist;
  });
});
