import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { CopyButton } from "../../components/copy-button";
import type { CardSecrets } from "../../../../shared/api/cards";

/** Why revealed details were hidden again. */
export type HideReason = "user" | "timeout" | "hidden" | "replaced";

/**
 * Holds one card's revealed number, CVC and expiry for a short time, in one private field of this
 * controller and nowhere else (no attribute, property, event, log or storage), and forgets them:
 * when the countdown ends, when the user hides them, when the page is hidden (tab switch, minimised
 * window, navigation), and when the step leaves the page (disconnect, step change).
 */
export class CardRevealController implements ReactiveController {
  #secrets: { cardId: string; value: CardSecrets } | null = null;
  #deadline = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Whole seconds until the details hide themselves (0 when nothing is shown). */
  secondsLeft = 0;

  private readonly onPageHidden = () => {
    if (document.visibilityState === "hidden") this.hide("hidden");
  };
  private readonly onPageHide = () => this.hide("hidden");

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    /** Called after details were hidden, with why and whether focus was inside them (to announce it, to move focus back). */
    private readonly onHidden: (cardId: string, reason: HideReason, focusWasInside: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener("visibilitychange", this.onPageHidden);
    window.addEventListener("pagehide", this.onPageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener("visibilitychange", this.onPageHidden);
    window.removeEventListener("pagehide", this.onPageHide);
    this.hide("hidden");
  }

  /** The card whose details are shown, or null. */
  get cardId(): string | null {
    return this.#secrets?.cardId ?? null;
  }

  /** The shown details of this card, for rendering only; null when hidden. */
  secretsOf(cardId: string): CardSecrets | null {
    return this.#secrets?.cardId === cardId ? this.#secrets.value : null;
  }

  /** Shows a card's details for `seconds`, replacing any other card's. */
  show(cardId: string, secrets: CardSecrets, seconds: number): void {
    if (this.#secrets && this.#secrets.cardId !== cardId) this.hide("replaced");
    // The page may have been hidden while the details were on their way: then they are never shown.
    if (document.visibilityState === "hidden") return;
    this.#secrets = { cardId, value: secrets };
    this.#deadline = Date.now() + seconds * 1000;
    this.secondsLeft = seconds;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.tick(), 250);
    this.host.requestUpdate();
  }

  hide(reason: HideReason): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    const cardId = this.#secrets?.cardId;
    this.#secrets = null;
    this.secondsLeft = 0;
    if (!cardId) return;
    // The copy buttons hold the values as a property until they leave the DOM: empty them now.
    const panel = this.host.renderRoot.querySelector(`#secrets-${CSS.escape(cardId)}`);
    panel?.querySelectorAll<CopyButton>("mc-copy-button").forEach((b) => (b.value = ""));
    const focusWasInside = Boolean(panel?.contains((this.host.renderRoot as ShadowRoot).activeElement ?? null));
    this.host.requestUpdate();
    this.onHidden(cardId, reason, focusWasInside);
  }

  private tick(): void {
    const left = Math.max(0, Math.ceil((this.#deadline - Date.now()) / 1000));
    if (left === 0) return this.hide("timeout");
    if (left !== this.secondsLeft) {
      this.secondsLeft = left;
      this.host.requestUpdate();
    }
  }
}
