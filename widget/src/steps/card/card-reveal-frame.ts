import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { ApiError } from "../../api/api-error";
import type { CardHiddenReason } from "../../events/card-hidden";

/** What the reveal frame tells the element: its height and what it shows. Never a digit of the card. */
type FrameMessage =
  | { type: "mc-reveal:size"; height: number }
  | { type: "mc-reveal:shown" }
  | { type: "mc-reveal:hidden"; reason: "timeout" | "hidden" }
  | { type: "mc-reveal:refused"; code: string };

/** How the frame's outcome reaches the step. */
export interface RevealFrameListener {
  /** The frame shows the card's details. */
  shown(cardId: string): void;
  /** The frame refused its ticket (it says why itself, in the user's language). */
  refused(cardId: string, code: string): void;
  /** The frame is gone: why, whether focus was in it, whether it had shown the details. */
  hidden(cardId: string, reason: CardHiddenReason, focusWasInside: boolean, wasShown: boolean): void;
}

/** How long the frame may take to load and redeem its ticket before the reveal counts as failed. */
export const FRAME_ANSWER_MS = 20_000;

interface OpenFrame {
  cardId: string;
  url: string;
  origin: string;
  shown: boolean;
  settle: ((outcome: "shown" | "refused" | "closed") => void) | null;
}

/**
 * One card's details, shown by the Worker's reveal frame (its own origin: the page never holds them).
 * This controller opens the frame with a ticket's URL, listens to that frame only (its origin and its
 * window), sizes it to its content, and closes it: when the frame's countdown ends, when the user hides
 * it, when the page is hidden, and when the step leaves the page.
 */
export class CardRevealFrame implements ReactiveController {
  #open: OpenFrame | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  private readonly onMessage = (event: MessageEvent) => this.receive(event);
  private readonly onPageHidden = () => {
    if (document.visibilityState === "hidden") this.close("hidden");
  };
  private readonly onPageHide = () => this.close("hidden");

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    private readonly listener: RevealFrameListener,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener("message", this.onMessage);
    document.addEventListener("visibilitychange", this.onPageHidden);
    window.addEventListener("pagehide", this.onPageHide);
  }

  hostDisconnected(): void {
    window.removeEventListener("message", this.onMessage);
    document.removeEventListener("visibilitychange", this.onPageHidden);
    window.removeEventListener("pagehide", this.onPageHide);
    this.close("hidden");
  }

  /** The card whose frame is open, or null. */
  get cardId(): string | null {
    return this.#open?.cardId ?? null;
  }

  /**
   * Opens the frame at `frameUrl` for a card (closing another card's) and waits until it shows the
   * details or refuses its ticket. `workerOrigin` is the Worker's: a frame anywhere else is never loaded.
   */
  open(cardId: string, frameUrl: string, workerOrigin: string): Promise<"shown" | "refused" | "closed"> {
    const url = new URL(frameUrl);
    if (url.origin !== workerOrigin || !url.hash) {
      return Promise.reject(new ApiError({ code: "invalid_response", message: "the reveal frame is not on the Worker's origin", status: 0 }));
    }
    if (this.#open) this.close(this.#open.cardId === cardId ? "user" : "replaced");
    // The page may have been hidden while the ticket was on its way: then the frame is never opened.
    if (document.visibilityState === "hidden") return Promise.resolve("closed");
    return new Promise((resolve, reject) => {
      const open: OpenFrame = { cardId, url: url.href, origin: url.origin, shown: false, settle: resolve };
      this.#open = open;
      this.#timer = setTimeout(() => {
        if (this.#open !== open || !open.settle) return;
        open.settle = null;
        this.close("hidden");
        reject(new ApiError({ code: "timeout", message: "the reveal frame did not answer in time", status: 0 }));
      }, FRAME_ANSWER_MS);
      this.host.requestUpdate();
    });
  }

  /** Removes the frame (the details go with it). */
  close(reason: CardHiddenReason): void {
    const open = this.#open;
    if (!open) return;
    clearTimeout(this.#timer);
    const focusWasInside = Boolean(this.frame()) && (this.host.renderRoot as ShadowRoot).activeElement === this.frame();
    this.#open = null;
    open.settle?.("closed");
    this.host.requestUpdate();
    this.listener.hidden(open.cardId, reason, focusWasInside, open.shown);
  }

  /** The frame of this card while open, for rendering. */
  frameOf(cardId: string, title: string): TemplateResult | null {
    const open = this.#open;
    if (open?.cardId !== cardId) return null;
    // Scripts and its own origin (to redeem the ticket): no forms, popups or top navigation. The referrer
    // is the page's origin, so the frame can tell the Worker where it is even under `no-referrer` pages.
    return html`<iframe
      class="reveal-frame"
      src=${open.url}
      title=${title}
      allow="clipboard-write"
      sandbox="allow-scripts allow-same-origin"
      referrerpolicy="origin"
    ></iframe>`;
  }

  private frame(): HTMLIFrameElement | null {
    return this.host.renderRoot.querySelector<HTMLIFrameElement>("iframe.reveal-frame");
  }

  private receive(event: MessageEvent): void {
    const open = this.#open;
    const frame = this.frame();
    // Only the open frame's own window, from the Worker's origin, is listened to.
    if (!open || event.origin !== open.origin || !frame || event.source !== frame.contentWindow) return;
    const message = event.data as Partial<FrameMessage> | null;
    switch (message?.type) {
      case "mc-reveal:size": {
        const height = Number((message as { height?: unknown }).height);
        // CSSOM (allowed under a strict CSP), sized to the frame's content so nothing scrolls.
        if (Number.isFinite(height)) frame.style.height = `${Math.min(2000, Math.max(0, Math.ceil(height)))}px`;
        return;
      }
      case "mc-reveal:shown":
        if (open.shown) return;
        open.shown = true;
        clearTimeout(this.#timer);
        open.settle?.("shown");
        open.settle = null;
        this.listener.shown(open.cardId);
        this.host.requestUpdate();
        return;
      case "mc-reveal:refused":
        clearTimeout(this.#timer);
        open.settle?.("refused");
        open.settle = null;
        this.listener.refused(open.cardId, String((message as { code?: unknown }).code ?? "other").slice(0, 64));
        return;
      case "mc-reveal:hidden":
        this.close((message as { reason?: unknown }).reason === "hidden" ? "hidden" : "timeout");
        return;
    }
  }
}
