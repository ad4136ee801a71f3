import { html, nothing, type TemplateResult } from "lit";

export type NoticeKind = "info" | "success" | "warning" | "error";

export interface NoticeOptions {
  title?: string | undefined;
  /** Buttons or links under the text (for example "Try again"). */
  actions?: TemplateResult | undefined;
  /** Small print, for example the request reference of a failed call. */
  detail?: string | undefined;
}

/**
 * A status message. Errors use `role="alert"` (read at once, they follow the user's own action);
 * the others `role="status"` (read politely).
 */
export function notice(kind: NoticeKind, message: string | TemplateResult, o: NoticeOptions = {}): TemplateResult {
  return html`<div class="notice ${kind}" part="notice" role=${kind === "error" ? "alert" : "status"}>
    ${o.title ? html`<strong>${o.title}</strong>` : nothing}
    <div>${message}</div>
    ${o.detail ? html`<span class="muted small mono">${o.detail}</span>` : nothing}
    ${o.actions ? html`<div class="actions">${o.actions}</div>` : nothing}
  </div>`;
}
