// Test helpers for the deposit step's browser tests.
import { waitUntil } from "@open-wc/testing";
import type { KycState } from "../../../../shared/api/kyc";
import { sandboxUser, type SandboxUser } from "../../testing/sandbox-user";
import { stack, type StackUrls } from "../../testing/services";
import { renderStep, type StepFixtureOptions } from "../../testing/step-fixture";
import type { DepositStep } from "./deposit-step";

export const APPROVED: KycState = { status: "approved", reason: null, verificationUrl: null, isActive: null, isTermsOfServiceAccepted: true };

/** A user who may deposit (KYC approved, agreements accepted) on the running stack, or null without one. */
export async function depositor(): Promise<{ stack: StackUrls & { controlsUrl: string }; user: SandboxUser } | null> {
  const s = await stack();
  if (!s) return null;
  return { stack: s as StackUrls & { controlsUrl: string }, user: await sandboxUser(s) };
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

export async function sandbox<T = unknown>(s: { controlsUrl: string }, path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<T> {
  const response = await fetch(`${s.controlsUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as { ok: boolean; data: T };
  if (!json.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}`);
  return json.data;
}

/** The user's deposits as the Machines sandbox recorded them (to count what reached it). */
export async function sandboxDeposits(s: { controlsUrl: string }, user: SandboxUser): Promise<{ id: string; status: string }[]> {
  return (await sandbox<{ deposits: { id: string; status: string }[] }>(s, `/users/${user.machinesUserId}`)).deposits;
}
