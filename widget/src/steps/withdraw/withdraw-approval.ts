import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { Withdrawal } from "@machines-card/contract/api/withdrawals";
import type { I18n, Translate } from "../../i18n/translator";
import { WalletError, type ApprovalRequest } from "../../wallet/wallet-adapter";
import type { WithdrawMessages } from "./withdraw.messages";

/** Seconds before the code can be sent again (Crossmint and the sandbox both limit codes per email). */
export const RESEND_AFTER_S = 30;

type Phase = "start" | "sending" | "sent" | "verifying";

/**
 * The approval the wallet asks for after the user confirmed the preview: the one-time code emailed to
 * the wallet's signer. It names the amount and the destination again; the user sends the code, enters
 * it, may resend it after a countdown, or gives up — then the wallet signs nothing and the withdrawal
 * stays ready, to be confirmed again before it expires.
 */
export class WithdrawApproval implements ReactiveController {
  private request: ApprovalRequest | null = null;
  private settle: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  private phase: Phase = "start";
  private problem: "code_invalid" | "code_expired" | "send_failed" | null = null;
  private problemText = "";
  private resendAt = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ui: { t: Translate<WithdrawMessages>; announce(text: string): void; focusOn(selector: string): void },
  ) {
    host.addController(this);
  }

  private get t(): Translate<WithdrawMessages> {
    return this.ui.t;
  }

  /** Whether a prompt is open. */
  get open(): boolean {
    return this.request !== null;
  }

  /** The wallet's approval handler (`WalletAdapter.onApprovalRequired`). */
  readonly ask = (request: ApprovalRequest): Promise<void> => {
    this.giveUp();
    this.request = request;
    this.phase = "start";
    this.problem = null;
    this.host.requestUpdate();
    this.ui.focusOn("[data-approval-heading]");
    return new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
  };

  hostDisconnected(): void {
    this.giveUp();
  }

  /** Closes the prompt: nothing is signed. */
  giveUp(): void {
    const settle = this.settle;
    this.close();
    settle?.reject(new WalletError("user_rejected", "the approval was abandoned; nothing was signed"));
  }

  private close(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.request = null;
    this.settle = null;
    this.host.requestUpdate();
  }

  private async send(): Promise<void> {
    const request = this.request;
    if (!request || this.phase === "sending") return;
    this.phase = "sending";
    this.problem = null;
    this.host.requestUpdate();
    try {
      await request.sendCode();
      if (this.request !== request) return;
      this.phase = "sent";
      this.resendAt = Date.now() + RESEND_AFTER_S * 1000;
      clearInterval(this.ticker);
      this.ticker = setInterval(() => {
        if (Date.now() >= this.resendAt) clearInterval(this.ticker);
        this.host.requestUpdate();
      }, 1000);
      this.host.requestUpdate();
      this.ui.announce(this.t("approval.sent", { signer: signerName(request.signer) }));
      this.ui.focusOn("#approval-code");
    } catch (e) {
      if (this.request !== request) return;
      this.phase = "start";
      this.fail("send_failed", (e as Error).message);
    }
  }

  private async verify(form: HTMLFormElement): Promise<void> {
    const request = this.request;
    const input = form.querySelector<HTMLInputElement>("#approval-code");
    const code = input?.value.replace(/\s+/g, "") ?? "";
    if (!request || this.phase === "verifying") return;
    if (!/^\d{6}$/.test(code)) return this.fail("code_invalid", this.t("approval.format"));
    this.phase = "verifying";
    this.problem = null;
    this.host.requestUpdate();
    try {
      await request.verifyCode(code);
      if (this.request !== request) return;
      const settle = this.settle;
      this.close();
      settle?.resolve();
    } catch (e) {
      if (this.request !== request) return;
      this.phase = "sent";
      const code = (e as WalletError).code;
      if (input) input.value = "";
      this.fail(code === "code_expired" ? "code_expired" : code === "code_invalid" ? "code_invalid" : "send_failed", (e as Error).message);
    }
  }

  private fail(problem: NonNullable<WithdrawApproval["problem"]>, detail: string): void {
    this.problem = problem;
    this.problemText = problem === "code_invalid" ? this.t("approval.wrong") : problem === "code_expired" ? this.t("approval.expired") : this.t("approval.failed", { detail });
    this.ui.announce(this.problemText);
    this.host.requestUpdate();
    this.ui.focusOn("#approval-code");
  }

  /** The prompt, for the withdrawal on screen. */
  render(i18n: I18n, w: Withdrawal): TemplateResult | typeof nothing {
    const request = this.request;
    if (!request) return nothing;
    const t = this.t;
    const wait = Math.max(0, Math.ceil((this.resendAt - Date.now()) / 1000));
    const started = this.phase !== "start" && this.phase !== "sending";
    return html`<section class="approval stack" part="approval" aria-labelledby="approval-heading">
      <h3 id="approval-heading" data-approval-heading tabindex="-1">${t("approval.title")}</h3>
      <p>${t("approval.what", { amount: i18n.money(w.amountCents) })}</p>
      <p class="mono">${w.destination.address}</p>
      <p class="muted">${t("approval.why", { signer: signerName(request.signer) })}</p>
      ${this.problem ? html`<div class="notice error" role="alert" data-approval-problem=${this.problem}>${this.problemText}</div>` : nothing}
      ${started
        ? html`<form
            class="stack"
            novalidate
            @submit=${(e: Event) => {
              e.preventDefault();
              void this.verify(e.currentTarget as HTMLFormElement);
            }}
          >
            <div class="field">
              <label for="approval-code">${t("approval.code")}</label>
              <input id="approval-code" name="code" class="mono" inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}" ?disabled=${this.phase === "verifying"} />
            </div>
            <div class="actions">
              <button type="submit" class="button" part="button" aria-busy=${this.phase === "verifying" ? "true" : "false"} ?disabled=${this.phase === "verifying"}>${t("approval.approve")}</button>
              <button type="button" class="button secondary" part="button" ?disabled=${wait > 0} @click=${() => void this.send()}>
                ${wait > 0 ? t("approval.resendIn", { count: wait }) : t("approval.resend")}
              </button>
            </div>
          </form>`
        : html`<div class="actions">
            <button type="button" class="button" part="button" aria-busy=${this.phase === "sending" ? "true" : "false"} ?disabled=${this.phase === "sending"} @click=${() => void this.send()}>${t("approval.send")}</button>
          </div>`}
      <div class="actions">
        <button type="button" class="button quiet" part="button" @click=${() => this.giveUp()}>${t("approval.giveUp")}</button>
      </div>
    </section>`;
  }
}

/** `email:ada@example.com` → `ada@example.com`. */
function signerName(locator: string): string {
  return locator.replace(/^(email|phone):/, "");
}
