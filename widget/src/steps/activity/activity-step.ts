import { css, html, nothing, type TemplateResult } from "lit";
import { Task, TaskStatus } from "@lit/task";
import { transactionRoutes, type Transaction, type TransactionType } from "@machines-card/contract/api/transactions";
import { field } from "../../components/field";
import { skeleton, spinner } from "../../components/loading";
import { StepElement } from "../step-element";
import { activityMessages, type ActivityMessages } from "./activity.messages";
import { activityRow } from "./activity-row";

const FILTERS = ["", "spend", "collateral", "payment", "fee"] as const;
type Filter = "" | TransactionType;

/**
 * Card activity: the user's transactions (purchases, collateral in and out, payments, fees), newest
 * first, filtered by type, a page at a time.
 */
export class ActivityStep extends StepElement<ActivityMessages> {
  static override styles = [
    ...StepElement.styles,
    css`
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        justify-content: space-between;
        gap: var(--mc-spacing);
      }
      .tools .field {
        min-width: 14rem;
      }
      .tx {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--mc-spacing);
      }
      /* Rows take focus after "Show more": keyboard users see where they are. */
      .tx:focus-visible {
        outline: 2px solid var(--mc-color-focus);
        outline-offset: 2px;
      }
      .tx-main,
      .tx-side {
        display: flex;
        flex-direction: column;
        gap: 0.125em;
        min-width: 0;
      }
      .tx-side {
        align-items: end;
        flex: none;
      }
      .tx-title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .amount {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .amount.credit {
        color: var(--mc-color-success);
      }
    `,
  ];
  static override properties = {
    ...StepElement.properties,
    pageSize: { attribute: false },
    filter: { state: true },
    laterPages: { state: true },
  };

  readonly step = "activity" as const;
  protected readonly messages = activityMessages;
  /** Transactions asked for per page (20 by default). */
  declare pageSize: number;
  declare private filter: Filter;
  /** Pages after the first: what they added, the next cursor, and the state of the next request. */
  declare private laterPages: { items: Transaction[]; cursor: string | null; busy: boolean; error: TemplateResult | undefined };
  private refreshing = false;

  private readonly firstPage = new Task(this, {
    task: async ([api, type, limit], { signal }) => {
      const page = await api.call(transactionRoutes.listTransactions, { query: { limit, ...(type ? { type } : {}) }, signal });
      this.laterPages = { items: [], cursor: page.nextCursor, busy: false, error: undefined };
      if (this.refreshing) this.announce(this.t("refreshed"));
      this.refreshing = false;
      return page.transactions;
    },
    args: () => [this.context.api, this.filter, this.pageSize] as const,
  });

  constructor() {
    super();
    this.pageSize = 20;
    this.filter = "";
    this.laterPages = { items: [], cursor: null, busy: false, error: undefined };
  }

  private refresh(): void {
    this.refreshing = true;
    void this.firstPage.run();
  }

  private async loadMore(): Promise<void> {
    const { cursor, items } = this.laterPages;
    if (!cursor || this.laterPages.busy) return;
    this.laterPages = { ...this.laterPages, busy: true, error: undefined };
    try {
      const query = { limit: this.pageSize, cursor, ...(this.filter ? { type: this.filter } : {}) };
      const page = await this.context.api.call(transactionRoutes.listTransactions, { query });
      this.laterPages = { items: [...items, ...page.transactions], cursor: page.nextCursor, busy: false, error: undefined };
      this.announce(this.t("loaded", { count: page.transactions.length }));
      // Keyboard users continue from the first row that just appeared.
      const first = page.transactions[0];
      if (first) await this.focusOn(`[data-transaction-id="${CSS.escape(first.transactionId)}"]`);
    } catch (error) {
      this.laterPages = { ...this.laterPages, busy: false, error: this.errorNotice(error, { retry: () => void this.loadMore() }) };
    }
  }

  override render() {
    const i18n = this.context.i18n;
    return html`<div class="stack">
      ${this.heading(i18n.core("step.activity"))}
      <p class="muted">${this.t("intro")}</p>
      <div class="tools">
        ${field(
          { id: "activity-filter", label: this.t("show") },
          html`<select id="activity-filter" @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as Filter)}>
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this.filter}>${this.t(`filter.${f || "all"}`)}</option>`)}
          </select>`,
        )}
        <button type="button" class="button secondary" part="button" data-action="refresh" ?disabled=${this.firstPage.status === TaskStatus.PENDING}
          @click=${this.refresh}>
          ${this.t("refresh")}
        </button>
      </div>
      ${this.firstPage.render({
        initial: () => skeleton(i18n.core("loading")),
        pending: () => skeleton(i18n.core("loading")),
        error: (error) => this.errorNotice(error, { retry: () => this.refresh() }),
        complete: (first) => this.renderList(first),
      })}
    </div>`;
  }

  private renderList(first: Transaction[]): TemplateResult {
    const all = [...first, ...this.laterPages.items];
    if (!all.length) return html`<p class="empty">${this.t(this.filter ? "emptyFiltered" : "empty")}</p>`;
    const { busy, cursor, error } = this.laterPages;
    return html`<ul class="plain divided" aria-label=${this.t("list")}>
        ${all.map((tx) => activityRow(this.t, this.context.i18n, tx))}
      </ul>
      ${error ?? nothing}
      ${cursor
        ? html`<div class="actions">
            <button type="button" class="button secondary block" part="button" data-action="more" aria-busy=${busy ? "true" : "false"}
              ?disabled=${busy} @click=${() => void this.loadMore()}>
              ${busy ? html`${spinner()} ${this.t("loadingMore")}` : this.t("more")}
            </button>
          </div>`
        : all.length > this.pageSize
          ? html`<p class="muted small">${this.t("end")}</p>`
          : nothing}`;
  }
}
