import { html, nothing } from "lit";
import { initialState, Task } from "@lit/task";
import type { Balances } from "../../../../shared/api/balances";
import type { Asset, Deposit } from "../../../../shared/api/deposits";
import { isApiError } from "../../api/api-error";
import { createDeposit } from "../../api/create-deposit";
import { estimateDeposit } from "../../api/estimate-deposit";
import { getBalances } from "../../api/get-balances";
import { getDeposit } from "../../api/get-deposit";
import { getDepositRange } from "../../api/get-deposit-range";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { listDepositAssets } from "../../api/list-deposit-assets";
import { listDeposits } from "../../api/list-deposits";
import { CopyButton } from "../../components/copy-button";
import { skeleton, spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import { PollController } from "../../components/poll-controller";
import { DepositCompletedEvent } from "../../events/deposit-completed";
import { DepositCreatedEvent } from "../../events/deposit-created";
import { parseAmountCents } from "../../i18n/parse-amount";
import { StepElement } from "../step-element";
import { ACTIVE_DEPOSIT_STATUSES, depositAddress } from "./deposit-address";
import { depositForm } from "./deposit-form";
import { depositStyles } from "./deposit-step.styles";
import { depositMessages, type DepositMessages } from "./deposit.messages";

/** Quiet time after the last keystroke before the amount is checked and estimated. */
const ESTIMATE_DEBOUNCE_MS = 400;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Adding money: choose the asset and network (the partner's defaults preselected), see the range and
 * an estimate, get a deposit address (QR code, copy, memo, the network in words), then follow the
 * deposit until it is credited and show the new balances. A deposit still under way is resumed.
 */
export class DepositStep extends StepElement<DepositMessages> {
  static override styles = [...StepElement.styles, depositStyles];
  static override elements = { "mc-copy-button": CopyButton };
  static override properties = {
    ...StepElement.properties,
    currency: { state: true },
    network: { state: true },
    amountText: { state: true },
    settledAmount: { state: true },
    deposit: { state: true },
    balances: { state: true },
    busy: { state: true },
    formError: { state: true },
  };

  readonly step = "deposit" as const;
  protected readonly messages = depositMessages;
  declare private currency: string;
  declare private network: string;
  declare private amountText: string;
  /** The amount text once the user paused typing: what is checked and estimated. */
  declare private settledAmount: string;
  declare private deposit: Deposit | null;
  declare private balances: Balances | null;
  declare private busy: boolean;
  declare private formError: { message: string; requestId: string | undefined } | null;
  /** One key per intent (asset, network, amount), kept while that same deposit is retried. */
  private intent: { body: string; key: string } | null = null;
  private creditBefore: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly setup = new Task(this, {
    task: async ([api], { signal }) => {
      try {
        const [{ assets }, { deposits }] = await Promise.all([listDepositAssets(api, { signal }), listDeposits(api, { scope: "active", signal })]);
        this.choose(assets);
        // A deposit still under way is shown again instead of making another address every visit.
        const open = deposits.filter((d) => ACTIVE_DEPOSIT_STATUSES.has(d.status)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        if (open && !this.deposit) this.show(open);
        return assets;
      } catch (error) {
        this.fail(error);
        throw error;
      }
    },
    args: () => [this.context.api] as const,
  });

  private readonly range = new Task(this, {
    task: ([api, currency, network], { signal }) =>
      currency && network ? getDepositRange(api, { currency, network, signal }).then((r) => r.range) : initialState,
    args: () => [this.context.api, this.currency, this.network] as const,
  });

  private readonly estimate = new Task(this, {
    task: ([api, currency, network, amount], { signal }) =>
      amount ? estimateDeposit(api, { currency, network, amount, signal }).then((r) => r.estimate) : initialState,
    args: () => [this.context.api, this.currency, this.network, this.checkAmount(this.settledAmount).value] as const,
  });

  private readonly watch = new PollController(this, {
    // A transfer is usually seen within seconds to minutes: ask often at first, then every 10 s.
    maxDelayMs: 10_000,
    poll: async (signal) => {
      if (!this.deposit) return false;
      const { deposit } = await getDeposit(this.context.api, { depositId: this.deposit.id, signal });
      this.show(deposit);
      return ACTIVE_DEPOSIT_STATUSES.has(deposit.status);
    },
  });

  constructor() {
    super();
    this.currency = "";
    this.network = "";
    this.amountText = "";
    this.settledAmount = "";
    this.deposit = null;
    this.balances = null;
    this.busy = false;
    this.formError = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Preselects the partner's default asset and network when offered, else the first ones. */
  private choose(assets: Asset[], currency = this.currency || this.context.defaults.depositAsset || ""): void {
    const asset = assets.find((a) => same(a.ticker, currency)) ?? assets[0];
    this.currency = asset?.ticker ?? "";
    const network = this.network || this.context.defaults.depositNetwork || "";
    this.network = (asset?.networks.find((n) => same(n.id, network)) ?? asset?.networks[0])?.id ?? "";
  }

  /** The typed amount in the asset's units, or why it cannot be used (empty is fine: the amount is optional). */
  private checkAmount(text: string): { value: number | null; error: string } {
    if (!text.trim()) return { value: null, error: "" };
    const cents = parseAmountCents(text, this.context.i18n.locale);
    if (!cents) return { value: null, error: this.t("badAmount") };
    const value = cents / 100;
    const range = this.range.value;
    if (range?.minAmount != null && value < range.minAmount) return { value: null, error: this.t("belowMin", { amount: this.units(range.minAmount) }) };
    if (range?.maxAmount != null && value > range.maxAmount) return { value: null, error: this.t("aboveMax", { amount: this.units(range.maxAmount) }) };
    return { value, error: "" };
  }

  private units(value: number, ticker = this.currency): string {
    return `${this.context.i18n.number(value)} ${ticker.toUpperCase()}`;
  }

  private onAmount(text: string): void {
    this.amountText = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.settledAmount = text), ESTIMATE_DEBOUNCE_MS);
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    clearTimeout(this.timer);
    this.settledAmount = this.amountText;
    const { value, error } = this.checkAmount(this.amountText);
    if (error) {
      this.announce(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>("#deposit-amount")?.focus();
      return;
    }
    const body = { currency: this.currency, network: this.network, ...(value ? { amount: value } : {}) };
    const fingerprint = JSON.stringify(body);
    if (this.intent?.body !== fingerprint) this.intent = { body: fingerprint, key: newIdempotencyKey() };
    this.busy = true;
    this.formError = null;
    try {
      const { deposit } = await createDeposit(this.context.api, { ...body, idempotencyKey: this.intent.key });
      this.intent = null;
      this.emit(
        new DepositCreatedEvent({
          depositId: deposit.id,
          currency: deposit.fromCurrency,
          network: deposit.fromNetwork,
          depositAddress: deposit.depositAddress,
          memo: deposit.payinExtraId,
        }),
      );
      this.show(deposit);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[data-status-heading]")?.focus();
    } catch (error) {
      const message = this.fail(error);
      this.formError = { message, requestId: isApiError(error) ? error.requestId : undefined };
      this.announce(message);
    } finally {
      this.busy = false;
    }
  }

  /** Shows a deposit (new, resumed or polled) and reacts when its status moves. */
  private show(next: Deposit): void {
    const before = this.deposit?.id === next.id ? this.deposit.status : null;
    if (!this.deposit || this.deposit.id !== next.id) this.creditBefore = this.context.state.balances?.creditLimit ?? null;
    this.deposit = next;
    if (ACTIVE_DEPOSIT_STATUSES.has(next.status)) {
      if (!this.watch.active) this.watch.start();
    } else this.watch.stop();
    if (before === null || before === next.status) return;
    if (next.status === "processing") this.announce(this.t("processingAnnounce"));
    if (next.status === "completed") void this.completed(next);
    else if (!ACTIVE_DEPOSIT_STATUSES.has(next.status)) this.announce(this.t(next.status === "failed" ? "status.failed" : "status.canceled"));
  }

  /** Credited: fetch the new balances, tell the element and the page, say so. */
  private async completed(deposit: Deposit): Promise<void> {
    await this.refreshBalances();
    this.emit(new DepositCompletedEvent({ depositId: deposit.id, creditLimitCents: this.balances?.creditLimit ?? null }));
    if (this.balances) this.announce(this.t("completedAnnounce", { amount: this.context.i18n.money(this.balances.creditLimit) }));
  }

  private async refreshBalances(): Promise<void> {
    try {
      this.balances = await getBalances(this.context.api);
      this.report({ balances: this.balances });
    } catch (error) {
      this.fail(error);
    }
  }

  private another(): void {
    this.deposit = null;
    this.balances = null;
    this.watch.stop();
    this.amountText = this.settledAmount = "";
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("#deposit-asset")?.focus());
  }

  private errorNotice(error: unknown, retry: () => void) {
    return notice("error", this.context.i18n.error(error), {
      detail: isApiError(error) && error.requestId ? this.context.i18n.core("reference", { requestId: error.requestId }) : undefined,
      actions: html`<button type="button" class="button secondary" part="button" @click=${retry}>${this.context.i18n.core("retry")}</button>`,
    });
  }

  override render() {
    return html`<div class="stack">
      ${this.heading(this.t("title"))}
      ${this.setup.render({
        pending: () => skeleton(this.t("loading"), 5),
        error: (error) => this.errorNotice(error, () => void this.setup.run()),
        complete: (assets) => (this.deposit ? this.renderDeposit(assets, this.deposit) : this.renderForm(assets)),
      })}
    </div>`;
  }

  private renderForm(assets: Asset[]) {
    if (!assets.length) return html`<p class="empty">${this.t("none")}</p>`;
    const credit = this.context.state.balances?.creditLimit;
    const amount = this.checkAmount(this.settledAmount);
    return html`<p class="muted">${this.t("intro")}</p>
      ${credit ? html`<p class="small">${this.t("current", { amount: this.context.i18n.money(credit) })}</p>` : nothing}
      ${depositForm({
        t: (key, values) => this.t(key, values),
        assets,
        currency: this.currency,
        network: this.network,
        range: this.range.render({
          pending: () => undefined,
          complete: (range) => range,
          error: (error) => this.errorNotice(error, () => void this.range.run()),
        }),
        amountText: this.amountText,
        amountError: amount.error,
        estimate: amount.value
          ? this.estimate.render({
              pending: () => html`${spinner()} ${this.t("estimating")}`,
              complete: (e) => (e.estimatedToAmount === null ? nothing : this.t("estimate", { amount: this.units(e.estimatedToAmount, e.toCurrency) })),
              error: (error) => this.context.i18n.error(error),
            }) ?? nothing
          : nothing,
        busy: this.busy,
        formError: this.formError
          ? notice("error", this.formError.message, {
              detail: this.formError.requestId ? this.context.i18n.core("reference", { requestId: this.formError.requestId }) : undefined,
            })
          : nothing,
        amount: (value) => this.units(value),
        onAsset: (ticker) => {
          this.network = "";
          this.choose(assets, ticker);
        },
        onNetwork: (id) => (this.network = id),
        onAmount: (text) => this.onAmount(text),
        onSubmit: (e) => void this.create(e),
      })}`;
  }

  private renderDeposit(assets: Asset[], deposit: Deposit) {
    const asset = assets.find((a) => same(a.ticker, deposit.fromCurrency));
    const network = asset?.networks.find((n) => same(n.id, deposit.fromNetwork));
    return depositAddress({
      t: (key, values) => this.t(key, values),
      deposit,
      assetName: asset?.name ?? deposit.fromCurrency.toUpperCase(),
      networkName: network?.label ?? deposit.fromNetwork,
      amount: (value) => this.units(value, deposit.fromCurrency),
      money: (cents) => this.context.i18n.money(cents),
      balances: this.balances,
      balanceStale: this.balances !== null && this.creditBefore !== null && this.balances.creditLimit <= this.creditBefore,
      pollFailed: this.watch.error !== null,
      onRefresh: () => void this.refreshBalances(),
      onContinue: () => this.next(),
      onAnother: () => this.another(),
    });
  }
}
