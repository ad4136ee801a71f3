import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { ConfigProblem } from "../config/config-problem";
import type { Connection } from "../config/connect";
import type { Settings } from "../config/settings";
import type { StepChangeReason } from "../events/before-step-change";
import { MachinesCardErrorEvent } from "../events/error";
import { ReadyEvent } from "../events/ready";
import { SignedInEvent } from "../events/signed-in";
import { SignedOutEvent } from "../events/signed-out";
import type { Eip1193Provider } from "../wallet/eip1193-provider";
import type { FlowController } from "./flow-controller";
import { prerequisiteOf, resumeStep, stepAfter, type Prerequisite } from "./guards";
import { SIGNED_OUT, stateFromBootstrap, type JourneyState } from "./journey-state";
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
 * The element reads its fields to render; every change asks the element to update.
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

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: SessionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.connecting?.abort();
    this.connecting = null;
  }

  /** Whether the element is connected to its Worker or on its way there. */
  get started(): boolean {
    return this.connection !== null || this.connecting !== null;
  }

  private set<K extends keyof this>(changes: Pick<this, K>): void {
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
      const { connect } = await import("../config/connect");
      const result = await connect(
        { ...settings, apiBase },
        { provider: this.o.provider, onSessionEnded: () => void this.endSession("expired"), signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      if (!result.ok) {
        this.set({ workerProblem: result.problem, phase: "blocked" });
        this.o.reportProblem(result.problem);
        return;
      }
      this.set({ connection: result.connection, workerWarnings: result.warnings });
      for (const warning of result.warnings) this.o.reportProblem(warning);
      const user = await result.connection.restore();
      if (abort.signal.aborted) return;
      if (user) await this.loadJourney(user, true);
      if (abort.signal.aborted) return;
      this.set({ phase: "running" });
      await this.resume(user ? "resume" : "start");
      if (abort.signal.aborted) return;
      const step = flow.current ?? this.o.settings().steps[0]!;
      this.host.dispatchEvent(new ReadyEvent({ environment: result.connection.config.environment, step, signedIn: !!user }));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.set({ startError: error, phase: "running" });
      const e = error as { code?: string; message?: string };
      this.host.dispatchEvent(new MachinesCardErrorEvent({ code: e.code ?? "internal_error", message: e.message ?? String(error), fatal: false }));
    } finally {
      if (this.connecting === abort) this.connecting = null;
    }
  }

  /**
   * After sign-in or restore: who the user is and where they are, from the Worker's bootstrap route, and
   * (meanwhile) the sentences for errors the next steps may show.
   */
  private async loadJourney(user: { id: string; email: string | null }, restored: boolean): Promise<void> {
    const [bootstrap] = await Promise.allSettled([this.connection!.bootstrap(), this.o.loadErrorStrings()]);
    if (bootstrap.status === "rejected") throw bootstrap.reason;
    const me = bootstrap.value;
    this.set({ journey: stateFromBootstrap(me, user), sessionEnded: false });
    this.host.dispatchEvent(new SignedInEvent({ userId: user.id, email: user.email, restored }));
  }

  /** What a step reported: new facts about the journey, and where to go. */
  async update({ patch, go }: JourneyUpdate): Promise<void> {
    if (patch?.user && !this.journey.user) {
      // A new sign-in: load who the user is and where they are, then resume there.
      try {
        await this.loadJourney(patch.user, false);
      } catch (error) {
        this.set({ startError: error });
        return;
      }
      await this.resume("next");
      return;
    }
    if (patch && "user" in patch && !patch.user) {
      await this.endSession("user");
      return;
    }
    if (patch) this.set({ journey: { ...this.journey, ...patch } });
    if (go === "resume") await this.resume("next");
    else if (go) {
      const current = this.o.flow.current;
      const to = go === "next" ? (current ? stepAfter(this.o.settings().steps, current) : null) : go;
      if (to) await this.o.flow.go(to, "next");
    }
  }

  /**
   * Goes where the user should be now (`resumeStep`). When what must come first is a step the page
   * does not offer, the user cannot go on here: say so instead of showing a step they may not use.
   */
  async resume(reason: StepChangeReason): Promise<boolean> {
    const steps = this.o.settings().steps;
    const target = resumeStep(steps, this.journey);
    const missing = prerequisiteOf(target, this.journey);
    if (missing && !steps.includes(missing)) {
      this.set({ locked: missing });
      this.o.flow.reset();
      return false;
    }
    this.set({ locked: null });
    return this.o.flow.go(missing ?? target, reason);
  }

  /** Signs the user out at the provider and here. */
  async signOut(): Promise<void> {
    await this.connection?.auth.signOut().catch(() => undefined);
    await this.endSession("user");
  }

  private async endSession(reason: "user" | "expired"): Promise<void> {
    if (!this.journey.user) return;
    this.set({ journey: SIGNED_OUT, sessionEnded: reason === "expired", locked: null });
    this.host.dispatchEvent(new SignedOutEvent({ reason }));
    await this.o.flow.go("sign-in", "signed-out");
  }
}
