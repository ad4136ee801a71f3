import { LitElement, html, type PropertyValues, type TemplateResult } from "lit";
import type { StepName } from "@machines-card/contract/steps";
import { isApiError } from "../api/api-error";
import { notice } from "../components/notice";
import { MachinesCardErrorEvent } from "../events/error";
import { AnnounceEvent } from "../flow/announce-event";
import type { JourneyState } from "../flow/journey-state";
import { JourneyUpdateEvent } from "../flow/journey-update-event";
import { hasCatalog, loadCatalog, type Catalogs, type Messages, type MessageValues } from "../i18n/translator";
import { stepStyles } from "../styles/step-styles";
import type { StepContext } from "./step-context";

/**
 * The base of every step. A step receives `context` from the element (properties down) and talks
 * back only through events (events up): `report()` for journey facts and moves, `emit()` for the
 * public `mc-*` events, `announce()` for the live region, `fail()` for errors. It never touches the
 * host element or another step.
 */
export abstract class StepElement<M extends Messages = Messages> extends LitElement {
  static override styles = stepStyles;
  static override properties = { context: { attribute: false } };
  /** Internal elements this step renders (for example `mc-copy-button`), defined before the step is. */
  static elements: Record<string, CustomElementConstructor> = {};

  /** The step's name (`shared/steps.ts`). */
  abstract readonly step: StepName;
  /** The step's own strings, in every language (`defineMessages`). */
  protected abstract readonly messages: Catalogs<M>;
  declare context: StepContext;
  /** The sentence each failure was reported with, so one shown on every render is reported once. */
  private readonly reported = new WeakMap<object, string>();

  /**
   * Loads this step's strings for the page's language when they are a separate file. The element
   * awaits it before showing the step; a language changed later loads here and re-renders.
   */
  loadMessages(): Promise<void> {
    return loadCatalog(this.messages, this.context.i18n.language);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("context") && !hasCatalog(this.messages, this.context.i18n.language)) {
      void this.loadMessages().then(() => this.requestUpdate());
    }
  }

  constructor() {
    super();
    // Bound once, so views and controllers take `this.t` as it is.
    this.t = this.t.bind(this);
  }

  /** Translates one of this step's strings. */
  t(key: keyof M & string, values?: MessageValues): string {
    return this.context.i18n.t(this.messages, key, values);
  }

  /** Tells the element new facts about the journey and, optionally, where to go next. */
  protected report(patch: Partial<JourneyState>, go?: StepName | "next" | "resume"): void {
    this.dispatchEvent(new JourneyUpdateEvent(go ? { patch, go } : { patch }));
  }

  /** Asks the element to move to the next configured step (the guard still decides). */
  protected next(): void {
    this.dispatchEvent(new JourneyUpdateEvent({ go: "next" }));
  }

  /** Dispatches one of the public `mc-*` events (they bubble and cross the shadow root to the page). */
  protected emit(event: CustomEvent): void {
    this.dispatchEvent(event);
  }

  /** Reads a sentence out politely through the element's live region. */
  protected announce(message: string): void {
    this.dispatchEvent(new AnnounceEvent(message));
  }

  /**
   * Reports an error to the page (`mc-error`) and returns the sentence to show the user.
   * Aborted requests are not errors and return an empty string.
   */
  protected fail(error: unknown): string {
    if (error instanceof DOMException && error.name === "AbortError") return "";
    const e = error as { code?: string; message?: string; field?: string };
    this.emit(
      new MachinesCardErrorEvent({
        code: e.code ?? "unknown",
        message: e.message ?? String(error),
        step: this.step,
        fatal: false,
        ...(e.field ? { field: e.field } : {}),
        ...(isApiError(error) && error.requestId ? { requestId: error.requestId } : {}),
      }),
    );
    return this.context.i18n.error(error);
  }

  /**
   * `fail()` once per failure, however often it is shown (a task's error renders on every update): the
   * page hears of it once, and the same sentence comes back each time. Empty for an aborted request.
   */
  protected sentence(error: unknown): string {
    if (typeof error !== "object" || error === null) return this.fail(error);
    let text = this.reported.get(error);
    if (text === undefined) {
      text = this.fail(error);
      this.reported.set(error, text);
    }
    return text;
  }

  /**
   * A failure as the user reads it: its sentence (`message`, or the one for its code, reported once),
   * the request's reference for support, and "Try again" when there is a `retry`. Nothing for an
   * aborted request.
   */
  protected errorNotice(error: unknown, o: { retry?: (() => void) | undefined; message?: string } = {}): TemplateResult | undefined {
    const message = o.message ?? this.sentence(error);
    if (!message) return undefined;
    const requestId = isApiError(error) ? error.requestId : undefined;
    const { retry } = o;
    return notice("error", message, {
      detail: requestId ? this.context.i18n.core("reference", { requestId }) : undefined,
      actions: retry
        ? html`<button type="button" class="button secondary" part="button" data-action="retry" @click=${retry}>${this.context.i18n.core("retry")}</button>`
        : undefined,
    });
  }

  /** Moves focus to a control of this step once it has rendered (a new view, a field to fix). */
  protected async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The step's heading: the element moves focus here when the step opens. */
  protected heading(text: string): TemplateResult {
    return html`<h2 part="heading" tabindex="-1" data-step-heading>${text}</h2>`;
  }

  /** Called by the element after a step change (never on first page load, so focus is not stolen). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>("[data-step-heading]")?.focus();
  }
}
