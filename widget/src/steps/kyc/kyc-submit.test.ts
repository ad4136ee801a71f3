import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import type { KycState } from "@machines-card/contract/api/kyc";
import { clearFaults, sandboxControl, sandboxUser, setKycStatus } from "#test/sandbox";
import { stack, type StackUrls } from "#test/services";
import { renderStep } from "#test/step-fixture";
import type { KycStep } from "./kyc-step";
import { control, fillValidApplication, query, waitForForm } from "#test/kyc-form";

const NOT_SUBMITTED: KycState = { status: "not_submitted", reason: null, verificationUrl: null, isActive: null, isTermsOfServiceAccepted: false };

let services: StackUrls;

// Each test submits, so each has its own new user.
async function setup(label: string) {
  const user = await sandboxUser(services, { stage: "signed-in", label });
  const rendered = await renderStep<KycStep>("kyc", {
    workerUrl: services.workerUrl,
    token: user.token,
    state: { user: { id: "u1", email: user.email }, kyc: NOT_SUBMITTED },
  });
  await waitForForm(rendered.step);
  return { ...rendered, user };
}

async function submit(step: KycStep) {
  control(step, "firstName").focus();
  await sendKeys({ press: "Enter" });
}

function statusHeading(step: KycStep): string | undefined {
  return step.shadowRoot!.querySelector("[data-status-heading]")?.textContent ?? undefined;
}

function kycEvents(events: CustomEvent[]) {
  return events.filter((e) => e.type === "mc-kyc-status").map((e) => e.detail);
}

describe("KYC step: submitting", () => {
  before(async function () {
    this.timeout(180_000);
    const running = await stack();
    if (!running) this.skip();
    services = running!;
  });

  it("approves an applicant whose last name the sandbox approves: status, event, report, and a way on", async function () {
    this.timeout(20_000);
    const s = (await setup("kyc-approved"))!;
    await fillValidApplication(s.step, { lastName: "Approved" });
    await submit(s.step);
    await waitUntil(() => statusHeading(s.step) === "You’re verified", "the approved status should show", { timeout: 8000 });
    expect(s.step.shadowRoot!.querySelector("form")).to.equal(null);
    expect(s.step.shadowRoot!.activeElement?.hasAttribute("data-status-heading")).to.equal(true);
    // First known, then changed; the detail carries the status and reason only.
    expect(kycEvents(s.recorder.events)).to.deep.equal([
      { status: "not_submitted", reason: null },
      { status: "approved", reason: null },
    ]);
    const reported = s.recorder.updates.map((u) => u.patch?.kyc?.status);
    expect(reported).to.deep.equal(["approved"]);
    await expect(s.host).to.be.accessible();

    query<HTMLButtonElement>(s.step, "[data-continue]").click();
    expect(s.recorder.updates.at(-1)).to.deep.equal({ go: "next" });
  });

  it("sends an unapproved applicant to hosted verification in a new window, and picks up the approval by itself", async function () {
    this.timeout(30_000);
    const s = (await setup("kyc-verify"))!;
    await fillValidApplication(s.step, { lastName: "Lovelace" });
    await submit(s.step);
    await waitUntil(() => statusHeading(s.step) === "Finish verifying your identity", "needs_verification should show", { timeout: 8000 });
    const link = query<HTMLAnchorElement>(s.step, "a[target=_blank]");
    expect(link.href).to.match(/\/sandbox\/kyc\/verify\?userId=.+&signature=.+/);
    expect(link.rel).to.contain("noopener");
    expect(link.textContent!.replace(/\s+/g, " ")).to.contain("Open the verification page (opens in a new window)");
    expect(s.step.shadowRoot!.textContent).to.contain("Opens in a new window.");
    expect(kycEvents(s.recorder.events).at(-1)).to.deep.equal({ status: "needs_verification", reason: null });
    await expect(s.host).to.be.accessible();

    // What the hosted page does when the applicant finishes: the sandbox approves them.
    await setKycStatus(services, s.user, "approved");
    await waitUntil(() => statusHeading(s.step) === "You’re verified", "polling should pick up the approval", { timeout: 10_000 });
    expect(kycEvents(s.recorder.events).at(-1)).to.deep.equal({ status: "approved", reason: null });
    expect(s.recorder.announcements).to.include("Verification status: You’re verified.");
    expect(s.recorder.updates.at(-1)!.patch!.kyc!.status).to.equal("approved");
    expect(s.step.shadowRoot!.querySelector(".watching")).to.equal(null);
  });

  it("says when the provider fails, keeps what was typed, and succeeds on the next try", async function () {
    this.timeout(25_000);
    const s = (await setup("kyc-fault"))!;
    await fillValidApplication(s.step, { lastName: "Approved" });
    const fault = await sandboxControl<{ faults: { id: string }[] }>(services, "POST", "/faults", {
      method: "POST",
      path: "/kyc/applications",
      kind: "error",
      status: 503,
      times: 1,
      userId: s.user.machinesUserId, // only this user's requests: other files share the sandbox
    });
    try {
      await submit(s.step);
      await waitUntil(() => s.step.shadowRoot!.querySelector("[role=alert]"), "the failure should show", { timeout: 8000 });
    } finally {
      await clearFaults(services, fault.faults);
    }
    const alert = query(s.step, "[role=alert]");
    expect(alert.textContent).to.contain("Our card provider isn’t answering right now. Try again in a moment.");
    expect(alert.textContent).to.match(/Reference: \S+/);
    const error = s.recorder.events.find((e) => e.type === "mc-error")!.detail as Record<string, unknown>;
    expect(error).to.include({ code: "upstream_unavailable", step: "kyc", fatal: false });
    expect(control(s.step, "lastName").value).to.equal("Approved");
    expect(kycEvents(s.recorder.events).map((d) => d.status)).to.deep.equal(["not_submitted"]);

    await submit(s.step);
    await waitUntil(() => statusHeading(s.step) === "You’re verified", "the retry should be approved", { timeout: 8000 });
  });
});
