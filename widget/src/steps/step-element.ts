import { LitElement, html, type PropertyValues, type TemplateResult } from "lit";
import type { StepName } from "../../../shared/steps";
import { isApiError } from "../api/api-error";
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

  /** Translates one of this step's strings. */
  protected t(key: keyof M & string, values?: MessageValues): string {
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

  /** The step's heading: the element moves focus here when the step opens. */
  protected heading(text: string): TemplateResult {
    return html`<h2 part="heading" tabindex="-1" data-step-heading>${text}</h2>`;
  }

  /** Called by the element after a step change (never on first page load, so focus is not stolen). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>("[data-step-heading]")?.focus();
  }
}
