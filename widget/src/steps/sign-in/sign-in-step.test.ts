import { expect, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { createSandboxAuth } from "../../auth/sandbox-auth";
import { latestCode, testServices, uniqueEmail } from "#test/services";
import { renderStep } from "#test/step-fixture";
import type { SignInStep } from "./sign-in-step";

// Sign-in against the real sandbox identity issuer, served by the test runner.
async function setup(options: { locale?: string; signedIn?: boolean } = {}) {
  const { identityUrl } = await testServices();
  const storage = new Map<string, string>();
  const memory = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  };
  const auth = createSandboxAuth({ issuerUrl: identityUrl, storage: memory });
  const state = options.signedIn ? { user: { id: "u1", email: "ada@example.com" } } : {};
  const rendered = await renderStep<SignInStep>("sign-in", { auth, state, ...(options.locale ? { locale: options.locale } : {}) });
  const $ = <E extends Element = HTMLElement>(selector: string) => rendered.step.shadowRoot!.querySelector<E & HTMLElement>(selector);
  return { ...rendered, $, auth, identityUrl, storage, memory };
}

async function typeInto(input: HTMLElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
}

async function submitEmail(s: Awaited<ReturnType<typeof setup>>, email: string) {
  await typeInto(s.$("#email")!, email);
  await sendKeys({ press: "Enter" });
  await waitUntil(() => s.$("#code"), "the code form should appear", { timeout: 5000 });
}

