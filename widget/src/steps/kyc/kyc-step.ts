import { html, nothing } from "lit";
import { Task } from "@lit/task";
import type { KycState, KycValues } from "../../../../shared/api/kyc";
import { isApiError } from "../../api/api-error";
import { getKycStatus } from "../../api/get-kyc-status";
import { getKycValues } from "../../api/get-kyc-values";
import { submitKycApplication } from "../../api/submit-kyc-application";
import { skeleton } from "../../components/loading";
import { notice } from "../../components/notice";
import { PollController } from "../../components/poll-controller";
import { KycStatusEvent } from "../../events/kyc-status";
import { StepElement } from "../step-element";
import { controlId, kycForm } from "./kyc-form";
import { controlsOf, formModel, type FormItem } from "./kyc-form-model";
import { KycFormState } from "./kyc-form-state";
import { kycStatusView, RESUBMITTABLE_STATUSES, WATCHED_STATUSES } from "./kyc-status-view";
import { kycStyles } from "./kyc-step.styles";
import { applicationFrom } from "./kyc-validation";
import { kycMessages, type KycMessageKey, type KycMessages } from "./kyc.messages";

/**
 * Identity verification (KYC). A user who has not applied fills in the form built from the Worker's
 * field list, checked as they type with the shared KYC rules; everyone else sees their status in plain
 * language, with the hosted verification page when it is needed, watched until it can no longer change.
 */
export class KycStep extends StepElement<KycMessages> {
  static override styles = [...StepElement.styles, kycStyles];
  static override properties = {
    ...StepElement.properties,
    kyc: { state: true },
    editing: { state: true },
    busy: { state: true },
    loadError: { state: true },
    formError: { state: true },
    opened: { state: true },
    checking: { state: true },
  };

  readonly step = "kyc" as const;
  protected readonly messages = kycMessages;
  /** The latest known KYC state (null until known). */
  declare private kyc: KycState | null;
  /** The form is shown over a status that allows sending the details again. */
  declare private editing: boolean;
  declare private busy: boolean;
  declare private loadError: { message: string; requestId: string | undefined } | null;
  declare private formError: { message: string; requestId: string | undefined } | null;
  declare private opened: boolean;
  declare private checking: boolean;
  private readonly form = new KycFormState();
  private emitted: string | null = null;
  /** Move focus into the form once it has rendered (after "Update my details"). */
  private focusForm = false;
  private model: { from: KycValues; items: FormItem[] } | null = null;

  private readonly values = new Task(this, {
    task: async ([api], { signal }) => {
      try {
        return await getKycValues(api, { signal });
      } catch (error) {
        this.fail(error);
        throw error;
      }
    },
    args: () => [this.context.api] as const,
    autoRun: false,
  });

  private readonly watch = new PollController(this, {
    // A review can take hours, but a person waiting on this page expects to see it within seconds.
    maxDelayMs: 15_000,
    poll: async (signal) => {
      try {
        return await this.refresh(signal);
      } catch (error) {
        if (!this.watch.error) this.fail(error); // once per run of failures, not on every retry
        throw error;
      }
    },
  });

