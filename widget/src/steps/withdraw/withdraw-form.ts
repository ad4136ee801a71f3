import { html, nothing, type TemplateResult } from "lit";
import type { Asset } from "@machines-card/contract/api/deposits";
import type { WithdrawalRange } from "@machines-card/contract/api/withdrawals";
import { pickPair } from "../../components/amount-quote";
import { describedBy, field } from "../../components/field";
import { spinner } from "../../components/loading";
import type { I18n, Translate } from "../../i18n/translator";
import type { WithdrawMessages } from "./withdraw.messages";


export interface WithdrawFormView {
  assets: Asset[];
  currency: string;
  network: string;
  amount: string;
  address: string;
  extraId: string;
  /** The range for the chosen destination; undefined while it loads. */
  range: WithdrawalRange | undefined;
  amountError?: string | undefined;
  addressError?: string | undefined;
  /** A failure about the whole form (range, create), with its retry. */
  formError?: TemplateResult | undefined;
  /** What arrives for the typed amount ("49.5 USDC"), "pending" while asked, or null. */
  estimate: string | "pending" | null;
  busy: boolean;
  on: {
    asset(e: Event): void;
    network(e: Event): void;
    amount(e: Event): void;
    field(e: Event): void;
    submit(e: SubmitEvent): void;
  };
}

/** The lowercase code the Worker takes for an asset (`RUSD` → `rusd`). */
export const codeOf = (asset: Asset) => asset.ticker.toLowerCase();

/** Destination asset and network, amount within the range (with the estimate), and the address. */
export function withdrawForm(t: Translate<WithdrawMessages>, i18n: I18n, v: WithdrawFormView): TemplateResult {
  const { asset, network } = pickPair(v.assets, v, { asset: null, network: null });
  const evm = network?.chainId != null;
  const memo = Boolean(network?.supportsExtraId || v.range?.destinationSupportsExtraId);
  const { minAmountCents: min, maxAmountCents: max } = v.range ?? {};
  const amount = {
    id: "withdraw-amount",
    label: t("amount"),
    hint: min != null && max != null ? t("range", { min: i18n.money(min), max: i18n.money(max) }) : undefined,
    error: v.amountError,
  };
  const address = {
    id: "withdraw-address",
    label: t("address"),
    hint: `${t("addressHint")}${evm && network ? ` ${t("evmHint", { network: network.label })}` : ""}`,
    error: v.addressError,
  };
  return html`<form class="stack" novalidate @submit=${v.on.submit}>
    ${v.formError ?? nothing}
    <div class="pair">
      ${field(
        { id: "withdraw-asset", label: t("asset") },
        html`<select id="withdraw-asset" name="currency" @change=${v.on.asset}>
          ${v.assets.map((a) => html`<option value=${codeOf(a)} ?selected=${a === asset}>${a.name} (${a.ticker.toUpperCase()})</option>`)}
        </select>`,
      )}
      ${field(
        { id: "withdraw-network", label: t("network") },
        html`<select id="withdraw-network" name="network" @change=${v.on.network}>
          ${(asset?.networks ?? []).map((n) => html`<option value=${n.id} ?selected=${n === network}>${n.label}</option>`)}
        </select>`,
      )}
    </div>
    ${field(
      amount,
      html`<input id="withdraw-amount" name="amount" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" .value=${v.amount}
        aria-describedby=${[amount.hint ? "withdraw-amount-hint" : "", v.amountError ? "withdraw-amount-error" : "", "withdraw-estimate"].filter(Boolean).join(" ")}
        aria-invalid=${v.amountError ? "true" : "false"} @input=${v.on.amount} />`,
    )}
    <p id="withdraw-estimate" class="small muted estimate" aria-live="polite">
      ${v.estimate === "pending" ? t("estimating") : v.estimate ? t("estimate", { amount: v.estimate }) : ""}
    </p>
    ${field(
      address,
      html`<input id="withdraw-address" name="address" class="mono" type="text" autocomplete="off" autocapitalize="off" spellcheck="false"
        .value=${v.address} aria-describedby=${describedBy(address)} aria-invalid=${v.addressError ? "true" : "false"} @input=${v.on.field} />`,
    )}
    ${memo
      ? field(
          { id: "withdraw-extra-id", label: t("extraId") },
          html`<input id="withdraw-extra-id" name="extraId" type="text" autocomplete="off" spellcheck="false" maxlength="128"
            .value=${v.extraId} @input=${v.on.field} />`,
        )
      : nothing}
    <div class="actions">
      <button type="submit" class="button block" part="button" aria-busy=${v.busy ? "true" : "false"} ?disabled=${v.busy || !v.range}>
        ${v.busy ? spinner() : nothing}${t("review")}
      </button>
    </div>
  </form>`;
}
