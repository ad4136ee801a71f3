import { html, nothing } from "lit";
import { Task } from "@lit/task";
import { depositRoutes, type Asset, type Deposit, type DepositEstimate, type DepositRange } from "@machines-card/contract/api/deposits";
import { newIdempotencyKey } from "../../api/idempotency-key";
import { AmountQuote, pickPair, sameCode, type AmountProblem } from "../../components/amount-quote";
import { CopyButton } from "../../components/copy-button";
import { skeleton, spinner } from "../../components/loading";
import { DepositCompletedEvent } from "../../events/deposit-completed";
import { DepositCreatedEvent } from "../../events/deposit-created";
import { StepElement } from "../step-element";
import { ACTIVE_DEPOSIT_STATUSES, depositAddress } from "./deposit-address";
import { depositForm } from "./deposit-form";
import { depositStyles } from "./deposit-step.styles";
import { DepositWatch } from "./deposit-watch";
import { depositMessages, type DepositMessages } from "./deposit.messages";
import { TEST_FUNDS_DOLLARS, testFundsToken } from "./test-funds-offer";

/**
 * Adding money: choose the asset and network (the partner's defaults preselected), see the range and
 * an estimate, get a deposit address (QR code, copy, memo, the network in words), then follow the
 * deposit until it is credited and show the new balances. A deposit still under way is resumed.
 */
export class DepositStep extends StepElement<DepositMessages> {
  static override styles = [...StepElement.styles, depositStyles];
  static override elements = { "mc-copy-button": CopyButton };
  static override properties = { ...StepElement.properties, busy: { state: true }, createError: { state: true }, funding: { state: true } };

  readonly step = "deposit" as const;
  protected readonly messages = depositMessages;
  declare private busy: boolean;
  /** The last create that failed, with the sentence it is shown with. */
  declare private createError: { error: unknown; message: string } | null;
  /** The sandbox-only test funds are being minted and sent. */
  declare private funding: boolean;
  /** One key per intent (asset, network, amount), kept while that same deposit is retried. */
  private intent: { body: string; key: string } | null = null;

  /** The asset and network chosen, their range, and the amount typed (in the asset's units) with its estimate. */
  private readonly quote = new AmountQuote<DepositRange, DepositEstimate>(this, {
    api: () => this.context.api,
    locale: () => this.context.i18n.locale,
    range: (api, body, signal) => api.call(depositRoutes.getDepositRange, { body, signal }).then((r) => r.range),
    bounds: (range) => ({ min: range?.minAmount ?? null, max: range?.maxAmount ?? null }),
    amountOf: (cents) => cents / 100,
    estimate: (api, pair, amount, signal) => api.call(depositRoutes.estimateDeposit, { body: { ...pair, amount }, signal }).then((r) => r.estimate),
    optional: true,
  });

  private readonly watch = new DepositWatch(this, {
    api: () => this.context.api,
    creditLimit: () => this.context.state.balances?.creditLimit ?? null,
    moved: (deposit) => void this.moved(deposit),
    balances: (balances) => this.report({ balances }),
    failed: (error) => this.sentence(error),
  });

  private readonly setup = new Task(this, {
    task: async ([api], { signal }) => {
      try {
        const [{ assets }, { deposits }] = await Promise.all([
          api.call(depositRoutes.listDepositAssets, { signal }),
          api.call(depositRoutes.listDeposits, { query: { scope: "active" }, signal }),
        ]);
        this.choose(assets, this.quote.pair);
        // A deposit still under way is shown again instead of making another address every visit.
        const open = deposits.filter((d) => ACTIVE_DEPOSIT_STATUSES.has(d.status)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        if (open && !this.watch.deposit) this.watch.show(open);
        return assets;
      } catch (error) {
        this.sentence(error);
        throw error;
      }
    },
    args: () => [this.context.api] as const,
  });

  constructor() {
    super();
    this.busy = false;
    this.createError = null;
    this.funding = false;
  }

  private units(value: number, ticker = this.quote.pair.currency): string {
    return `${this.context.i18n.number(value)} ${ticker.toUpperCase()}`;
  }

  /** Picks the asset and network to offer: the current choice while offered, else the partner's default, else the first. */
  private choose(assets: Asset[], wanted: { currency: string; network: string }): void {
    const { depositAsset: asset, depositNetwork: network } = this.context.defaults;
    const picked = pickPair(assets, wanted, { asset, network });
    this.quote.choose({ currency: picked.asset?.ticker ?? "", network: picked.network?.id ?? "" });
  }

  /** The sentence for an amount that cannot be used. */
  private amountError(problem: AmountProblem | null): string {
    if (!problem) return "";
    return problem.kind === "format" ? this.t("badAmount") : this.t(problem.kind === "min" ? "belowMin" : "aboveMax", { amount: this.units(problem.limit) });
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const { amount, problem } = this.quote.settle();
    const error = this.amountError(problem);
    if (error) {
      this.announce(error);
      await this.focusOn("#deposit-amount");
      return;
    }
    const body = { ...this.quote.pair, ...(amount ? { amount } : {}) };
    const fingerprint = JSON.stringify(body);
    if (this.intent?.body !== fingerprint) this.intent = { body: fingerprint, key: newIdempotencyKey() };
    this.busy = true;
    this.createError = null;
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
      await this.focusOn("[data-status-heading]");
    } catch (error) {
      const message = this.sentence(error);
      this.createError = { error, message };
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
    } else if (deposit.status === "failed" || deposit.status === "canceled") {
      this.announce(this.t(deposit.status === "failed" ? "status.failed" : "status.canceled"));
    }
  }

