import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { ConfigProblem } from "../config/config-problem";
import type { Connection } from "../config/connect";
import type { Settings } from "../config/settings";
import type { StepChangeReason } from "../events/before-step-change";
import { MachinesCardErrorEvent } from "../events/error";
import type { Eip1193Provider } from "../wallet/eip1193-provider";
import type { FlowController } from "./flow-controller";
import type { Prerequisite } from "./guards";
import { SIGNED_OUT, type JourneyState } from "./journey-state";
import type { JourneyUpdate } from "./journey-update-event";

export type Phase = "connecting" | "blocked" | "running";

export interface SessionOptions {
  settings: () => Settings;
  /** The EIP-1193 provider the page set on the element, if any. */
  provider: () => Eip1193Provider | undefined;
  flow: FlowController;
  /** Reports a problem or warning only the Worker could reveal (it fires on every attempt). */
  reportProblem: (problem: ConfigProblem) => void;
  /** Loads the sentences for error codes, which every step past sign-in may show. */
  loadErrorStrings: () => Promise<void>;
}

/**
 * The element's link to its Worker and the user's session: connect (`GET /v1/config`), restore a
 * session, load the journey (`GET /v1/me`), sign in and out, and open the step the user should be at.
 * The element reads its fields to render; every change asks the element to update. What a connected
 * session does (`session-moves.ts`) loads with the connection: before it, there is nothing to update,
 * resume or sign out of.
 */
export class SessionController implements ReactiveController {
  phase: Phase = "connecting";
  journey: JourneyState = SIGNED_OUT;
  connection: Connection | null = null;
  /** A failure while starting or loading the journey, shown with "Try again". */
  startError: unknown = null;
  /** A problem only the Worker could reveal (unreachable, origin, environment). */
  workerProblem: ConfigProblem | null = null;
  /** Setup warnings only the Worker could reveal (a different major version): shown, not blocking. */
  workerWarnings: ConfigProblem[] = [];
  /** A step that must come first but which the page's `steps` leave out: the user cannot go on here. */
  locked: Prerequisite | null = null;
  /** The session ended by itself (not renewable): say so on the sign-in step. */
  sessionEnded = false;
  private connecting: AbortController | null = null;
  private moves: typeof import("./session-moves") | null = null;

  constructor(
    /** @internal */ readonly host: ReactiveControllerHost & HTMLElement,
    /** @internal */ readonly o: SessionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.connecting?.abort();
    this.connecting = null;
  }

  /** The progress indicator, shown only while running: it loads with the connection. */
  get progressView(): typeof import("../frame/progress").progress | null {
    return this.moves?.progress ?? null;
  }

  /** Whether the element is connected to its Worker or on its way there. */
  get started(): boolean {
    return this.connection !== null || this.connecting !== null;
  }

  /** @internal Changes fields and asks the element to render them. */
  set<K extends keyof this>(changes: Pick<this, K>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** Connects to the Worker, restores a session, and opens at the right step. */
  async start(fatal: ConfigProblem | undefined): Promise<void> {
    this.connecting?.abort();
    const abort = new AbortController();
    this.connecting = abort;
    const { flow } = this.o;
    this.set({ connection: null, journey: SIGNED_OUT, startError: null, locked: null, workerProblem: null, workerWarnings: [], sessionEnded: false });
    flow.reset();
    const settings = this.o.settings();
    const apiBase = settings.apiBase;
    if (fatal || !apiBase) {
      this.connecting = null;
      this.set({ phase: "blocked" });
      return;
    }
    this.set({ phase: "connecting" });
    try {
      const moves = await import("./session-moves");
      this.moves = moves;
      const result = await moves.connect(
        { ...settings, apiBase },
        { provider: this.o.provider, onSessionEnded: () => void moves.endSession(this, "expired"), signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      if (!result.ok) {
        this.set({ workerProblem: result.problem, phase: "blocked" });
        this.o.reportProblem(result.problem);
        return;
      }
      this.set({ connection: result.connection, workerWarnings: result.warnings });
      for (const warning of result.warnings) this.o.reportProblem(warning);
      await moves.begin(this, result, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.set({ startError: error, phase: "running" });
      const e = error as { code?: string; message?: string };
      this.host.dispatchEvent(new MachinesCardErrorEvent({ code: e.code ?? "internal_error", message: e.message ?? String(error), fatal: false }));
    } finally {
      if (this.connecting === abort) this.connecting = null;
    }
  }

  /** What a step reported: new facts about the journey, and where to go. */
  async update(update: JourneyUpdate): Promise<void> {
    await this.moves?.update(this, update);
  }

  /** Goes where the user should be now; false when a step that must come first is not offered here. */
  async resume(reason: StepChangeReason): Promise<boolean> {
    return this.moves ? this.moves.resume(this, reason) : false;
  }

  /** Signs the user out at the provider and here. */
  async signOut(): Promise<void> {
    await this.connection?.auth.signOut().catch(() => undefined);
    await this.moves?.endSession(this, "user");
  }
}