describe("sign-in step", () => {
  it("asks for an email, accessibly, with the browser's email autofill", async () => {
    const { host, $ } = await setup();
    await expect(host).to.be.accessible();
    const input = $<HTMLInputElement>("#email")!;
    expect(input.type).to.equal("email");
    expect(input.autocomplete).to.equal("email");
    expect($("label[for=email]")!.textContent).to.contain("Email");
    expect($("h2")!.textContent).to.equal("Sign in");
  });

  it("says so next to the field when the email is empty or malformed, without calling the issuer", async () => {
    const { $, step } = await setup();
    $<HTMLButtonElement>("button[type=submit]")!.click();
    await step.updateComplete;
    expect($("#email-error")!.textContent).to.equal("Enter your email address.");
    expect($("#email")!.getAttribute("aria-invalid")).to.equal("true");
    expect($("#email")!.getAttribute("aria-describedby")).to.contain("email-error");

    await typeInto($("#email")!, "not-an-email");
    await sendKeys({ press: "Enter" });
    await step.updateComplete;
    expect($("#email-error")!.textContent).to.contain("valid email address");
    expect($("#code")).to.equal(null);
  });

  it("sends a code, moves focus to the code input and holds back a resend for a while", async () => {
    const s = await setup();
    await submitEmail(s, uniqueEmail());
    await s.step.updateComplete;
    expect(s.step.shadowRoot!.activeElement).to.equal(s.$("#code"));
    expect(s.$<HTMLInputElement>("#code")!.autocomplete).to.equal("one-time-code");
    expect(s.$("#code")!.getAttribute("inputmode")).to.equal("numeric");
    expect(s.step.shadowRoot!.textContent).to.contain("Sandbox: the code is shown");
    const resend = [...s.step.shadowRoot!.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent!.includes("new code"))!;
    expect(resend.disabled).to.equal(true);
    expect(resend.textContent).to.match(/in \d+ s/);
    await expect(s.host).to.be.accessible();
  });

  it("rejects a wrong code with a message, reports mc-error, and accepts the right one", async () => {
    const s = await setup();
    const email = uniqueEmail();
    await submitEmail(s, email);
    const code = await latestCode(s.identityUrl, email);
    const wrong = code === "000000" ? "111111" : "000000";

    await typeInto(s.$("#code")!, wrong);
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.$("#code-error"), "a wrong code should show an error", { timeout: 5000 });
    expect(s.$("#code-error")!.textContent).to.equal("That code isn’t right. Check the email and try again.");
    expect(s.recorder.events.map((e) => (e.detail as { code: string }).code)).to.include("otp_invalid");
    expect(s.recorder.announcements).to.include("That code isn’t right. Check the email and try again.");

    s.$<HTMLInputElement>("#code")!.value = "";
    await typeInto(s.$("#code")!, code);
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.recorder.updates.some((u) => u.patch?.user), "the step should report the signed-in user", { timeout: 5000 });
    const user = s.recorder.updates.find((u) => u.patch?.user)!.patch!.user!;
    expect(user.email).to.equal(email);
    expect(await s.auth.token()).to.match(/^ey/);
  });

  it("keeps the session for the next visit: a new adapter on the same storage restores it", async () => {
    const s = await setup();
    const email = uniqueEmail();
    await submitEmail(s, email);
    await typeInto(s.$("#code")!, await latestCode(s.identityUrl, email));
    await sendKeys({ press: "Enter" });
    await waitUntil(() => s.recorder.updates.some((u) => u.patch?.user), undefined, { timeout: 5000 });
    // Nothing but the refresh token and who it belongs to is stored: never the JWT.
    const stored = [...s.storage.values()].join();
    expect(stored).to.contain("refreshToken");
    expect(stored).not.to.contain(await s.auth.token());

    const reloaded = createSandboxAuth({ issuerUrl: s.identityUrl, storage: s.memory });
    expect((await reloaded.restore())?.email).to.equal(email);
    expect(await reloaded.token()).to.match(/^ey/);
    await reloaded.signOut();
    expect(s.storage.size).to.equal(0);
    expect(await createSandboxAuth({ issuerUrl: s.identityUrl, storage: s.memory }).restore()).to.equal(null);
  });

  it("tells the user to ask for a new code after too many wrong ones", async () => {
    const s = await setup();
    const email = uniqueEmail();
    await submitEmail(s, email);
    const code = await latestCode(s.identityUrl, email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 6; i++) {
      s.$<HTMLInputElement>("#code")!.value = "";
      await typeInto(s.$("#code")!, wrong);
      await sendKeys({ press: "Enter" });
      // Each refusal reports one mc-error; wait for this attempt's before the next.
      await waitUntil(() => s.recorder.events.length === i, `attempt ${i} should be refused`, { timeout: 5000 });
      await s.step.updateComplete;
    }
    expect(s.$("#code-error")!.textContent).to.contain("Too many wrong codes");
  });

  it("says a code has expired and lets the user ask for a new one", async () => {
    const { fastIdentityUrl } = await testServices();
    const auth = createSandboxAuth({ issuerUrl: fastIdentityUrl, storage: new Map() as unknown as Storage });
    const { step, recorder } = await renderStep<SignInStep>("sign-in", { auth });
    const $ = (selector: string) => step.shadowRoot!.querySelector<HTMLElement>(selector);
    const email = uniqueEmail();
    await typeInto($("#email")!, email);
    await sendKeys({ press: "Enter" });
    await waitUntil(() => $("#code"), undefined, { timeout: 5000 });
    const code = await latestCode(fastIdentityUrl, email);
    await new Promise((r) => setTimeout(r, 700)); // the fast issuer's codes last half a second
    await typeInto($("#code")!, code);
    await sendKeys({ press: "Enter" });
    await waitUntil(() => $("#code-error"), undefined, { timeout: 5000 });
    expect($("#code-error")!.textContent).to.equal("This code has expired or was already used. Send a new code.");
    expect(recorder.events.map((e) => (e.detail as { code: string }).code)).to.include("otp_expired");
  });

  it("checks the code's format before sending it", async () => {
    const s = await setup();
    await submitEmail(s, uniqueEmail());
    await typeInto(s.$("#code")!, "12a");
    await sendKeys({ press: "Enter" });
    await s.step.updateComplete;
    expect(s.$("#code-error")!.textContent).to.equal("Enter the 6-digit code from the email.");
  });

  it("goes back to the email form, keeping what was typed", async () => {
    const s = await setup();
    const email = uniqueEmail();
    await submitEmail(s, email);
    const other = [...s.step.shadowRoot!.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent!.includes("another email"))!;
    other.click();
    await waitUntil(() => s.$("#email"), undefined, { timeout: 5000 });
    expect(s.$<HTMLInputElement>("#email")!.value).to.equal(email);
  });

  it("shows a signed-in user who they are, and lets them continue or sign out", async () => {
    const s = await setup({ signedIn: true });
    await expect(s.host).to.be.accessible();
    expect(s.step.shadowRoot!.textContent).to.contain("Signed in as ada@example.com.");
    const [continueButton, signOut] = s.step.shadowRoot!.querySelectorAll<HTMLButtonElement>("button");
    continueButton!.click();
    expect(s.recorder.updates.at(-1)).to.deep.equal({ patch: {}, go: "resume" });
    signOut!.click();
    await waitUntil(() => s.recorder.updates.length === 2, undefined, { timeout: 5000 });
    expect(s.recorder.updates.at(-1)).to.deep.equal({ patch: { user: null } });
  });

  it("speaks Spanish when the locale is Spanish", async () => {
    const s = await setup({ locale: "es-MX" });
    expect(s.$("h2")!.textContent).to.equal("Inicia sesión");
    expect(s.$("label[for=email]")!.textContent).to.contain("Correo electrónico");
    await expect(s.host).to.be.accessible();
  });
});
