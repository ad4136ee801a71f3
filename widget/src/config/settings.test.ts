import { expect } from "@open-wc/testing";
import { readSettings, type AttributeValues } from "./settings";

const none: AttributeValues = {
  apiBase: null,
  environment: null,
  steps: null,
  theme: null,
  brandColor: null,
  locale: null,
  cardLabel: null,
  cardLimit: null,
  cardLimitFrequency: null,
  depositAsset: null,
  depositNetwork: null,
};
const page = { protocol: "https:", fallbackLocale: "en-US" };
const read = (a: Partial<AttributeValues>, p = page) => readSettings({ ...none, apiBase: "https://card.example.com", ...a }, p);

describe("reading the attributes", () => {
  it("normalises api-base (no trailing slash, path kept) and follows the Worker's environment by default", () => {
    const { settings, problems } = read({ apiBase: "https://card.example.com/api/" });
    expect(settings.apiBase).to.equal("https://card.example.com/api");
    expect(settings.environment).to.equal(null);
    expect(problems).to.deep.equal([]);
  });

  it("refuses an http Worker on an https page, except on this machine", () => {
    expect(read({ apiBase: "http://card.example.com" }).problems[0]).to.deep.include({ key: "api_base_insecure", fatal: true });
    expect(read({ apiBase: "http://127.0.0.1:8787" }).problems).to.deep.equal([]);
    expect(read({ apiBase: "http://card.example.com" }, { ...page, protocol: "http:" }).problems).to.deep.equal([]);
  });

  it("reads steps in the page's order, sign-in first, duplicates and unknown names dropped", () => {
    const { settings, problems } = read({ steps: "card, kyc kyc nope sign-in" });
    expect(settings.steps).to.deep.equal(["sign-in", "card", "kyc"]);
    expect(problems[0]).to.deep.include({ key: "unknown_steps", fatal: false });
    expect(read({ steps: "nope" }).settings.steps).to.have.length(7);
  });

  it("turns card defaults into a limit in cents with its period", () => {
    const { settings } = read({ cardLimit: "250.50", cardLimitFrequency: "per7DayPeriod", cardLabel: "  Travel  " });
    expect(settings.defaults.cardLimit).to.deep.equal({ amountCents: 25050, frequency: "per7DayPeriod" });
    expect(settings.defaults.cardLabel).to.equal("Travel");
    expect(read({ cardLimit: "500" }).settings.defaults.cardLimit).to.deep.equal({ amountCents: 50000, frequency: "per30DayPeriod" });
    for (const bad of ["0", "-5", "1e3", "12.345", "lots", "2000000"]) {
      expect(read({ cardLimit: bad }).settings.defaults.cardLimit, bad).to.equal(null);
    }
  });

  it("lower-cases deposit codes and ignores malformed ones", () => {
    expect(read({ depositAsset: "USDC", depositNetwork: "base" }).settings.defaults).to.include({ depositAsset: "usdc", depositNetwork: "base" });
    expect(read({ depositAsset: "us dc" }).problems[0]).to.deep.include({ key: "asset_code_invalid", attribute: "deposit-asset" });
  });

  it("picks the language from the locale, then the page, then English", () => {
    expect(read({ locale: "es-AR" }).settings).to.include({ locale: "es-AR", language: "es" });
    expect(read({}, { ...page, fallbackLocale: "es" }).settings.language).to.equal("es");
    expect(read({ locale: "pt-BR" }).settings.language).to.equal("pt-BR");
    expect(read({}, { ...page, fallbackLocale: "pt-PT" }).settings.language).to.equal("pt-BR");
    expect(read({ locale: "it" }).settings.language).to.equal("en");
    expect(read({ locale: "it" }).problems[0]).to.deep.include({ key: "locale_unsupported", attribute: "locale" });
    expect(read({ locale: "it" }).problems[0]!.vars.allowed).to.equal("en, es, pt-BR, fr, de");
    expect(read({}, { ...page, fallbackLocale: "it-IT" }).problems).to.deep.equal([]); // only an explicit locale warns
  });
});
