import { html, nothing, type TemplateResult } from "lit";
import { Task } from "@lit/task";
import { balancesRoutes, type Balances } from "@machines-card/contract/api/balances";
import { withdrawalRoutes, type Withdrawal } from "@machines-card/contract/api/withdrawals";
import { CopyButton } from "../../components/copy-button";
import { skeleton } from "../../components/loading";
import { notice } from "../../components/notice";
import { WithdrawalConfirmedEvent } from "../../events/withdrawal-confirmed";
import { WithdrawalSubmittedEvent } from "../../events/withdrawal-submitted";
import { StepElement } from "../step-element";
import { withdrawMessages, type WithdrawMessages } from "./withdraw.messages";
import { WithdrawApproval } from "./withdraw-approval";
import type { WithdrawDevice } from "./withdraw-device";
import { flowView } from "./withdraw-flow-view";
import { withdrawForm } from "./withdraw-form";
import { WithdrawFormController } from "./withdraw-form-controller";
import { confirmedView, endedView, stageText } from "./withdraw-progress";
import { withdrawStepStyles } from "./withdraw-step.styles";
import { WithdrawalFlow, type Stage, type WithdrawalRequest } from "./withdrawal-flow";
import { isBindingRefusal, refusalSentence } from "./withdraw-refusal";

type View = "form" | "progress" | "review" | "confirmed" | "ended";
const viewOf = (stage: Stage): View =>
  stage === "form" || stage === "review" || stage === "confirmed" ? stage : stage === "failed" || stage === "expired" ? "ended" : "progress";
const IN_PROGRESS = ["pending", "ready", "submitted"];
type Key = keyof WithdrawMessages & string;

/**
 * The withdraw step: destination asset, network, amount (range and estimate) and address; a preview of
 * exactly what the wallet will be asked; then the wallet signs (coordinator_v2) and sends, and the
 * step follows the transaction to confirmed. A returning user can continue a withdrawal in progress.
 */
export class WithdrawStep extends StepElement<WithdrawMessages> {
  static override styles = [...StepElement.styles, withdrawStepStyles];
  static override elements = { "mc-copy-button": CopyButton };
  static override properties = {
    ...StepElement.properties,
    failureNotice: { state: true },
  };

  readonly step = "withdraw" as const;
  protected readonly messages = withdrawMessages;
  /** The last failure of the withdrawal (or of its create, refused by the Worker), with its retry. */
  declare private failureNotice: TemplateResult | undefined;
  private balances: Balances | null = null;
  private shownView: View = "form";
  private readonly form = new WithdrawFormController(this);
  /** The signer's approval (emailed code), asked after the preview was confirmed. */
  private readonly approval = new WithdrawApproval(this, {
    t: (key, values) => this.t(key, values),
    announce: (text) => this.announce(text),
    focusOn: (selector) => void this.focusOn(selector),
  });

  /**
   * The device signer this browser holds, with its remove button: only in signer mode `device`, whose
   * wallets alone keep one, so only that mode loads it (after the first render, once the context is set).
   */
  private device: WithdrawDevice | null = null;

  private readonly flow = new WithdrawalFlow(this, {
    api: () => this.context.api,
    wallet: async () => Object.assign(await this.context.wallet(), { onApprovalRequired: this.approval.ask }),
    onStage: (stage) => this.stageChanged(stage),
    onSubmitted: (w, txHash) => this.emit(new WithdrawalSubmittedEvent({ withdrawalId: w.id, txHash, amountCents: w.amountCents })),
    onConfirmed: (w) => {
      void this.device?.refresh();
      this.emit(new WithdrawalConfirmedEvent({ withdrawalId: w.id, txHash: w.confirmedTxHash ?? w.submittedTxHash ?? "", amountCents: w.amountCents }));
      void this.refreshBalances();
    },
    onError: (error) => this.flowFailed(error),
  });

  private readonly load = new Task(this, {
    task: async ([api], { signal }) => {
      const [{ assets }, { withdrawals }, balances] = await Promise.all([
        api.call(withdrawalRoutes.listWithdrawalAssets, { signal }),
        api.call(withdrawalRoutes.listWithdrawals, { signal }),
        api.call(balancesRoutes.getBalances, { signal }),
      ]);
      this.balances = balances;
      this.form.offer(assets);
      // A returning user continues where they left off ("Change details" leaves a withdrawal not yet sent).
      const open = withdrawals.find((w) => IN_PROGRESS.includes(w.status) && !(w.call && w.call.expiresAt * 1000 < Date.now()));
      if (open && this.flow.stage === "form") this.flow.resume(open);
      return assets.length;
    },
    args: () => [this.context.api] as const,
  });

  constructor() {
    super();
    this.failureNotice = undefined;
  }

  protected override firstUpdated(): void {
    if (this.context.config.wallet.signer !== "device") return;
    void import("./withdraw-device").then(({ WithdrawDevice }) => {
      this.device = new WithdrawDevice(this, {
        t: (key, values) => this.t(key, values),
        announce: (text) => this.announce(text),
        control: async () => (await this.context.wallet()).device ?? null,
      });
      this.requestUpdate();
    });
  }

