import { expect, fixture, html, oneEvent, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import "./define";
import type { MachinesCard } from "./machines-card";
import type { StepElement } from "./steps/step-element";
import { advanceUser, forgetSessions, sandboxUser } from "../test/sandbox";
import { latestCode, stack as startStack, strictWorker, uniqueEmail, type StackUrls } from "../test/services";

// The element against the real thing: the sandbox and the Worker under `wrangler dev` (test/stack.ts),
// driven the way a person does.

let stack: StackUrls;

before(async function () {
  this.timeout(180_000);
  const running = await startStack();
  if (!running) this.skip();
  stack = running!;
});

beforeEach(() => forgetSessions());
afterEach(() => forgetSessions());

/** A new user signed in the way the element does it, the session kept in this page for the element to restore. */
const signedInUser = () => sandboxUser(stack, { stage: "signed-in", keepSession: true });

async function mount(attributes = ""): Promise<MachinesCard> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<machines-card api-base="${stack.workerUrl}" ${attributes}></machines-card>`;
  return container.querySelector("machines-card")!;
}

const step = (el: MachinesCard) => el.shadowRoot!.querySelector<StepElement>("[data-step], [exportparts]")!;
const inStep = <E extends HTMLElement = HTMLElement>(el: MachinesCard, selector: string) => step(el)?.shadowRoot?.querySelector<E>(selector) ?? null;
const progressButton = (el: MachinesCard, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="progress-step"] button')].find((b) => b.textContent!.includes(name))!;

describe("<machines-card> journey with the Worker", function () {
  this.timeout(30_000);

  it("signs a new user in with the emailed code, then opens identity verification with focus on its heading", async () => {
    const el = await mount();
    const seen: CustomEvent[] = [];
    for (const type of ["mc-ready", "mc-before-step-change", "mc-step-change", "mc-signed-in", "mc-error"]) {
      el.addEventListener(type, (e) => seen.push(e as CustomEvent));
    }
    const ready = await oneEvent(el, "mc-ready");
    expect(ready.detail).to.deep.equal({ environment: "sandbox", step: "sign-in", signedIn: false });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal("Sandbox");
    await expect(el).to.be.accessible();

    const email = uniqueEmail();
    inStep(el, "#email")!.focus();
    await sendKeys({ type: email });
    await sendKeys({ press: "Enter" });
    await waitUntil(() => inStep(el, "#code"), "the code form should appear", { timeout: 5000 });
    const signedIn = oneEvent(el, "mc-signed-in");
    const changed = oneEvent(el, "mc-step-change");
    inStep(el, "#code")!.focus();
    await sendKeys({ type: await latestCode(stack.identityUrl, email) });
    await sendKeys({ press: "Enter" });

    expect((await signedIn).detail).to.deep.include({ email, restored: false });
    expect((await changed).detail).to.deep.equal({ from: "sign-in", to: "kyc", reason: "next", index: 1, total: 7 });
    expect(el.currentStep).to.equal("kyc");
    // Focus moved to the new step's heading; the change is announced politely.
    expect(step(el).shadowRoot!.activeElement?.tagName).to.equal("H2");
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent === "Step 2 of 7: Identity", undefined, { timeout: 5000 });
    // Progress: where the user is, what is done, what is not open yet.
    expect(progressButton(el, "Identity").getAttribute("aria-current")).to.equal("step");
    expect(progressButton(el, "Sign in").textContent).to.contain("done");
    expect(progressButton(el, "Agreements").disabled).to.equal(true);
    // Read as "1 Sign in, done" / "3 Agreements, not available yet": no stray space before the comma.
    expect(progressButton(el, "Sign in").textContent!.replace(/\s+/g, " ").trim()).to.equal("1 Sign in, done");
    expect(progressButton(el, "Agreements").textContent!.replace(/\s+/g, " ").trim()).to.equal("3 Agreements, not available yet");
    expect(el.shadowRoot!.querySelector('[part="header"]')!.textContent).to.contain(`Signed in as ${email}`);
    await expect(el).to.be.accessible();
    // No token in any event the page saw, nor in the element's attributes.
    const published = JSON.stringify(seen.map((e) => [e.type, e.detail])) + el.outerHTML;
    expect(published).not.to.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(seen.map((e) => e.type)).to.include.members(["mc-ready", "mc-signed-in", "mc-step-change"]);

    // Keyboard: a done step in the progress bar is a button that Enter opens.
    progressButton(el, "Sign in").focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => el.currentStep === "sign-in", undefined, { timeout: 5000 });
    expect(inStep(el, "h2")!.textContent).to.equal("You’re signed in");
  });

  it("restores a returning user's session after a reload and resumes where the Worker says", async () => {
    const user = await signedInUser();
    let el = await mount();
    expect((await oneEvent(el, "mc-ready")).detail).to.deep.equal({ environment: "sandbox", step: "kyc", signedIn: true });
    el.parentElement!.remove();

    await advanceUser(user, "agreements-accepted");
    el = await mount();
    const signedIn = oneEvent(el, "mc-signed-in");
    expect((await oneEvent(el, "mc-ready")).detail.step).to.equal("deposit");
    expect((await signedIn).detail).to.deep.include({ email: user.email, restored: true });
    // Opening on page load does not steal the page's focus.
    expect(document.activeElement).to.equal(document.body);
  });

  it("signs out: back to sign-in, and the session is gone for the next visit", async () => {
    await signedInUser();
    const el = await mount();
    await oneEvent(el, "mc-ready");
    await el.updateComplete;
    const signedOut = oneEvent(el, "mc-signed-out");
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-out"]')!.click();
    expect((await signedOut).detail).to.deep.equal({ reason: "user" });
    await waitUntil(() => el.currentStep === "sign-in" && inStep(el, "#email"), undefined, { timeout: 5000 });
    expect(Object.keys(localStorage).filter((k) => k.startsWith("machines-card:"))).to.deep.equal([]);

    const again = await mount();
    expect((await oneEvent(again, "mc-ready")).detail.signedIn).to.equal(false);
  });

  it("lets the page veto a step change, and refuses a step whose prerequisites are not met", async () => {
    await signedInUser();
    const el = await mount();
    await oneEvent(el, "mc-ready");
    await el.updateComplete;
    el.addEventListener("mc-before-step-change", (e) => e.preventDefault(), { once: true });
    progressButton(el, "Sign in").click();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.currentStep).to.equal("kyc");
    expect(await el.goTo("sign-in")).to.equal(true);
    expect(await el.goTo("card")).to.equal(false);
    expect(el.currentStep).to.equal("sign-in");
  });

  it("says so when the page's steps leave out one the user must take first", async () => {
    await signedInUser();
    const el = await mount('steps="card activity"');
    await oneEvent(el, "mc-ready");
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="body"]')!.textContent).to.contain("This page does not offer the Identity step");
    // Offering it at run time takes the user there.
    el.steps = "kyc card activity";
    await waitUntil(() => el.currentStep === "kyc", undefined, { timeout: 5000 });
  });

  it("tells the partner to add this page's origin to ALLOWED_ORIGINS when the Worker refuses it", async function () {
    this.timeout(120_000);
    const url = await strictWorker();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = `<machines-card api-base="${url}"></machines-card>`;
    const el = container.querySelector("machines-card")!;
    const { detail } = await oneEvent(el, "mc-error");
    expect(detail).to.deep.include({ code: "origin_not_allowed", fatal: true });
    expect(detail.message).to.equal(
      `The Worker at ${url} does not accept requests from this page's origin (${location.origin}). Add ${location.origin} to the Worker's ALLOWED_ORIGINS setting and deploy it again.`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain("ALLOWED_ORIGINS");
    await expect(el).to.be.accessible();
  });

  it("refuses to run a production page against a sandbox Worker", async () => {
    const el = await mount('environment="production"');
    const { detail } = await oneEvent(el, "mc-error");
    expect(detail.code).to.equal("environment_mismatch");
    expect(detail.message).to.contain('environment="production" but the Worker at').and.contain("runs in sandbox");
  });
});
