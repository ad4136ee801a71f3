import { expect } from "@open-wc/testing";
import { COUNTRY_CODES, countryOptions } from "./countries";

/** ISO 3166-1 alpha-2, as the standard lists them (249 codes). */
const ISO_3166_1 =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

describe("country codes", () => {
  it("are exactly the 249 of ISO 3166-1, in order", () => {
    expect(COUNTRY_CODES).to.deep.equal(ISO_3166_1.match(/../g));
  });

  it("are offered by name in the page's language, sorted by that name", () => {
    const options = countryOptions("de");
    expect(options).to.have.length(249);
    expect(options.find((o) => o.value === "DE")?.label).to.equal("Deutschland");
    const labels = options.map((o) => o.label);
    expect(labels).to.deep.equal([...labels].sort((a, b) => a.localeCompare(b, "de")));
  });
});