  /** Sandbox only: mints test dollars in the user's wallet and sends them to the deposit address. */
  private async fund(target: { token: `0x${string}`; to: `0x${string}` }): Promise<void> {
    if (this.funding) return;
    this.funding = true;
    try {
      const [wallet, { addTestFunds }] = await Promise.all([this.context.wallet(), import("./test-funds")]);
      await addTestFunds(wallet, { ...target, chainId: this.context.config.chain.id });
      this.announce(this.t("testFundsSent"));
    } catch (error) {
      this.announce(this.sentence(error));
    } finally {
      this.funding = false;
    }
  }

  private another(): void {
    this.watch.clear();
    this.quote.reset();
    void this.focusOn("#deposit-asset");
  }

  override render() {
    return html`<div class="stack">
      ${this.heading(this.t("title"))}
      ${this.setup.render({
        pending: () => skeleton(this.t("loading"), 5),
        error: (error) => this.errorNotice(error, { retry: () => void this.setup.run() }),
        complete: (assets) => (this.watch.deposit ? this.renderDeposit(assets, this.watch.deposit) : this.renderForm(assets)),
      })}
    </div>`;
  }

  private renderForm(assets: Asset[]) {
    if (!assets.length) return html`<p class="empty">${this.t("none")}</p>`;
    const credit = this.context.state.balances?.creditLimit;
    const quote = this.quote;
    return html`<p class="muted">${this.t("intro")}</p>
      ${credit ? html`<p class="small">${this.t("current", { amount: this.context.i18n.money(credit) })}</p>` : nothing}
      ${depositForm({
        t: (key, values) => this.t(key, values),
        assets,
        currency: quote.pair.currency,
        network: quote.pair.network,
        range: quote.range.render({
          pending: () => undefined,
          complete: (range) => range,
          error: (error) => this.errorNotice(error, { retry: () => void quote.range.run() }),
        }),
        amountText: quote.text,
        amountError: this.amountError(quote.pausedProblem),
        estimate:
          quote.estimate.render({
            pending: () => html`${spinner()} ${this.t("estimating")}`,
            complete: (e) => (e.estimatedToAmount === null ? nothing : this.t("estimate", { amount: this.units(e.estimatedToAmount, e.toCurrency) })),
            error: (error) => this.context.i18n.error(error),
          }) ?? nothing,
        busy: this.busy,
        createError: this.createError ? this.errorNotice(this.createError.error, { message: this.createError.message }) : undefined,
        amount: (value) => this.units(value),
        onAsset: (ticker) => this.choose(assets, { currency: ticker, network: "" }),
        onNetwork: (id) => quote.choose({ ...quote.pair, network: id }),
        onAmount: (text) => quote.input(text),
        onSubmit: (e) => void this.create(e),
      })}`;
  }

  private renderDeposit(assets: Asset[], deposit: Deposit) {
    const asset = assets.find((a) => sameCode(a.ticker, deposit.fromCurrency));
    const network = asset?.networks.find((n) => sameCode(n.id, deposit.fromNetwork));
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
      testFunds: this.renderTestFunds(asset?.name ?? deposit.fromCurrency.toUpperCase(), deposit),
    });
  }

  private renderTestFunds(assetName: string, deposit: Deposit) {
    const target = testFundsToken(this.context.config, deposit);
    if (!target) return nothing;
    const dollars = TEST_FUNDS_DOLLARS;
    return html`<div class="stack-tight" data-test-funds>
      <button type="button" class="button secondary" part="button" ?disabled=${this.funding} @click=${() => void this.fund(target)}>
        ${this.funding ? html`${spinner()} ${this.t("testFundsSending")}` : this.t("testFunds", { dollars })}
      </button>
      <p class="small muted">${this.t("testFundsHint", { dollars, asset: assetName })}</p>
    </div>`;
  }
}