  constructor() {
    super();
    this.kyc = null;
    this.editing = false;
    this.busy = false;
    this.loadError = null;
    this.formError = null;
    this.opened = false;
    this.checking = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.kyc || this.loadError) return;
    const known = this.context.state.kyc;
    if (known) this.apply(known, "known");
    else void this.load();
  }

  /** First look at the status when the element did not know it. */
  private async load(): Promise<void> {
    this.loadError = null;
    try {
      this.apply(await getKycStatus(this.context.api), "known");
    } catch (error) {
      const message = this.fail(error);
      if (message) this.loadError = { message, requestId: isApiError(error) ? error.requestId : undefined };
    }
  }

  private async refresh(signal?: AbortSignal): Promise<boolean> {
    const kyc = await getKycStatus(this.context.api, signal ? { signal } : {});
    this.apply(kyc, "watched");
    return WATCHED_STATUSES.has(kyc.status);
  }

  /**
   * Takes a new KYC state: tells the page (`mc-kyc-status`) and the element (`report`) when the status
   * is first known or changes, announces a change the user did not cause, and watches while it can change.
   */
  private apply(next: KycState, cause: "known" | "submitted" | "watched"): void {
    const before = this.kyc;
    this.kyc = next;
    const key = `${next.status}|${next.reason ?? ""}`;
    if (key !== this.emitted) {
      this.emitted = key;
      this.emit(new KycStatusEvent({ status: next.status, reason: next.reason }));
      if (next !== this.context.state.kyc) this.report({ kyc: next });
      if (before && before.status !== next.status) {
        if (cause === "watched") this.announce(this.t("announce.changed", { status: this.t(`status.${next.status}.title`) }));
        void this.focusStatus();
      }
    }
    if (next.status === "not_submitted") this.openForm();
    else if (!RESUBMITTABLE_STATUSES.has(next.status)) this.editing = false;
    if (!WATCHED_STATUSES.has(next.status)) this.watch.stop();
    else if (!this.watch.active) this.watch.start();
  }

  private openForm(): void {
    this.editing = true;
    if (!this.form.values.email && this.context.state.user?.email) this.form.input("email", this.context.state.user.email, false);
    if (!this.values.value) void this.values.run();
  }

  private async focusStatus(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[data-status-heading]")?.focus();
  }

  private itemsOf(values: KycValues): FormItem[] {
    if (this.model?.from !== values) this.model = { from: values, items: formModel(values) };
    return this.model.items;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const values = this.values.value;
    if (this.busy || !values) return;
    const fields = controlsOf(this.itemsOf(values));
    this.form.submit();
    this.formError = null;
    if (this.form.problems(fields).size) return this.showProblems(fields);
    this.busy = true;
    try {
      const kyc = await submitKycApplication(this.context.api, applicationFrom(fields, this.form.values));
      this.editing = false;
      this.apply(kyc, "submitted");
      void this.focusStatus();
    } catch (error) {
      const message = this.fail(error);
      if (isApiError(error) && error.code === "invalid_request" && this.form.serverErrors(fields, error.errors)) {
        return this.showProblems(fields);
      }
      if (isApiError(error) && error.code === "invalid_state") {
        // The application can no longer be changed (decided meanwhile): show where it stands.
        await this.refresh().catch(() => undefined);
        if (!this.editing) return;
      }
      const seconds = isApiError(error) && error.code === "rate_limited" ? error.retryAfterSeconds : undefined;
      this.formError = { message: seconds ? this.t("error.rateLimited", { seconds }) : message, requestId: isApiError(error) ? error.requestId : undefined };
      this.announce(this.formError.message);
    } finally {
      this.busy = false;
    }
  }

  /** After a refused submit: say how many fields need attention and move to the first one. */
  private async showProblems(fields: ReturnType<typeof controlsOf>): Promise<void> {
    const shown = this.form.visible(fields);
    this.requestUpdate();
    await this.updateComplete;
    this.announce(shown.size === 1 ? this.t("error.summaryOne") : this.t("error.summary", { count: shown.size }));
    const first = [...shown.keys()][0];
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${controlId(first)}`)?.focus();
  }

  private async checkNow(): Promise<void> {
    this.checking = true;
    try {
      await this.refresh();
      this.watch.error = null;
    } catch (error) {
      this.watch.error = error;
      this.fail(error);
    } finally {
      this.checking = false;
    }
  }

  private errorNotice(error: { message: string; requestId: string | undefined }, retry?: () => void) {
    return notice("error", error.message, {
      detail: error.requestId ? this.context.i18n.core("reference", { requestId: error.requestId }) : undefined,
      actions: retry ? html`<button type="button" class="button secondary" part="button" @click=${retry}>${this.context.i18n.core("retry")}</button>` : undefined,
    });
  }

  protected override updated(): void {
    const first = this.focusForm && this.renderRoot.querySelector<HTMLElement>("form input, form select");
    if (first) {
      this.focusForm = false;
      first.focus();
    }
  }

  override render() {
    return html`<div class="stack">${this.heading(this.t("title"))} ${this.body()}</div>`;
  }

  private body() {
    if (this.loadError) return this.errorNotice(this.loadError, () => void this.load());
    if (!this.kyc) return skeleton(this.t("loadingStatus"), 3);
    if (this.editing) return this.renderForm();
    return kycStatusView({
      kyc: this.kyc,
      t: (key, values) => this.t(key, values),
      opened: this.opened,
      watching: this.watch.active,
      checking: this.checking,
      pollFailed: this.watch.error !== null,
      onOpen: () => {
        this.opened = true;
        this.watch.start(); // the user is about to finish: check again soon
      },
      onCheck: () => void this.checkNow(),
      onUpdate: () => {
        this.openForm();
        this.focusForm = true;
      },
      onContinue: () => this.next(),
    });
  }

  private renderForm() {
    return html`<p class="muted">${this.t("intro")}</p>
      ${this.values.render({
        initial: () => skeleton(this.t("loadingForm"), 6),
        pending: () => skeleton(this.t("loadingForm"), 6),
        error: (error) => this.errorNotice({ message: this.context.i18n.error(error), requestId: isApiError(error) ? error.requestId : undefined }, () => void this.values.run()),
        complete: (values) => this.renderFields(values),
      })}`;
  }

  private renderFields(values: KycValues) {
    const items = this.itemsOf(values);
    const fields = controlsOf(items);
    const errors = new Map([...this.form.visible(fields)].map(([key, p]) => [key, this.t(p.key, p.values)]));
    const has = (key: string) => key in this.messages.en;
    const resubmitting = this.kyc && RESUBMITTABLE_STATUSES.has(this.kyc.status);
    return kycForm({
      items,
      values: this.form.values,
      errors,
      busy: this.busy,
      locale: this.context.i18n.locale,
      formError: this.formError ? this.errorNotice(this.formError) : nothing,
      label: (key, fallback) => (has(`label.${key}`) ? this.t(`label.${key}` as KycMessageKey) : fallback),
      hint: (key) => (has(`hint.${key}`) ? this.t(`hint.${key}` as KycMessageKey) : undefined),
      option: (value) => (has(`option.${value}`) ? this.t(`option.${value}` as KycMessageKey) : value),
      text: {
        choose: this.t("choose"),
        requiredNote: this.t("requiredNote"),
        privacy: this.t("privacy"),
        submit: this.t("submit"),
        submitting: this.t("submitting"),
        phone: this.t("label.phone"),
        cancel: this.t("cancelUpdate"),
      },
      onInput: (key, value, badInput) => {
        this.form.input(key, value, badInput);
        this.requestUpdate();
      },
      onBlur: (key) => {
        this.form.blur(key);
        this.requestUpdate();
      },
      onSubmit: (e) => void this.submit(e),
      ...(resubmitting ? { onCancel: () => void ((this.editing = false), this.focusStatus()) } : {}),
    });
  }
}