  /** A declined request in the wallet is said in this step's words: nothing was sent. */
  protected override sentence(error: unknown): string {
    const text = super.sentence(error);
    return text && (error as { code?: string }).code === "user_rejected" ? this.t("error.user_rejected") : text;
  }

  // The form's host (`WithdrawFormHost`).
  flag(text: string, selector: string): void {
    this.announce(text);
    void this.focusOn(selector);
  }

  failure(error: unknown, retry: () => void): TemplateResult | undefined {
    return this.errorNotice(error, { retry });
  }

  /** "Review withdrawal" with a valid form: creates the withdrawal (the flow keeps one key per intent). */
  review(request: WithdrawalRequest): void {
    if (this.flow.busy) return;
    this.failureNotice = undefined;
    void this.flow.start(request);
  }

  /** A failed part: a refused create goes back to the form, next to the field it is about. */
  private flowFailed(error: unknown): void {
    const { code, field = "" } = error as { code?: string; field?: string };
    if (code === "withdrawal_expired") return void this.sentence(error);
    const about = field.startsWith("destination.") ? "address" : code === "insufficient_collateral" || field === "amountCents" ? "amount" : null;
    if (about && this.flow.stage === "prepare" && !this.flow.withdrawal) {
      this.flow.reset();
      this.form.refuse(about, this.sentence(error));
      return;
    }
    this.failureNotice = this.errorNotice(error, {
      ...(isBindingRefusal(error) && { message: refusalSentence(this.sentence(error), error.code) }),
      retry: () => {
        this.failureNotice = undefined;
        void this.flow.retry();
      },
    });
  }

  private stageChanged(stage: Stage): void {
    const ended = stage === "failed" ? "failedTitle" : stage === "expired" ? "expiredTitle" : stage === "confirmed" ? "confirmedTitle" : null;
    const text = stageText(this.t, stage) ?? (ended && this.t(ended));
    if (text) this.announce(text);
    if (stage !== "form") this.failureNotice = undefined;
    // The preview's estimate (a resumed withdrawal reaches it without one).
    const w = this.flow.withdrawal;
    if (stage === "review" && w) this.form.follow(w);
    // A new view: its heading takes focus; moves within the progress list keep focus where it is.
    const view = viewOf(stage);
    if (view !== this.shownView) {
      this.shownView = view;
      void this.focusOn(view === "form" ? "#withdraw-amount" : "[data-view-heading]");
    }
  }

  private async refreshBalances(): Promise<void> {
    try {
      this.balances = await this.context.api.call(balancesRoutes.getBalances, {});
      this.report({ balances: this.balances });
      this.requestUpdate();
    } catch {
      // The withdrawal is confirmed either way; balances refresh on the next visit.
    }
  }

  override render() {
    const core = this.context.i18n.core;
    return html`<div class="stack">
      ${this.heading(core("step.withdraw"))}
      ${this.load.render({
        initial: () => skeleton(core("loading")),
        pending: () => skeleton(core("loading")),
        error: (error) => this.errorNotice(error, { retry: () => void this.load.run() }),
        complete: (count) => (count ? this.renderView() : notice("info", this.t("error.no_assets"))),
      })}
    </div>`;
  }

  private renderView(): TemplateResult {
    const { stage, withdrawal: w } = this.flow;
    const i18n = this.context.i18n;
    const back = () => this.flow.reset();
    const title = (key: Key) => html`<h3 data-view-heading tabindex="-1" class="visually-hidden">${this.t(key)}</h3>`;
    switch (viewOf(stage)) {
      case "form":
        return this.renderForm();
      case "confirmed":
        return html`${title("confirmedTitle")}
          ${confirmedView(this.t, i18n, w!, { explorerUrl: this.context.config.chain.explorerUrl, onAgain: back })}`;
      case "ended":
        return html`${title(stage === "failed" ? "failedTitle" : "expiredTitle")}
          ${endedView(this.t, w, stage as "failed" | "expired", { onAgain: () => void this.flow.startAgain(), onBack: back })}`;
      default:
        if (this.approval.open && w) return this.approval.render(i18n, w) as TemplateResult;
        return flowView(this.t, i18n, {
          stage,
          withdrawal: w,
          facts: { estimate: this.form.quote.estimated, networkLabel: this.networkLabel(w), chainName: this.context.config.chain.name },
          needsSignature: this.flow.needsSignature,
          busy: this.flow.busy,
          slow: this.flow.slow,
          failed: Boolean(this.flow.error),
          notice: this.failureNotice,
          onConfirm: () => void this.flow.confirm(),
          onChange: back,
        });
    }
  }

  private networkLabel(w: Withdrawal | null): string {
    if (!w) return "";
    const asset = this.form.assets.find((a) => a.ticker.toLowerCase() === w.destination.currency.toLowerCase());
    return asset?.networks.find((n) => n.id === w.destination.network)?.label ?? w.destination.network;
  }

  private renderForm(): TemplateResult {
    const i18n = this.context.i18n;
    return html`<p class="muted">${this.t("intro")}</p>
      ${this.balances
        ? html`<p class="available"><span class="muted">${this.t("available")}</span> <strong>${i18n.money(this.balances.spendingPower)}</strong></p>`
        : nothing}
      ${this.device?.render() ?? nothing} ${withdrawForm(this.t, i18n, this.form.view(this.failureNotice, this.flow.busy))}`;
  }
}
