import { html, nothing } from "lit";
import { Task } from "@lit/task";
import { depositRoutes, type Asset, type Deposit } from "../../../../shared/api/deposits";
import { isApiError } from "../../api/api-error";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { CopyButton } from "../../components/copy-button";
import { skeleton, spinner } from "../../components/loading";
import { notice } from "../../components/notice";
import { DepositCompletedEvent } from "../../events/deposit-completed";
import { DepositCreatedEvent } from "../../events/deposit-created";
import { StepElement } from "../step-element";
import { ACTIVE_DEPOSIT_STATUSES, depositAddress } from "./deposit-address";
import { depositForm } from "./deposit-form";
import { DepositQuote, same, type AmountCheck } from "./deposit-quote";
import { depositStyles } from "./deposit-step.styles";
import { DepositWatch } from "./deposit-watch";
import { depositMessages, type DepositMessages } from "./deposit.messages";

/**
 * Adding money: choose the asset and network (the partner's defaults preselected), see the range and
 * an estimate, get a deposit address (QR code, copy, memo, the network in words), then follow the
 * deposit until it is credited and show the new balances. A deposit still under way is resumed.
 */
export class DepositStep extends StepElement<DepositMessages> {
  static override styles = [...StepElement.styles, depositStyles];
  static override elements = { "mc-copy-button": CopyButton };
  static override properties = { ...StepElement.properties, busy: { state: true }, formError: { state: true } };

  readonly step = "deposit" as const;
  protected readonly messages = depositMessages;
  declare private busy: boolean;
  declare private formError: { message: string; requestId: string | undefined } | null;
  /** One key per intent (asset, network, amount), kept while that same deposit is retried. */
  private intent: { body: string; key: string } | null = null;

  private readonly quote = new DepositQuote(this, {
    api: () => this.context.api,
    locale: () => this.context.i18n.locale,
    defaults: () => ({ asset: this.context.defaults.depositAsset, network: this.context.defaults.depositNetwork }),
  });

  private readonly watch = new DepositWatch(this, {
    api: () => this.context.api,
    creditLimit: () => this.context.state.balances?.creditLimit ?? null,
    moved: (deposit) => void this.moved(deposit),
    balances: (balances) => this.report({ balances }),
    failed: (error) => this.fail(error),
  });

  private readonly setup = new Task(this, {
    task: async ([api], { signal }) => {
      try {
        const [{ assets }, { deposits }] = await Promise.all([
          api.call(depositRoutes.listDepositAssets, { signal }),
          api.call(depositRoutes.listDeposits, { query: { scope: "active" }, signal }),
        ]);
        this.quote.choose(assets);
        // A deposit still under way is shown again instead of making another address every visit.
        const open = deposits.filter((d) => ACTIVE_DEPOSIT_STATUSES.has(d.status)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        if (open && !this.watch.deposit) this.watch.show(open);
        return assets;
      } catch (error) {
        this.fail(error);
        throw error;
      }
    },
    args: () => [this.context.api] as const,
  });

  constructor() {
    super();
    this.busy = false;
    this.formError = null;
  }

  private units(value: number, ticker = this.quote.currency): string {
    return `${this.context.i18n.number(value)} ${ticker.toUpperCase()}`;
  }

  /** The sentence for an amount that cannot be used. */
  private amountError(check: AmountCheck): string {
    const p = check.problem;
    return !p ? "" : p.key === "badAmount" ? this.t("badAmount") : this.t(p.key, { amount: this.units(p.limit) });
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const check = this.quote.settle();
    const error = this.amountError(check);
    const value = check.value;
    if (error) {
      this.announce(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>("#deposit-amount")?.focus();
      return;
    }
    const body = { currency: this.quote.currency, network: this.quote.network, ...(value ? { amount: value } : {}) };
    const fingerprint = JSON.stringify(body);
    if (this.intent?.body !== fingerprint) this.intent = { body: fingerprint, key: newIdempotencyKey() };
    this.busy = true;
    this.formError = null;
    try {
      const { deposit } = await this.context.api.call(depositRoutes.createDeposit, { body, idempotencyKey: this.intent.key });
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
      this.watch.show(deposit);
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

  /** Says what happened to the deposit; once credited, fetches the balances and tells the page. */
  private async moved(deposit: Deposit): Promise<void> {
    if (deposit.status === "processing") return this.announce(this.t("processingAnnounce"));
    if (deposit.status === "completed") {
      await this.watch.refreshBalances();
      const balances = this.watch.balances;
      this.emit(new DepositCompletedEvent({ depositId: deposit.id, creditLimitCents: balances?.creditLimit ?? null }));
      if (balances) this.announce(this.t("completedAnnounce", { amount: this.context.i18n.money(balances.creditLimit) }));
    } else if (!ACTIVE_DEPOSIT_STATUSES.has(deposit.status)) {
      this.announce(this.t(deposit.status === "failed" ? "status.failed" : "status.canceled"));
    }
  }

  private another(): void {
    this.watch.clear();
    this.quote.reset();
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
        complete: (assets) => (this.watch.deposit ? this.renderDeposit(assets, this.watch.deposit) : this.renderForm(assets)),
      })}
    </div>`;
  }

  private renderForm(assets: Asset[]) {
    if (!assets.length) return html`<p class="empty">${this.t("none")}</p>`;
    const credit = this.context.state.balances?.creditLimit;
    const quote = this.quote;
    const amount = quote.check(quote.settled);
    return html`<p class="muted">${this.t("intro")}</p>
      ${credit ? html`<p class="small">${this.t("current", { amount: this.context.i18n.money(credit) })}</p>` : nothing}
      ${depositForm({
        t: (key, values) => this.t(key, values),
        assets,
        currency: quote.currency,
        network: quote.network,
        range: quote.range.render({
          pending: () => undefined,
          complete: (range) => range,
          error: (error) => this.errorNotice(error, () => void quote.range.run()),
        }),
        amountText: quote.text,
        amountError: this.amountError(amount),
        estimate: amount.value
          ? quote.estimate.render({
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
        onAsset: (ticker) => quote.choose(assets, ticker),
        onNetwork: (id) => quote.setNetwork(id),
        onAmount: (text) => quote.input(text),
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
      reference: (id) => this.context.i18n.core("reference", { requestId: id }),
      balances: this.watch.balances,
      balanceStale: this.watch.balanceStale,
      pollFailed: this.watch.pollFailed,
      onRefresh: () => void this.watch.refreshBalances(),
      onContinue: () => this.next(),
      onAnother: () => this.another(),
    });
  }
}
