import { html, nothing } from "lit";
import { Task } from "@lit/task";
import { kycRoutes, type KycState, type KycValues } from "@machines-card/contract/api/kyc";
import { kycApplicationRoutes } from "@machines-card/contract/api/kyc-application";
import { isApiError } from "../../api/api-error";
import { skeleton } from "../../components/loading";
import { KycStatusEvent } from "../../events/kyc-status";
import { StepElement } from "../step-element";
import { controlId, kycForm } from "./kyc-form";
import { controlsOf, formModel, type FormItem } from "./kyc-form-model";
import { KycFormState } from "./kyc-form-state";
import { KycStatusController, type KycChangeCause } from "./kyc-status-controller";
import { kycStatusView, RESUBMITTABLE_STATUSES, shownStatus } from "./kyc-status-view";
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
    editing: { state: true },
    busy: { state: true },
    submitError: { state: true },
    opened: { state: true },
  };

  readonly step = "kyc" as const;
  protected readonly messages = kycMessages;
  /** The form is shown over a status that allows sending the details again. */
  declare private editing: boolean;
  declare private busy: boolean;
  /** The last submit that failed, with the sentence it is shown with. */
  declare private submitError: { error: unknown; message: string } | null;
  declare private opened: boolean;
  private readonly form = new KycFormState();
  private emitted: string | null = null;
  /** Move focus into the form once it has rendered (after "Update my details"). */
  private focusForm = false;
  private model: { from: KycValues; items: FormItem[] } | null = null;

  private readonly values = new Task(this, {
    task: async ([api], { signal }) => {
      try {
        return await api.call(kycRoutes.getKycValues, { signal });
      } catch (error) {
        this.sentence(error);
        throw error;
      }
    },
    args: () => [this.context.api] as const,
    autoRun: false,
  });

  private readonly status = new KycStatusController(this, {
    api: () => this.context.api,
    failed: (error) => this.sentence(error),
    changed: (next, before, cause) => this.changed(next, before, cause),
  });

  constructor() {
    super();
    this.editing = false;
    this.busy = false;
    this.submitError = null;
    this.opened = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.status.kyc || this.status.loadError) return;
    const known = this.context.state.kyc;
    if (known) this.status.set(known, "known");
    else void this.status.load();
  }

  /**
   * A new KYC state: tells the page (`mc-kyc-status`) and the element (`report`) when the status is first
   * known or changes, announces a change the user did not cause, and shows the form or the status.
   */
  private changed(next: KycState, before: KycState | null, cause: KycChangeCause): void {
    const key = `${next.status}|${next.reason ?? ""}`;
    if (key !== this.emitted) {
      this.emitted = key;
      this.emit(new KycStatusEvent({ status: next.status, reason: next.reason }));
      if (next !== this.context.state.kyc) this.report({ kyc: next });
      if (before && before.status !== next.status) {
        if (cause === "watched" && next.status !== "not_submitted") {
          this.announce(this.t("announce.changed", { status: this.t(`status.${shownStatus(next.status)}.title`) }));
        }
        void this.focusStatus();
      }
    }
    if (next.status === "not_submitted") this.openForm();
    else if (!RESUBMITTABLE_STATUSES.has(next.status)) this.editing = false;
  }

  private openForm(): void {
    this.editing = true;
    if (!this.form.values.email && this.context.state.user?.email) this.form.input("email", this.context.state.user.email, false);
    if (!this.values.value) void this.values.run();
  }

  private focusStatus(): Promise<void> {
    return this.focusOn("[data-status-heading]");
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
    this.submitError = null;
    if (this.form.problems(fields).size) return this.showProblems(fields);
    this.busy = true;
    try {
      const kyc = await this.context.api.call(kycApplicationRoutes.submitKycApplication, { body: applicationFrom(fields, this.form.values) });
      this.editing = false;
      this.status.set(kyc, "submitted");
      void this.focusStatus();
    } catch (error) {
      const message = this.sentence(error);
      if (isApiError(error) && error.code === "invalid_request" && this.form.serverErrors(fields, (field) => error.forField(field))) {
        return this.showProblems(fields);
      }
      if (isApiError(error) && error.code === "invalid_state") {
        // The application can no longer be changed (decided meanwhile): show where it stands.
        await this.status.refresh().catch(() => undefined);
        if (!this.editing) return;
      }
      const seconds = isApiError(error) && error.code === "rate_limited" ? error.retryAfterSeconds : undefined;
      if (!message) return; // aborted
      this.submitError = { error, message: seconds ? this.t("error.rateLimited", { count: seconds }) : message };
      this.announce(this.submitError.message);
    } finally {
      this.busy = false;
    }
  }

  /** After a refused submit: say how many fields need attention and move to the first one. */
  private async showProblems(fields: ReturnType<typeof controlsOf>): Promise<void> {
    const shown = this.form.visible(fields);
    this.requestUpdate();
    await this.updateComplete;
    this.announce(this.t("error.summary", { count: shown.size }));
    const first = [...shown.keys()][0];
    if (first) await this.focusOn(`#${controlId(first)}`);
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
    const { kyc, loadError } = this.status;
    if (loadError) return this.errorNotice(loadError, { retry: () => void this.status.load() });
    if (!kyc) return skeleton(this.t("loadingStatus"), 3);
    if (this.editing) return this.renderForm();
    return kycStatusView({
      kyc,
      t: this.t,
      opened: this.opened,
      watching: this.status.watching,
      checking: this.status.checking,
      pollFailed: this.status.pollFailed,
      onOpen: () => {
        this.opened = true;
        this.status.soon(); // the user is about to finish: check again soon
      },
      onCheck: () => void this.status.checkNow(),
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
        error: (error) => this.errorNotice(error, { retry: () => void this.values.run() }),
        complete: (values) => this.renderFields(values),
      })}`;
  }

  private renderFields(values: KycValues) {
    const items = this.itemsOf(values);
    const fields = controlsOf(items);
    const errors = new Map([...this.form.visible(fields)].map(([key, p]) => [key, this.t(p.key, p.values)]));
    const has = (key: string) => key in this.messages.en;
    const resubmitting = this.status.kyc && RESUBMITTABLE_STATUSES.has(this.status.kyc.status);
    return kycForm({
      items,
      values: this.form.values,
      errors,
      busy: this.busy,
      locale: this.context.i18n.locale,
      formError: (this.submitError && this.errorNotice(this.submitError.error, { message: this.submitError.message })) ?? nothing,
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
