import { expect, fixture, html, oneEvent } from "@open-wc/testing";
import { pageWithFakeWorker } from "#test/fake-worker";
import { testServices } from "#test/services";
import "../define";
import type { MachinesCardErrorEvent } from "../events/error";
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

describe("<machines-card> with a Worker whose config is not a machines-card Worker's", () => {
  let restore = () => {};
  afterEach(() => restore());

  it("stops with worker_invalid naming the field, and starts nothing", async () => {
    const { identityUrl } = await testServices();
    const page = pageWithFakeWorker(identityUrl, { environment: "staging" });
    restore = page.restore;
    const el = document.createElement("machines-card");
    el.setAttribute("api-base", page.apiBase);
    const error = oneEvent(el, "mc-error") as Promise<MachinesCardErrorEvent>;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail).to.deep.include({ code: "worker_invalid", field: "api-base", fatal: true });
    expect(detail.message).to.contain("HTTP 200, the config's environment is not what a machines-card Worker sends");
    expect(el.currentStep).to.equal(null);
  });
});
