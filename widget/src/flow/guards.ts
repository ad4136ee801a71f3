import { STEP_NAMES, type StepName } from "@machines-card/contract/steps";
import type { JourneyState } from "./journey-state";

/** What must happen before a step can be entered. */
export type Prerequisite = "sign-in" | "kyc" | "agreements";

/**
 * The first unmet prerequisite of a step, or null when the user may enter it. Pure: the same state
 * always gives the same answer, so every path into a step (resume, next, a click on the progress bar,
 * the host's `goTo`) is checked alike.
 */
export function prerequisiteOf(step: StepName, state: JourneyState): Prerequisite | null {
  if (step === "sign-in") return null;
  if (!state.user) return "sign-in";
  if (step === "kyc") return null;
  if (state.kyc?.status !== "approved") return "kyc";
  if (step === "agreements") return null;
  if (!state.agreementsAccepted) return "agreements";
  return null;
}

export function canEnter(step: StepName, state: JourneyState): boolean {
  return prerequisiteOf(step, state) === null;
}

/** Whether a step's own goal is reached (shown as "done" in the progress indicator). */
export function isComplete(step: StepName, state: JourneyState): boolean {
  switch (step) {
    case "sign-in":
      return state.user !== null;
    case "kyc":
      return state.kyc?.status === "approved";
    case "agreements":
      return state.agreementsAccepted;
    case "deposit":
      return (state.balances?.creditLimit ?? 0) > 0;
    case "card":
      return state.hasCard;
    default:
      return false;
  }
}

/**
 * Where to open for this state among the configured steps: sign-in when nobody is signed in;
 * otherwise the Worker's `nextStep`, or the first configured step at or after it that may be entered;
 * failing that, the furthest configured step that may be entered.
 */
export function resumeStep(steps: readonly StepName[], state: JourneyState): StepName {
  if (!state.user) return steps.includes("sign-in") ? "sign-in" : steps[0]!;
  const from = STEP_NAMES.indexOf(state.nextStep ?? "kyc");
  const ahead = steps.filter((s) => STEP_NAMES.indexOf(s) >= from && s !== "sign-in");
  const target = ahead.find((s) => canEnter(s, state));
  if (target) return target;
  const enterable = steps.filter((s) => canEnter(s, state) && s !== "sign-in");
  return enterable.at(-1) ?? steps.find((s) => s !== "sign-in") ?? steps[0]!;
}

/** The configured step after `current` (null at the end). Entry is still checked by the guard. */
export function stepAfter(steps: readonly StepName[], current: StepName): StepName | null {
  const i = steps.indexOf(current);
  return i >= 0 && i + 1 < steps.length ? steps[i + 1]! : null;
}
