import type { ConnectResult } from "../config/connect";
import type { StepChangeReason } from "../events/before-step-change";
import { ReadyEvent } from "../events/ready";
import { SignedInEvent } from "../events/signed-in";
import { SignedOutEvent } from "../events/signed-out";
import { prerequisiteOf, resumeStep, stepAfter } from "./guards";
import { SIGNED_OUT, stateFromBootstrap } from "./journey-state";
import type { JourneyUpdate } from "./journey-update-event";
import type { SessionController } from "./session-controller";

/**
 * What a session does once the element is connected to its Worker: restore and load the journey, take
 * the steps' updates, go where the user should be, sign out. Loaded when the element starts, with what
 * it needs for that (reaching the Worker, and the progress indicator a running journey shows), so the
 * entry carries only the session's state and how it starts.
 */
export { connect } from "../config/connect";
export { progress } from "../frame/progress";

/** After connecting: restores an earlier session, opens the step the user should be at, fires `mc-ready`. */
export async function begin(s: SessionController, result: Extract<ConnectResult, { ok: true }>, signal: AbortSignal): Promise<void> {
  const user = await result.connection.restore();
  if (signal.aborted) return;
  if (user) await loadJourney(s, user, true);
  if (signal.aborted) return;
  s.set({ phase: "running" });
  await resume(s, user ? "resume" : "start");
  if (signal.aborted) return;
  const step = s.o.flow.current ?? s.o.settings().steps[0]!;
  s.host.dispatchEvent(new ReadyEvent({ environment: result.connection.config.environment, step, signedIn: !!user }));
}

/**
 * After sign-in or restore: who the user is and where they are, from the Worker's bootstrap route, and
 * (meanwhile) the sentences for errors the next steps may show.
 */
async function loadJourney(s: SessionController, user: { id: string; email: string | null }, restored: boolean): Promise<void> {
  const [bootstrap] = await Promise.allSettled([s.connection!.bootstrap(), s.o.loadErrorStrings()]);
  if (bootstrap.status === "rejected") throw bootstrap.reason;
  s.set({ journey: stateFromBootstrap(bootstrap.value, user), sessionEnded: false });
  s.host.dispatchEvent(new SignedInEvent({ userId: user.id, email: user.email, restored }));
}

/** What a step reported: new facts about the journey, and where to go. */
export async function update(s: SessionController, { patch, go }: JourneyUpdate): Promise<void> {
  if (patch?.user && !s.journey.user) {
    // A new sign-in: load who the user is and where they are, then resume there.
    try {
      await loadJourney(s, patch.user, false);
    } catch (error) {
      s.set({ startError: error });
      return;
    }
    await resume(s, "next");
    return;
  }
  if (patch && "user" in patch && !patch.user) {
    await endSession(s, "user");
    return;
  }
  if (patch) s.set({ journey: { ...s.journey, ...patch } });
  if (go === "resume") await resume(s, "next");
  else if (go) {
    const current = s.o.flow.current;
    const to = go === "next" ? (current ? stepAfter(s.o.settings().steps, current) : null) : go;
    if (to) await s.o.flow.go(to, "next");
  }
}

/**
 * Goes where the user should be now (`resumeStep`). When what must come first is a step the page
 * does not offer, the user cannot go on here: say so instead of showing a step they may not use.
 */
export async function resume(s: SessionController, reason: StepChangeReason): Promise<boolean> {
  const steps = s.o.settings().steps;
  const target = resumeStep(steps, s.journey);
  const missing = prerequisiteOf(target, s.journey);
  if (missing && !steps.includes(missing)) {
    s.set({ locked: missing });
    s.o.flow.reset();
    return false;
  }
  s.set({ locked: null });
  return s.o.flow.go(missing ?? target, reason);
}

/** Ends the session here (the user signed out, or it could not be renewed) and returns to sign-in. */
export async function endSession(s: SessionController, reason: "user" | "expired"): Promise<void> {
  if (!s.journey.user) return;
  s.set({ journey: SIGNED_OUT, sessionEnded: reason === "expired", locked: null });
  s.host.dispatchEvent(new SignedOutEvent({ reason }));
  await s.o.flow.go("sign-in", "signed-out");
}
