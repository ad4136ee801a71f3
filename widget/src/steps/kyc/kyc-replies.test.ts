import { expect } from "@open-wc/testing";
import type { KycState } from "@machines-card/contract/api/kyc";
import { fakeWorker } from "#test/fake-worker";
import { renderStep } from "#test/step-fixture";
import type { KycStep } from "./kyc-step";

// What a Worker in front of a changed or misbehaving Machines may report, which the sandbox never does:
// a status nobody has seen yet, and a verification link that is not https.
const kyc = (patch: Partial<Record<keyof KycState, unknown>>) =>
  ({ status: "needs_verification", reason: null, verificationUrl: null, isActive: null, isTermsOfServiceAccepted: false, ...patch }) as KycState;

async function show(state: KycState, locale = "en") {
  // The watch asks the Worker again: it answers the same state.
  const fetch = fakeWorker({ "GET /v1/kyc/status": state });
  const rendered = await renderStep<KycStep>("kyc", { state: { user: { id: "u1", email: "ada@example.com" }, kyc: state }, fetch, locale });
  const root = rendered.step.shadowRoot!;
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? null;
  return { ...rendered, root, text };
}

describe("KYC step: statuses and links it does not trust blindly", () => {
  it("shows a status it does not know as in progress, watched, never as an error or a blank", async () => {
    const s = await show(kyc({ status: "under_review_v2" }));
    expect(s.text("[data-status-heading]")).to.equal("Your verification is in progress");
    expect(s.text(".badge")).to.equal("In progress");
    expect(s.text(".watching span")).to.equal("We’ll update this page when the status changes.");
    expect(s.root.querySelector("[role=alert]")).to.equal(null);
    expect(s.recorder.events.filter((e) => e.type === "mc-error")).to.deep.equal([]);
    expect(s.recorder.events.filter((e) => e.type === "mc-kyc-status").map((e) => e.detail.status)).to.deep.equal(["under_review_v2"]);
    await expect(s.host).to.be.accessible();
  });

  it("says it in Spanish too", async () => {
    const s = await show(kyc({ status: "under_review_v2" }), "es");
    expect(s.text("[data-status-heading]")).to.equal("Tu verificación está en curso");
    expect(s.text(".badge")).to.equal("En curso");
  });

  it("opens the verification page over https, and over http only on this machine (the local sandbox)", async () => {
    for (const url of ["https://verify.example/session/1?step=id", "http://127.0.0.1:8787/verify/abc", "http://localhost:8787/verify/abc"]) {
      const s = await show(kyc({ verificationUrl: url }));
      const link = s.root.querySelector<HTMLAnchorElement>("a.button");
      expect(link?.href, url).to.equal(url);
      expect(link!.rel).to.contain("noopener");
      expect(s.root.querySelector(".notice.warning"), url).to.equal(null);
    }
  });

  it("never binds another link to the page: it says the link is unavailable instead", async () => {
    for (const url of ["javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>", "http://verify.example/session/1", "//verify.example/x", "not a url"]) {
      const s = await show(kyc({ verificationUrl: url }));
      expect(s.root.querySelector("a"), url).to.equal(null);
      expect(s.text(".notice.warning"), url).to.equal("The verification page’s link isn’t available. Contact support to continue.");
      expect(s.root.innerHTML, url).not.to.contain(url.slice(0, 12));
    }
    const es = await show(kyc({ verificationUrl: "javascript:alert(1)" }), "es");
    expect(es.text(".notice.warning")).to.equal("El enlace de la página de verificación no está disponible. Contacta con soporte para continuar.");
    await expect(es.host).to.be.accessible();
  });
});
