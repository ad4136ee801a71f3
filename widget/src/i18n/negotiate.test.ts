import { expect } from "@open-wc/testing";
import { languageOf } from "./negotiate";

describe("choosing the language", () => {
  it("takes a translated tag as it is, whatever its case or separator", () => {
    expect(languageOf("de")).to.equal("de");
    expect(languageOf("pt-BR")).to.equal("pt-BR");
    expect(languageOf("pt_br")).to.equal("pt-BR");
    expect(languageOf("FR")).to.equal("fr");
  });

  it("falls back from a region to its language, then to the language in another region", () => {
    expect(languageOf("es-MX")).to.equal("es");
    expect(languageOf("fr-CA")).to.equal("fr");
    expect(languageOf("de-CH")).to.equal("de");
    expect(languageOf("pt-PT")).to.equal("pt-BR");
    expect(languageOf("pt")).to.equal("pt-BR");
    expect(languageOf("en-GB")).to.equal("en");
  });

  it("says so when nothing fits (the element then shows English and warns)", () => {
    expect(languageOf("it-IT")).to.equal(null);
    expect(languageOf("")).to.equal(null);
  });
});
