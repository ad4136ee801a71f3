import type { SandboxChain } from "../chain/sandbox-chain.types";
import type { SessionTokens } from "./crypto/session-token";
import type { SimulatorSecrets } from "./crypto/secrets";
import type { FaultBook } from "./http/faults";
import type { SimulatorLogger, SimulatorSettings } from "./options";
import type { Store } from "./state/store";

/** What every route and domain module of the simulator works with. Built once per simulator. */
export interface SimulatorContext {
  store: Store;
  /** Mutable at run time through `PATCH /sandbox/settings`. */
  settings: SimulatorSettings;
  chain: SandboxChain | null;
  secrets: SimulatorSecrets;
  tokens: SessionTokens;
  partnerKey: string;
  publicBaseUrl: string;
  faults: FaultBook;
  singleFlight: SingleFlight;
  now(): number;
  log: SimulatorLogger;
}

/**
 * Runs one promise per key at a time: concurrent callers with the same key share the first caller's
 * result (idempotent creates, collateral provisioning, a withdrawal turning ready).
 */
export class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing as Promise<T>;
    const promise = task().finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return promise;
  }

  has(key: string): boolean {
    return this.running.has(key);
  }
}

export const isoAt = (ms: number) => new Date(ms).toISOString();
