import type { ReactiveController, ReactiveControllerHost } from "lit";

export interface PollOptions {
  /**
   * One check. Resolve `true` to keep watching, `false` when nothing can change any more, or a number of
   * milliseconds to wait before the next check when the server said how long (a `Retry-After`).
   */
  poll(signal: AbortSignal): Promise<boolean | number>;
  /** Wait before the first check and after a `now()` (default 2 s). */
  firstDelayMs?: number;
  /** The longest wait between two checks (default 30 s). */
  maxDelayMs?: number;
  /** How much longer each wait gets (default 1.5). */
  factor?: number;
}

/**
 * Watches something that changes on the server (a KYC review, a deposit, a withdrawal) by asking
 * again with a growing pause, so a slow review does not cost a request every second. It pauses while
 * the page is hidden or the step is gone, and checks at once when the page or its window comes back (the
 * user returning from another window is the moment things have usually changed). A failed check is kept
 * in `error` (the step may say so) and retried later with the same backoff.
 *
 * @example
 * private readonly watch = new PollController(this, { poll: async (signal) => !isFinal(await getX(api, { signal })) });
 * this.watch.start();
 */
export class PollController implements ReactiveController {
  /** Whether the host wants updates (between `start()` and `stop()` or a final answer). */
  active = false;
  /** The last check's error, cleared by the next success. */
  error: unknown = null;
  private delay: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private connected = false;
  private readonly onVisibility = () => {
    if (document.visibilityState === "hidden") this.pause();
    else if (this.active) this.now();
  };
  /** Back from another window (the hosted verification page, a wallet): the answer has likely changed. */
  private readonly onFocus = () => {
    if (this.active && !this.abort) this.now();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PollOptions,
  ) {
    this.delay = options.firstDelayMs ?? 2000;
    host.addController(this);
  }

  /** Starts watching: the first check after `delayMs` (default: the first delay). */
  start(delayMs = this.options.firstDelayMs ?? 2000): void {
    this.active = true;
    this.delay = delayMs;
    this.schedule();
  }

  /** Stops watching; a check under way is abandoned. */
  stop(): void {
    this.active = false;
    this.pause();
  }

  /** Checks right away and starts the backoff again (the user did something that may change the answer). */
  now(): void {
    this.active = true;
    this.delay = this.options.firstDelayMs ?? 2000;
    this.pause();
    void this.check();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener("visibilitychange", this.onVisibility);
    window.addEventListener("focus", this.onFocus);
    if (this.active) this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener("visibilitychange", this.onVisibility);
    window.removeEventListener("focus", this.onFocus);
    this.pause();
  }

  private pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.active || !this.connected || document.visibilityState === "hidden") return;
    this.timer = setTimeout(() => void this.check(), this.delay);
  }

  private async check(): Promise<void> {
    if (!this.connected) return;
    const abort = new AbortController();
    this.abort = abort;
    let again: boolean | number = true;
    try {
      again = await this.options.poll(abort.signal);
      this.error = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
    }
    if (abort.signal.aborted) return;
    this.abort = undefined;
    if (again === false) this.active = false;
    this.delay = typeof again === "number" ? again : Math.min(this.delay * (this.options.factor ?? 1.5), this.options.maxDelayMs ?? 30_000);
    this.host.requestUpdate();
    this.schedule();
  }
}
