import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import { LitElement } from "lit";
import { coreCatalogs } from "../../i18n/core-messages";
import { createI18n, type Translate } from "../../i18n/translator";
import { deviceKeyStore } from "../../wallet/device-key-store";
import { WalletError, type ApprovalRequest } from "../../wallet/wallet-adapter";
import { withdrawalFixture } from "#test/withdrawal-fixture";
import { withdrawMessages, type WithdrawMessages } from "./withdraw.messages";
import { WithdrawApproval } from "./withdraw-approval";

const WITHDRAWAL = withdrawalFixture({ id: "wd_approval01", amountCents: 4000 });

const i18n = createI18n("en-US", "en", { core: coreCatalogs as never });
const t: Translate<WithdrawMessages> = (key, values) => i18n.t(withdrawMessages, key, values);

class ApprovalHost extends LitElement {
  readonly announced: string[] = [];
  readonly approval = new WithdrawApproval(this, { t, announce: (text) => this.announced.push(text), focusOn: () => undefined });
  override render() {
    return this.approval.render(i18n, WITHDRAWAL);
  }
}
customElements.define("test-withdraw-approval-host", ApprovalHost);

/** A signer that "emails" a code and checks it, as the sandbox wallet and Crossmint's SDK do. */
function signer(opts: { expireAfterFirstSend?: boolean } = {}) {
  const log: string[] = [];
  let code = "";
  let sends = 0;
  const request: ApprovalRequest = {
    signerType: "email",
    signer: "email:ada@example.com",
    sendCode: async () => {
      sends += 1;
      code = String(100000 + sends);
      log.push(`send ${code}`);
    },
    verifyCode: async (entered) => {
      log.push(`verify ${entered}`);
      if (opts.expireAfterFirstSend && sends === 1) throw new WalletError("code_expired", "expired");
      if (entered !== code) throw new WalletError("code_invalid", "wrong code; 4 attempt(s) left");
    },
  };
  return { request, log, code: () => code };
}

const q = <E extends Element>(host: ApprovalHost, selector: string) => host.shadowRoot!.querySelector<E>(selector);
const button = (host: ApprovalHost, text: RegExp) =>
  [...host.shadowRoot!.querySelectorAll("button")].find((b) => text.test(b.textContent ?? "")) as HTMLButtonElement | undefined;
async function enter(host: ApprovalHost, code: string) {
  q<HTMLInputElement>(host, "#approval-code")!.value = code;
  q<HTMLFormElement>(host, "form")!.requestSubmit();
  await host.updateComplete;
}

describe("withdraw approval prompt", () => {
  it("names the amount and destination, sends the code, resolves only with the right one", async () => {
    const host = await fixture<ApprovalHost>(html`<test-withdraw-approval-host></test-withdraw-approval-host>`);
    const s = signer();
    let approved = false;
    const asked = host.approval.ask(s.request).then(() => (approved = true));
    await host.updateComplete;
    const text = host.shadowRoot!.textContent!;
    expect(text).to.contain("Approve this withdrawal");
    expect(text).to.contain("$40.00");
    expect(text).to.contain(WITHDRAWAL.destination.address);
    expect(text).to.contain("ada@example.com");
    expect(q(host, "#approval-code"), "no code field before a code was sent").to.equal(null);

    button(host, /Email me a code/)!.click();
    await waitUntil(() => q(host, "#approval-code"), "the code field appears once the code is sent");
    expect(host.announced).to.include("Code sent to ada@example.com.");
    // Resend waits for its countdown.
    expect(button(host, /Send a new code in \d+ seconds?/)!.disabled).to.equal(true);

    await enter(host, "999999");
    await waitUntil(() => q(host, "[data-approval-problem]"), "a wrong code is said");
    expect(q(host, "[data-approval-problem]")!.getAttribute("data-approval-problem")).to.equal("code_invalid");
    expect(approved).to.equal(false);

    await enter(host, s.code());
    await asked;
    expect(approved).to.equal(true);
    expect(host.approval.open).to.equal(false);
    expect(s.log).to.deep.equal(["send 100001", "verify 999999", "verify 100001"]);
  });

  it("says an expired code is expired, and giving up rejects with user_rejected (nothing signed)", async () => {
    const host = await fixture<ApprovalHost>(html`<test-withdraw-approval-host></test-withdraw-approval-host>`);
    const s = signer({ expireAfterFirstSend: true });
    const asked = host.approval.ask(s.request);
    await host.updateComplete;
    button(host, /Email me a code/)!.click();
    await waitUntil(() => q(host, "#approval-code"));
    await enter(host, s.code());
    await waitUntil(() => q(host, "[data-approval-problem]"));
    expect(q(host, "[data-approval-problem]")!.getAttribute("data-approval-problem")).to.equal("code_expired");
    expect(q(host, "[data-approval-problem]")!.textContent).to.contain("Send a new one");

    button(host, /Cancel/)!.click();
    const error = await asked.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as WalletError).code).to.equal("user_rejected");
    await host.updateComplete;
    expect(host.shadowRoot!.textContent!.trim()).to.equal("");
  });
});

describe("device key store", () => {
  it("keeps a non-extractable P-256 key in IndexedDB that still signs after being read back, and forgets it", async () => {
    const store = deviceKeyStore();
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    await store.put("0xabc", { id: "device:test", name: "test", privateKey: pair.privateKey });
    const kept = await store.get("0xabc");
    expect(kept?.id).to.equal("device:test");
    expect(kept!.privateKey.extractable).to.equal(false);
    const data = new TextEncoder().encode("approve");
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, kept!.privateKey, data);
    expect(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, pair.publicKey, signature, data)).to.equal(true);
    let exported = true;
    await crypto.subtle.exportKey("jwk", kept!.privateKey).catch(() => (exported = false));
    expect(exported).to.equal(false);
    await store.remove("0xabc");
    expect(await store.get("0xabc")).to.equal(null);
  });
});
