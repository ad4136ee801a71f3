import { css, html, nothing } from "lit";
import { Task } from "@lit/task";
import { agreementsRoutes, type Agreement, type Agreements } from "@machines-card/contract/api/agreements";
import { isApiError } from "../../api/api-error";
import { spinner, skeleton } from "../../components/loading";
import { notice } from "../../components/notice";
import { linkTarget } from "../../components/safe-link";
import { AgreementsAcceptedEvent } from "../../events/agreements-accepted";
import { StepElement } from "../step-element";
import { agreementsMessages, type AgreementsMessages } from "./agreements.messages";

const isKycRequired = (error: unknown) => isApiError(error) && error.code === "kyc_required";

/**
 * The card agreements: each one's text and documents (opened in a new window), one checkbox per
 * agreement that the user must tick themselves, then the accepted state with its date.
 */
export class AgreementsStep extends StepElement<AgreementsMessages> {
  static override styles = [
    ...StepElement.styles,
    css`
      ul.agreements > li {
        display: flex;
        flex-direction: column;
        gap: 0.375em;
      }
      .links {
        padding-inline-start: 1.875em;
      }
      .links a {
        white-space: nowrap;
      }
      .accepted-list li {
        display: flex;
        gap: 0.625em;
      }
      .tick {
        color: var(--mc-color-success);
        font-weight: 700;
      }
    `,
  ];
  static override properties = {
    ...StepElement.properties,
    ticked: { state: true },
    busy: { state: true },
    consentError: { state: true },
    acceptError: { state: true },
    result: { state: true },
  };

  readonly step = "agreements" as const;
  protected readonly messages = agreementsMessages;
  declare private ticked: ReadonlySet<string>;
  declare private busy: boolean;
  /** Shown when the user tries to go on without ticking everything. */
  declare private consentError: boolean;
  declare private acceptError: unknown;
  /** The agreements as accepting them answered. */
  declare private result: Agreements | null;

  private readonly agreements = new Task(this, {
    task: async ([api], { signal }) => {
      try {
        return await api.call(agreementsRoutes.getAgreements, { signal });
      } catch (error) {
        // Not verified yet is a state this step explains, not a failure to report.
        if (!isKycRequired(error)) this.sentence(error);
        throw error;
      }
    },
    args: () => [this.context.api] as const,
  });

  constructor() {
    super();
    this.ticked = new Set();
    this.busy = false;
    this.consentError = false;
    this.acceptError = null;
    this.result = null;
  }

  private toggle(id: string, on: boolean): void {
    const ticked = new Set(this.ticked);
    if (on) ticked.add(id);
    else ticked.delete(id);
    this.ticked = ticked;
  }

