import { inject } from "vitest";
import { createSandboxClient, type SandboxClient } from "@machines-card/test-support/sandbox/sandbox-client";
import type { ProvidedSandbox } from "../provided-context";

export type { FaultRule } from "@machines-card/test-support/sandbox/sandbox-client";

/** The sandbox the project's Worker talks to (or the fault-injection one). */
export const sandbox = (): ProvidedSandbox => inject("sandbox");
/** For the core routes' fault tests (one file: `worker/src/upstream/machines/faults.test.ts`). */
export const faultSandbox = (): ProvidedSandbox => inject("faultSandbox");
/** For the withdrawal routes' fault tests (one file). */
export const withdrawalsFaultSandbox = (): ProvidedSandbox => inject("withdrawalsFaultSandbox");

/** Sandbox controls (`/sandbox/*`): fault injection, money movements, KYC decisions (the suites' one sandbox driver). */
export const controls = (s: ProvidedSandbox = sandbox()): SandboxClient => createSandboxClient({ sandboxUrl: s.url });

/** Calls a sandbox control (`/sandbox/*`) and returns its `data`; throws on a refusal. */
export function control<T = any>(s: ProvidedSandbox, method: string, path: string, body?: unknown): Promise<T> {
  return controls(s).control<T>(method, path, body);
}
