import type { StepName } from "@machines-card/contract/steps";
import { defineOnce } from "../define-once";
import type { StepElement } from "./step-element";

export type StepClass = (new () => StepElement) & { elements: Record<string, CustomElementConstructor> };

/**
 * Each step's code, as its own chunk: the dynamic import runs the first time the step is reached,
 * never before. Adding a step means a name in `shared/steps.ts`, a folder here, and a line below.
 */
const loaders: { [S in StepName]: () => Promise<StepClass> } = {
  "sign-in": async () => (await import("./sign-in/sign-in-step")).SignInStep,
  kyc: async () => (await import("./kyc/kyc-step")).KycStep,
  agreements: async () => (await import("./agreements/agreements-step")).AgreementsStep,
  deposit: async () => (await import("./deposit/deposit-step")).DepositStep,
  card: async () => (await import("./card/card-step")).CardStep,
  withdraw: async () => (await import("./withdraw/withdraw-step")).WithdrawStep,
  activity: async () => (await import("./activity/activity-step")).ActivityStep,
};

/** The internal tag a step renders as: `mc-step-<name>`. */
export function stepTag(step: StepName): string {
  return `mc-step-${step}`;
}

/** Loads a step's chunk and defines its element (and the internal elements it uses); returns its tag. */
export async function loadStep(step: StepName): Promise<string> {
  const StepClass = await loaders[step]();
  for (const [tag, element] of Object.entries(StepClass.elements)) defineOnce(tag, element);
  const tag = stepTag(step);
  defineOnce(tag, StepClass);
  return tag;
}
