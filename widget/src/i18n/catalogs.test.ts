import { expect } from "@open-wc/testing";
import { problemMessages } from "../config/problem-messages";
import { activityMessages } from "../steps/activity/activity.messages";
import { agreementsMessages } from "../steps/agreements/agreements.messages";
import { cardMessages } from "../steps/card/card.messages";
import { depositMessages } from "../steps/deposit/deposit.messages";
import { kycMessages } from "../steps/kyc/kyc.messages";
import { signInMessages } from "../steps/sign-in/sign-in.messages";
import { withdrawMessages } from "../steps/withdraw/withdraw.messages";
import { coreCatalogs } from "./core-messages";
import { errorMessages } from "./error-messages";
import { LANGUAGES } from "./languages";
import { catalogOf, loadCatalog, type Catalogs, type Message, type Messages } from "./translator";

// Every message module of the widget, by its override id. A module missing here fails the first test.
const MODULES = [coreCatalogs, errorMessages, problemMessages, signInMessages, kycMessages, agreementsMessages, depositMessages, cardMessages, withdrawMessages, activityMessages] as unknown as Catalogs<Messages>[];

/** `{name}` placeholders of every form of a message, sorted and without repeats. */
const placeholders = (m: Message) =>
  [...new Set((typeof m === "string" ? [m] : Object.values(m)).flatMap((t) => [...(t ?? "").matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

describe("the translations", () => {
  it("each module has its own override id", () => {
    const ids = MODULES.map((m) => m.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.include.members(["core", "errors", "problems", "sign-in", "kyc", "agreements", "deposit", "card", "withdraw", "activity"]);
  });

  for (const language of LANGUAGES.filter((l) => l !== "en")) {
    it(`${language}: every catalog has exactly English's keys, the same placeholders, and plural forms where English has them`, async () => {
      for (const module of MODULES) {
        await loadCatalog(module, language);
        const catalog = catalogOf(module, language);
        expect(catalog, `${module.id} in ${language} should have loaded`).to.not.equal(module.en);
        expect(Object.keys(catalog).sort(), `${module.id} keys in ${language}`).to.deep.equal(Object.keys(module.en).sort());
        for (const [key, english] of Object.entries(module.en)) {
          const translated = catalog[key]!;
          expect(placeholders(translated), `${module.id}.${key} placeholders in ${language}`).to.deep.equal(placeholders(english));
          expect(typeof translated, `${module.id}.${key} plural in ${language}`).to.equal(typeof english);
          if (typeof translated !== "string") {
            const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
            for (const form of Object.keys(translated)) expect(categories, `${module.id}.${key}: ${form} in ${language}`).to.include(form);
            expect(translated.other, `${module.id}.${key}.other in ${language}`).to.be.a("string");
          } else {
            expect(translated.trim(), `${module.id}.${key} in ${language}`).to.not.equal("");
          }
        }
      }
    });
  }
});
