import { expect } from "@open-wc/testing";
import { readPublicConfig } from "./public-config";

const CONFIG = {
  environment: "sandbox",
  originAllowed: true,
  origin: "https://shop.example",
  auth: { provider: "sandbox", issuerUrl: "http://127.0.0.1:8788/identity" },
  wallet: { provider: "sandbox", signerUrl: "http://127.0.0.1:8788/signer", signer: "email" },
  chain: { id: 31337, name: "Sandbox chain", explorerUrl: null },
  version: "1.2.0",
  testFunds: { token: `0x${"1".repeat(40)}` },
};

describe("public config reader", () => {
  it("reads what a machines-card Worker sends, as it is", () => {
    expect(readPublicConfig(CONFIG)).to.deep.equal({ ok: true, config: CONFIG });
    const production = { ...CONFIG, environment: "production", auth: { provider: "crossmint", clientApiKey: "ck_production_x" }, wallet: { provider: "crossmint" } };
    expect(readPublicConfig(production).ok).to.equal(true);
  });

  it("reads what is only shown tolerantly: no version, an unreadable testFunds, no origin", () => {
    const read = readPublicConfig({ ...CONFIG, version: 2, testFunds: "yes", origin: undefined });
    expect(read.ok && read.config).to.deep.include({ version: undefined, testFunds: null, origin: null });
  });

  it("names the first part the element acts on that is not a machines-card Worker's", () => {
    expect(readPublicConfig(null)).to.deep.equal({ ok: false, field: "environment" });
    expect(readPublicConfig({ ...CONFIG, environment: "staging" })).to.deep.equal({ ok: false, field: "environment" });
    expect(readPublicConfig({ ...CONFIG, originAllowed: "yes" })).to.deep.equal({ ok: false, field: "originAllowed" });
    expect(readPublicConfig({ ...CONFIG, auth: { provider: "sandbox" } })).to.deep.equal({ ok: false, field: "auth" });
    expect(readPublicConfig({ ...CONFIG, auth: { provider: "auth0", clientApiKey: "x" } })).to.deep.equal({ ok: false, field: "auth" });
    expect(readPublicConfig({ ...CONFIG, wallet: { provider: "sandbox" } })).to.deep.equal({ ok: false, field: "wallet" });
    expect(readPublicConfig({ ...CONFIG, chain: { id: "31337" } })).to.deep.equal({ ok: false, field: "chain.id" });
  });
});
