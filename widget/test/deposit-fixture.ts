// The deposit step's browser tests: a user who may deposit, and the step rendered for them.
import { waitUntil } from "@open-wc/testing";
import type { DepositStep } from "../src/steps/deposit/deposit-step";
import { sandboxUser, type SandboxUser } from "./sandbox";
import { stack, type StackUrls } from "./services";
import { renderStep, type StepFixtureOptions } from "./step-fixture";

/** A user who may deposit (KYC approved, agreements accepted) on the running stack, or null without one. */
export async function depositor(): Promise<{ stack: StackUrls; user: SandboxUser } | null> {
  const s = await stack();
  if (!s) return null;
  return { stack: s, user: await sandboxUser(s, { label: "deposit" }) };
}

export async function renderDeposit(stackUrls: StackUrls, user: SandboxUser, options: Omit<StepFixtureOptions, "workerUrl" | "token"> = {}) {
  const rendered = await renderStep<DepositStep>("deposit", {
    workerUrl: stackUrls.workerUrl,
    token: user.token,
    state: { ...user.state, ...options.state },
    ...options,
  });
  const root = rendered.step.shadowRoot!;
  await waitUntil(() => root.querySelector("form, [data-status-heading], [role=alert], .empty"), "the deposit step should load", { timeout: 8000 });
  const $ = <E extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? null;
  const button = (label: string) => [...root.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent!.includes(label));
  return { ...rendered, root, $, text, button };
}
