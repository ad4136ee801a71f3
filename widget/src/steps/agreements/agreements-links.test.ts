import { expect, waitUntil } from "@open-wc/testing";
import type { Agreements } from "@machines-card/contract/api/agreements";
import { fakeWorker } from "#test/fake-worker";
import { renderStep } from "#test/step-fixture";
import type { AgreementsStep } from "./agreements-step";

// Agreement documents as a Worker in front of a misbehaving Machines could list them (the sandbox only
// sends https links): only https (or http on this machine) becomes a link; the rest is named, unlinked.
const AGREEMENTS: Agreements = {
  agreements: [
    {
      id: "esignConsent",
      text: "I accept the E-Sign Consent",
      links: [
        { label: "E-Sign Consent", url: "https://machines.cash/e-sign" },
        { label: "Local copy", url: "http://127.0.0.1:8787/e-sign" },
        { label: "Script", url: "javascript:alert(document.cookie)" },
        { label: "Plain http", url: "http://docs.example/e-sign" },
      ],
    },
  ],
  accepted: false,
  acceptedAt: null,
};

async function show(locale = "en") {
  const fetch = fakeWorker({ "GET /v1/agreements": AGREEMENTS });
  const rendered = await renderStep<AgreementsStep>("agreements", { state: { user: { id: "u1", email: null } }, fetch, locale });
  const root = rendered.step.shadowRoot!;
  await waitUntil(() => root.querySelector("form"), "the agreements should load", { timeout: 5000 });
  return { ...rendered, root };
}

describe("agreements step: document links", () => {
  it("links https documents (and http ones on this machine) and names the others as unavailable, without a link", async () => {
    const s = await show();
    expect([...s.root.querySelectorAll("a")].map((a) => a.getAttribute("href"))).to.deep.equal(["https://machines.cash/e-sign", "http://127.0.0.1:8787/e-sign"]);
    expect([...s.root.querySelectorAll(".link-unavailable")].map((e) => e.textContent)).to.deep.equal([
      "Script (link unavailable)",
      "Plain http (link unavailable)",
    ]);
    expect(s.root.innerHTML).not.to.contain("javascript:");
    expect(s.recorder.events).to.deep.equal([]);
    await expect(s.host).to.be.accessible();
  });

  it("says so in Spanish", async () => {
    const s = await show("es");
    expect(s.root.querySelector(".link-unavailable")!.textContent).to.equal("Script (enlace no disponible)");
  });
});
