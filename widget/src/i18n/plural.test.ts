import { expect } from "@open-wc/testing";
import { coreCatalogs } from "./core-messages";
import { pluralForm } from "./plural";
import { createI18n, defineMessages, loadCatalog, type Catalogs, type Messages } from "./translator";

const seconds = { one: "{count} second", other: "{count} seconds" };

describe("plural forms", () => {
  it("picks the CLDR category of the count in the language's rules", () => {
    expect(pluralForm(seconds, 1, "en")).to.equal("{count} second");
    expect(pluralForm(seconds, 0, "en")).to.equal("{count} seconds");
    // French counts 0 and 1 as `one`; German does not.
    expect(pluralForm({ one: "un", other: "plusieurs" }, 0, "fr")).to.equal("un");
    expect(pluralForm({ one: "eins", other: "mehrere" }, 0, "de")).to.equal("mehrere");
    expect(pluralForm(seconds, 1.5, "en")).to.equal("{count} seconds");
  });

  it("falls back to `other` for a category the message lacks, or a count that is not a number", () => {
    expect(pluralForm({ other: "many" }, 1, "en")).to.equal("many");
    expect(pluralForm(seconds, undefined, "en")).to.equal("{count} seconds");
    expect(pluralForm(seconds, "soon", "en")).to.equal("{count} seconds");
  });

  it("are filled by the translator with the `count` value", async () => {
    const catalogs = defineMessages<{ wait: typeof seconds }>("test", {
      en: { wait: seconds },
      es: { wait: { one: "{count} segundo", other: "{count} segundos" } },
      "pt-BR": { wait: { one: "{count} segundo", other: "{count} segundos" } },
      fr: { wait: { one: "{count} seconde", other: "{count} secondes" } },
      de: { wait: { one: "{count} Sekunde", other: "{count} Sekunden" } },
    });
    await loadCatalog(coreCatalogs, "fr");
    const core = coreCatalogs as unknown as Catalogs<Messages>;
    expect(createI18n("en-US", "en", { core }).t(catalogs, "wait", { count: 1 })).to.equal("1 second");
    expect(createI18n("fr-FR", "fr", { core }).t(catalogs, "wait", { count: 0 })).to.equal("0 seconde");
    expect(createI18n("de-DE", "de", { core }).t(catalogs, "wait", { count: 30 })).to.equal("30 Sekunden");
  });
});
