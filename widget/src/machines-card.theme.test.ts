import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import { emulateMedia } from "@web/test-runner-commands";
import "./define";
import type { MachinesCard } from "./machines-card";
import { contrast } from "./styles/brand-palette";

// Theme, brand colour and language, as the visitor sees them (computed styles and rendered text).

const base = (el: MachinesCard) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const token = (el: MachinesCard, name: string) => getComputedStyle(base(el)).getPropertyValue(name).trim();
const rgbHex = (rgb: string) =>
  `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;

async function card(attributes: string) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<machines-card ${attributes}></machines-card>`;
  const el = container.querySelector("machines-card")!;
  await el.updateComplete;
  return el;
}

describe("<machines-card> theme and brand colour", () => {
  it("is light by default and dark with theme=dark, switching at run time, accessible in both", async () => {
    const el = await card("");
    expect(rgbHex(getComputedStyle(base(el)).backgroundColor)).to.equal("#ffffff");
    await expect(el).to.be.accessible();
    el.theme = "dark";
    await el.updateComplete;
    expect(rgbHex(getComputedStyle(base(el)).backgroundColor)).to.equal("#15161a");
    await new Promise((r) => setTimeout(r, 300)); // let the buttons' colour transitions finish
    await expect(el).to.be.accessible();
  });

  it("follows the system with theme=auto", async () => {
    const el = await card('theme="auto"');
    try {
      await emulateMedia({ colorScheme: "dark" });
      expect(rgbHex(getComputedStyle(base(el)).backgroundColor)).to.equal("#15161a");
      await emulateMedia({ colorScheme: "light" });
      expect(rgbHex(getComputedStyle(base(el)).backgroundColor)).to.equal("#ffffff");
    } finally {
      await emulateMedia({ colorScheme: "light" });
    }
  });

  it("stops animations and transitions when the visitor asks for reduced motion", async () => {
    const el = await card("");
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    const probe = document.createElement("span");
    probe.className = "spinner";
    base.append(probe); // the spinner is the animated building block steps use
    try {
      expect(parseFloat(getComputedStyle(probe).animationDuration)).to.be.greaterThan(0.1);
      await emulateMedia({ reducedMotion: "reduce" });
      expect(parseFloat(getComputedStyle(probe).animationDuration)).to.be.below(0.001);
      expect(parseFloat(getComputedStyle(base).transitionDuration)).to.be.below(0.001);
    } finally {
      await emulateMedia({ reducedMotion: "no-preference" });
    }
  });

  for (const brand of ["#ffd400", "#0b1f5c", "#00a86b", "#ff5a5f", "#777777"]) {
    it(`derives readable colours from brand-color ${brand}, in light and dark`, async () => {
      const el = await card(`brand-color="${brand}"`);
      expect(token(el, "--mc-color-brand")).to.equal(brand);
      expect(contrast(token(el, "--mc-color-on-brand"), brand)).to.be.at.least(4.5);
      expect(contrast(token(el, "--mc-color-brand-text"), "#ffffff")).to.be.at.least(4.5);
      el.theme = "dark";
      await el.updateComplete;
      expect(contrast(token(el, "--mc-color-brand-text"), "#15161a")).to.be.at.least(4.5);
    });
  }

  it("applies a brand colour changed at run time, and drops it when removed", async () => {
    const el = await card('brand-color="#0b1f5c"');
    el.brandColor = "#ffd400";
    await el.updateComplete;
    expect(token(el, "--mc-color-brand")).to.equal("#ffd400");
    el.removeAttribute("brand-color");
    await el.updateComplete;
    expect(token(el, "--mc-color-brand")).to.equal("#4f46e5");
  });

  it("lets the page's own CSS custom properties win over the theme", async () => {
    const el = await card('theme="dark"');
    el.style.setProperty("--mc-color-background", "#102030");
    expect(rgbHex(getComputedStyle(base(el)).backgroundColor)).to.equal("#102030");
  });
});

describe("<machines-card> language", () => {
  it("speaks Spanish with locale=es, and marks the content's language", async () => {
    const el = await card('locale="es"');
    // The Spanish strings load as their own chunk.
    await waitUntil(() => base(el).textContent!.includes("Falta el atributo api-base"), "Spanish should show", { timeout: 5000 });
    expect(base(el).getAttribute("lang")).to.equal("es");
    await expect(el).to.be.accessible();
  });

  it("takes the page's language when locale is not set", async () => {
    const container = await fixture<HTMLDivElement>(html`<div lang="es-MX"></div>`);
    container.innerHTML = "<machines-card></machines-card>";
    const el = container.querySelector("machines-card")!;
    await el.updateComplete;
    await waitUntil(() => base(el).textContent!.includes("Falta el atributo api-base"), "Spanish should show", { timeout: 5000 });
  });

  it("switches language at run time and falls back to English, with a warning, for an untranslated one", async () => {
    const el = await card('locale="es"');
    await waitUntil(() => base(el).getAttribute("lang") === "es", undefined, { timeout: 5000 });
    el.locale = "de-AT";
    await waitUntil(() => base(el).getAttribute("lang") === "de", "German should load", { timeout: 5000 });
    await el.updateComplete; // the problems' sentences load beside the element's strings
    expect(base(el).textContent).to.contain("Das Attribut api-base fehlt");
    el.locale = "pt-PT";
    await waitUntil(() => base(el).getAttribute("lang") === "pt-BR", "Portuguese (Brazil) should load", { timeout: 5000 });
    await el.updateComplete;
    expect(base(el).textContent).to.contain("Falta o atributo api-base");
    el.locale = "it";
    await waitUntil(() => base(el).getAttribute("lang") === "en", "English should show", { timeout: 5000 });
    await el.updateComplete;
    expect(base(el).textContent).to.contain("The api-base attribute is missing");
    expect(el.shadowRoot!.querySelector('[part="warnings"]')!.textContent).to.contain('locale="it" is not translated');
  });
});
