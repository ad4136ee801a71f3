import { html, nothing, type TemplateResult } from "lit";
import type { Asset, DepositRange } from "@machines-card/contract/api/deposits";
import { describedBy, field } from "../../components/field";
import { spinner } from "../../components/loading";
import type { DepositMessages } from "./deposit.messages";
import type { Translate } from "../../i18n/translator";


export interface DepositFormView {
  t: Translate<DepositMessages>;
  assets: Asset[];
  currency: string;
  network: string;
  /** The range for the chosen pair: loading (undefined), known, or a rendered error. */
  range: DepositRange | undefined | TemplateResult;
  amountText: string;
  amountError: string;
  /** The estimate line (or its loading state), when an amount in range was typed. */
  estimate: TemplateResult | string | typeof nothing;
  busy: boolean;
  /** The last create that failed, as its notice. */
  createError: TemplateResult | undefined;
  /** `1 RUSD` style amount of the chosen asset. */
  amount(value: number): string;
  onAsset(ticker: string): void;
  onNetwork(id: string): void;
  onAmount(text: string): void;
  onSubmit(e: Event): void;
}

/** Choosing what to deposit: asset, network, their range, an optional amount with its estimate. */
export function depositForm(v: DepositFormView): TemplateResult {
  const t = v.t;
  const asset = v.assets.find((a) => a.ticker === v.currency);
  const range = v.range;
  const error = v.amountError || undefined;
  const hint = t("amountHint");
  return html`<form class="stack" novalidate @submit=${v.onSubmit}>
    <div class="pair">
      ${field(
        { id: "deposit-asset", label: t("asset") },
        html`<select id="deposit-asset" name="currency" @change=${(e: Event) => v.onAsset((e.target as HTMLSelectElement).value)}>
          ${v.assets.map((a) => html`<option value=${a.ticker} ?selected=${a.ticker === v.currency}>${a.name} (${a.ticker.toUpperCase()})</option>`)}
        </select>`,
      )}
      ${field(
        { id: "deposit-network", label: t("network") },
        html`<select id="deposit-network" name="network" @change=${(e: Event) => v.onNetwork((e.target as HTMLSelectElement).value)}>
          ${(asset?.networks ?? []).map((n) => html`<option value=${n.id} ?selected=${n.id === v.network}>${n.label}</option>`)}
        </select>`,
      )}
    </div>
    ${range === undefined
      ? html`<p class="muted small" role="status">${spinner()} ${t("loading")}</p>`
      : "fromCurrency" in range
        ? html`<dl class="summary range">
            <dt>${t("minimum")}</dt>
            <dd>${range.minAmount === null ? "—" : v.amount(range.minAmount)}</dd>
            <dt>${t("maximum")}</dt>
            <dd>${range.maxAmount === null ? t("noMaximum") : v.amount(range.maxAmount)}</dd>
          </dl>`
        : range}
    ${field(
      { id: "deposit-amount", label: t("amount"), hint, error },
      html`<input id="deposit-amount" name="amount" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" .value=${v.amountText}
        aria-describedby=${describedBy({ id: "deposit-amount", hint, error })} aria-invalid=${error ? "true" : "false"}
        @input=${(e: Event) => v.onAmount((e.target as HTMLInputElement).value)} />`,
    )}
    <p class="estimate" aria-live="polite">${v.estimate}</p>
    ${v.createError}
    <div class="actions">
      <button type="submit" class="button block" part="button" aria-busy=${v.busy ? "true" : "false"} ?disabled=${v.busy}>
        ${v.busy ? html`${spinner()} ${t("creating")}` : t("create")}
      </button>
    </div>
  </form>`;
}