  private async accept(e: Event, list: Agreement[]): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const missing = list.find((a) => !this.ticked.has(a.id));
    this.consentError = Boolean(missing);
    this.acceptError = null;
    if (missing) {
      this.announce(this.t("mustTick", { count: list.length }));
      await this.focusOn(`#agreement-${CSS.escape(missing.id)}`);
      return;
    }
    this.busy = true;
    try {
      const result = await this.context.api.call(agreementsRoutes.acceptAgreements, { body: { accepted: true } });
      this.result = result; // shown as accepted while the element moves on
      this.emit(new AgreementsAcceptedEvent({ agreementIds: result.agreements.map((a) => a.id), acceptedAt: result.acceptedAt }));
      this.announce(this.t("announceAccepted"));
      this.report({ agreementsAccepted: true }, "next");
    } catch (error) {
      this.acceptError = error;
      if (!isKycRequired(error)) this.sentence(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<div class="stack">
      ${this.heading(this.t("title"))}
      ${this.agreements.render({
        pending: () => skeleton(this.t("loading"), 5),
        error: (error) => this.errorView(error, () => void this.agreements.run()),
        complete: (loaded) => {
          const data = this.result ?? loaded;
          return data.accepted ? this.renderAccepted(data) : this.renderForm(data.agreements);
        },
      })}
    </div>`;
  }

  /** Identity not verified yet (the Worker's `kyc_required`): point back to that step instead of a dead end. */
  private errorView(error: unknown, retry: () => void) {
    if (isKycRequired(error)) {
      return notice("warning", this.t("kycFirst"), {
        actions: html`<button type="button" class="button" part="button" @click=${() => this.report({}, "kyc")}>${this.t("goToKyc")}</button>`,
      });
    }
    return this.errorNotice(error, { retry });
  }

  private links(agreement: Agreement) {
    if (!agreement.links.length) return nothing;
    return html`<p class="links small">
      <span class="muted">${this.t("read")}</span>
      ${agreement.links.map((link, i) => {
        // Only a https document (http on this machine, for the local sandbox) becomes a link.
        const href = linkTarget(link.url);
        return html`${i ? ", " : ""}${href
          ? html`<a href=${href} target="_blank" rel="noopener"
              >${link.label}<span class="visually-hidden"> ${this.t("newWindow")}</span><span aria-hidden="true"> ↗</span></a
            >`
          : html`<span class="link-unavailable">${this.t("linkUnavailable", { label: link.label })}</span>`}`;
      })}
    </p>`;
  }

  private renderForm(list: Agreement[]) {
    const count = list.filter((a) => this.ticked.has(a.id)).length;
    const error = this.consentError && count < list.length ? this.t("mustTick", { count: list.length }) : "";
    return html`<form class="stack" novalidate @submit=${(e: Event) => void this.accept(e, list)}>
      <p class="muted">${this.t("intro")}</p>
      ${list.length
        ? html`<fieldset class="field" part="field" aria-describedby=${error ? "consent-error" : nothing}>
            <legend class="visually-hidden">${this.t("legend")}</legend>
            <ul class="plain divided agreements">
              ${list.map(
                (a) => html`<li>
                  <div class="check">
                    <input type="checkbox" id=${`agreement-${a.id}`} name=${a.id} .checked=${this.ticked.has(a.id)}
                      aria-invalid=${error && !this.ticked.has(a.id) ? "true" : "false"}
                      @change=${(e: Event) => this.toggle(a.id, (e.target as HTMLInputElement).checked)} />
                    <label for=${`agreement-${a.id}`}>${a.text}</label>
                  </div>
                  ${this.links(a)}
                </li>`,
              )}
            </ul>
            ${error ? html`<p class="field-error" id="consent-error" part="field-error">${error}</p>` : nothing}
          </fieldset>`
        : html`<p class="empty">${this.t("empty")}</p>`}
      ${this.acceptError ? this.errorView(this.acceptError, () => void this.accept(new Event("submit"), list)) : nothing}
      <div class="actions spread">
        ${list.length ? html`<span class="muted small" id="consent-progress">${this.t("progress", { count, total: list.length })}</span>` : nothing}
        <button type="submit" class="button" part="button" aria-describedby=${list.length ? "consent-progress" : nothing} aria-busy=${this.busy ? "true" : "false"} ?disabled=${this.busy}>
          ${this.busy ? html`${spinner()} ${this.t("accepting")}` : this.t("accept")}
        </button>
      </div>
    </form>`;
  }

  private renderAccepted(data: Agreements) {
    return html`${notice("success", data.acceptedAt ? this.t("acceptedOn", { date: this.context.i18n.dateTime(data.acceptedAt) }) : this.t("accepted"), {
        title: this.t("acceptedTitle"),
      })}
      <ul class="plain divided accepted-list">
        ${data.agreements.map((a) => html`<li><span class="tick" aria-hidden="true">✓</span><div class="stack-tight">${a.text} ${this.links(a)}</div></li>`)}
      </ul>
      <div class="actions">
        <button type="button" class="button block" part="button" data-continue @click=${() => this.report({ agreementsAccepted: true }, "next")}>
          ${this.t("continue")}
        </button>
      </div>`;
  }
}
