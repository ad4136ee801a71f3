import { html, nothing } from "lit";
import { AuthError } from "../../auth/auth-adapter";
import { describedBy, field } from "../../components/field";
import { spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import { StepElement } from "../step-element";
import { signInMessages, type SignInMessages } from "./sign-in.messages";

type View = "email" | "code";
type MessageKey = keyof SignInMessages & string;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE = /^\d{6}$/;
/** How long "Send a new code" waits after a code went out, in seconds. */
export const RESEND_COOLDOWN_SECONDS = 30;

/**
 * Sign-in with an email one-time code, through whichever auth adapter the Worker's config names
 * (the sandbox issuer, or Crossmint in production). A signed-in user who comes back here sees who
 * they are, and can continue or sign out.
 */
export class SignInStep extends StepElement<SignInMessages> {
  static override properties = {
    ...StepElement.properties,
    view: { state: true },
    email: { state: true },
    busy: { state: true },
    fieldError: { state: true },
    formError: { state: true },
    info: { state: true },
    cooldown: { state: true },
  };

  readonly step = "sign-in" as const;
  protected readonly messages = signInMessages;
  declare private view: View;
  declare private email: string;
  declare private busy: boolean;
  /** The error under the email or code input. */
  declare private fieldError: string;
  /** An error about the whole form (network, provider). */
  declare private formError: string;
  declare private info: string;
  /** Seconds until a new code may be requested. */
  declare private cooldown: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.view = "email";
    this.email = "";
    this.busy = false;
    this.fieldError = "";
    this.formError = "";
    this.info = "";
    this.cooldown = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private startCooldown(): void {
    this.cooldown = RESEND_COOLDOWN_SECONDS;
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.cooldown = Math.max(0, this.cooldown - 1);
      if (!this.cooldown) clearInterval(this.timer);
    }, 1000);
  }

  private showError(error: unknown): void {
    const code = error instanceof AuthError ? error.code : "";
    let text: string;
    if (code === "rate_limited") {
      const seconds = (error as AuthError).retryAfterSeconds;
      text = seconds ? this.t("error.rate_limited", { count: seconds }) : this.t("error.rate_limited_soon");
    } else if (code && `error.${code}` in this.messages.en) {
      text = this.t(`error.${code}` as MessageKey);
    } else {
      text = this.t("error.provider_error");
    }
    this.fail(error);
    const aboutInput = code === "invalid_email" || code.startsWith("otp_");
    this.fieldError = aboutInput ? text : "";
    this.formError = aboutInput ? "" : text;
    this.announce(text);
  }

  /** Clears the last messages and, for a refused input, says why at the field and puts focus there; answers whether it may go. */
  private checked(input: HTMLInputElement | null, problem: MessageKey | null): boolean {
    this.formError = "";
    this.info = "";
    this.fieldError = problem ? this.t(problem) : "";
    if (!problem) return true;
    this.announce(this.fieldError);
    input?.focus();
    return false;
  }

  private async sendCode(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>("#email");
    const email = (input?.value ?? this.email).trim();
    this.email = email;
    if (!this.checked(input, EMAIL.test(email) ? null : email ? "error.invalid_email" : "error.email_required")) return;
    this.busy = true;
    try {
      await this.context.auth.sendCode(email);
      const resending = this.view === "code";
      this.view = "code";
      this.startCooldown();
      if (resending) this.info = this.t("resent", { email });
      await this.focusOn("#code");
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  private async verify(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>("#code");
    const code = (input?.value ?? "").replace(/\s+/g, "");
    if (!this.checked(input, CODE.test(code) ? null : "error.code_format")) return;
    this.busy = true;
    try {
      const user = await this.context.auth.verifyCode(this.email, code);
      // The element loads the journey and moves on; this step stays busy until then.
      this.report({ user });
    } catch (error) {
      this.busy = false;
      this.showError(error);
      input?.select();
    }
  }

  private useOtherEmail(): void {
    this.view = "email";
    this.fieldError = "";
    this.formError = "";
    this.info = "";
    void this.focusOn("#email");
  }

  private async signOut(): Promise<void> {
    this.busy = true;
    await this.context.auth.signOut().catch(() => undefined);
    this.busy = false;
    this.view = "email";
    this.report({ user: null });
  }

  override render() {
    const user = this.context.state.user;
    if (user) return this.renderSignedIn(user.email ?? user.id);
    return this.view === "email" ? this.renderEmail() : this.renderCode();
  }

  private renderSignedIn(who: string) {
    return html`<div class="stack">
      ${this.heading(this.t("signedInTitle"))}
      <p>${this.t("signedInAs", { email: who })}</p>
      <div class="actions">
        <button type="button" class="button" part="button" ?disabled=${this.busy} @click=${() => this.report({}, "resume")}>${this.t("continue")}</button>
        <button type="button" class="button secondary" part="button" ?disabled=${this.busy} @click=${() => void this.signOut()}>${this.t("signOut")}</button>
      </div>
    </div>`;
  }

  private renderEmail() {
    const error = this.fieldError || undefined;
    return html`<form class="stack" novalidate @submit=${this.sendCode}>
      ${this.heading(this.t("title"))}
      <p class="muted">${this.t("intro")}</p>
      ${this.formError ? notice("error", this.formError) : nothing}
      ${field(
        { id: "email", label: this.t("email"), error },
        html`<input id="email" name="email" type="email" autocomplete="email" inputmode="email" spellcheck="false" required
          .value=${this.email} aria-describedby=${describedBy({ id: "email", error })} aria-invalid=${error ? "true" : "false"} />`,
      )}
      <div class="actions">
        <button type="submit" class="button block" part="button" aria-busy=${this.busy ? "true" : "false"} ?disabled=${this.busy}>
          ${this.busy ? html`${spinner()} ${this.t("sending")}` : this.t("sendCode")}
        </button>
      </div>
    </form>`;
  }

  private renderCode() {
    const error = this.fieldError || undefined;
    const sandbox = this.context.config.environment === "sandbox";
    const hint = this.t("codeHint");
    return html`<form class="stack" novalidate @submit=${this.verify}>
      ${this.heading(this.t("codeTitle"))}
      <p id="code-sent">${this.t("codeSent", { email: this.email })}</p>
      ${sandbox ? notice("info", this.t("sandboxHint")) : nothing}
      ${this.info ? notice("success", this.info) : nothing}
      ${this.formError ? notice("error", this.formError) : nothing}
      ${field(
        { id: "code", label: this.t("code"), hint, error },
        html`<input id="code" name="code" class="code" type="text" autocomplete="one-time-code" inputmode="numeric" maxlength="6"
          pattern="[0-9]*" spellcheck="false" required aria-describedby=${["code-sent", "code-hint", error ? "code-error" : ""].join(" ").trim()}
          aria-invalid=${error ? "true" : "false"} />`,
      )}
      <div class="actions">
        <button type="submit" class="button block" part="button" aria-busy=${this.busy ? "true" : "false"} ?disabled=${this.busy}>
          ${this.busy ? html`${spinner()} ${this.t("verifying")}` : this.t("verify")}
        </button>
      </div>
      <div class="row">
        <button type="button" class="button quiet" part="button" ?disabled=${this.busy || this.cooldown > 0} @click=${() => void this.sendCode()}>
          ${this.cooldown > 0 ? this.t("resendIn", { count: this.cooldown }) : this.t("resend")}
        </button>
        <button type="button" class="button quiet" part="button" ?disabled=${this.busy} @click=${this.useOtherEmail}>${this.t("otherEmail")}</button>
      </div>
    </form>`;
  }
}
