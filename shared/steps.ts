/**
 * The steps of the card journey, by name, in their default order. The widget's `steps` attribute
 * picks and orders a subset; the Worker's bootstrap route names the step a returning user resumes at.
 */
export const STEP_NAMES = ["sign-in", "kyc", "agreements", "deposit", "card", "withdraw", "activity"] as const;
export type StepName = (typeof STEP_NAMES)[number];

export function isStepName(value: string): value is StepName {
  return (STEP_NAMES as readonly string[]).includes(value);
}
