import { fixture, html } from "@open-wc/testing";
import type { PublicConfig } from "@machines-card/contract/api/config";
import type { StepName } from "@machines-card/contract/steps";
import { createWorkerClient } from "../src/api/client";
import type { AuthAdapter } from "../src/auth/auth-adapter";
import { SIGNED_OUT, type JourneyState } from "../src/flow/journey-state";
import type { JourneyUpdate } from "../src/flow/journey-update-event";
import { JourneyUpdateEvent } from "../src/flow/journey-update-event";
import { AnnounceEvent } from "../src/flow/announce-event";
import { coreCatalogs } from "../src/i18n/core-messages";
import { errorMessages } from "../src/i18n/error-messages";
import { languageOf } from "../src/i18n/negotiate";
import { createI18n, loadCatalog, type Catalogs, type Messages, type Overrides } from "../src/i18n/translator";
import { loadStep } from "../src/steps/registry";
import type { StepContext } from "../src/steps/step-context";
import type { StepElement } from "../src/steps/step-element";
import { machinesCardStyles } from "../src/machines-card.styles";
import type { WalletAdapter } from "../src/wallet/wallet-adapter";

export const SANDBOX_CONFIG: PublicConfig = {
  environment: "sandbox",
  originAllowed: true,
  origin: location.origin,
  auth: { provider: "sandbox", issuerUrl: `${location.origin}/__identity` },
  wallet: { provider: "sandbox", signerUrl: `${location.origin}/__wallet` },
  chain: { id: 31337, name: "anvil", explorerUrl: null },
  version: "test",
};

export interface StepFixtureOptions {
  /** The Worker the step talks to (default: an unreachable address, for steps that need no backend). */
  workerUrl?: string;
  /** A JWT source for the Worker client (default: the `auth` adapter's). */
  token?: () => Promise<string | null>;
  state?: Partial<JourneyState>;
  config?: Partial<PublicConfig>;
  locale?: string;
  /** Partner overrides (`element.messages`): `"<module id>.<key>"` → text. */
  messages?: Overrides;
  defaults?: Partial<StepContext["defaults"]>;
  steps?: StepName[];
  auth?: AuthAdapter;
  wallet?: WalletAdapter;
  /** Answers the Worker client's requests instead of the network (`fakeWorker`), for replies the stack never sends. */
  fetch?: typeof fetch;
}

/** What a step sent up: journey updates (facts and moves), announcements, public `mc-*` events. */
export interface StepRecorder {
  updates: JourneyUpdate[];
  announcements: string[];
  events: CustomEvent[];
}

const noAuth: AuthAdapter = {
  provider: "sandbox",
  restore: async () => null,
  sendCode: async () => Promise.reject(new Error("no auth adapter in this test")),
  verifyCode: async () => Promise.reject(new Error("no auth adapter in this test")),
  token: async () => null,
  renew: async () => null,
  signOut: async () => undefined,
};

/** A step's context as the element builds it for a signed-in user (the error sentences loaded), from test options. */
export async function testContext(o: StepFixtureOptions = {}): Promise<StepContext> {
  const locale = o.locale ?? "en";
  const language = languageOf(locale) ?? "en";
  await Promise.all([loadCatalog(errorMessages, language), loadCatalog(coreCatalogs, language)]);
  const auth = o.auth ?? noAuth;
  return {
    api: createWorkerClient({ baseUrl: o.workerUrl ?? "http://127.0.0.1:9", token: o.token ?? (() => auth.token()), ...(o.fetch ? { fetch: o.fetch } : {}) }),
    state: { ...SIGNED_OUT, ...o.state },
    config: { ...SANDBOX_CONFIG, ...o.config },
    defaults: { cardLabel: null, cardLimit: null, depositAsset: null, depositNetwork: null, ...o.defaults },
    i18n: createI18n(locale, language, {
      core: coreCatalogs as unknown as Catalogs<Messages>,
      errors: errorMessages as unknown as Catalogs<Messages>,
      overrides: o.messages ?? {},
    }),
    steps: o.steps ?? ["sign-in", "kyc", "agreements", "deposit", "card", "withdraw", "activity"],
    auth,
    wallet: async () => {
      if (!o.wallet) throw new Error("no wallet in this test");
      return o.wallet;
    },
  };
}

/**
 * Renders one step on its own, the way the element does (its chunk loaded through the registry, the
 * element's tokens around it), with a context built from `options`; records what it sends up.
 *
 * @example
 * const { step, recorder } = await renderStep("sign-in", { auth: createSandboxAuth({ issuerUrl }) });
 */
export async function renderStep<T extends StepElement = StepElement>(
  name: StepName,
  options: StepFixtureOptions = {},
): Promise<{ step: T; recorder: StepRecorder; host: HTMLElement }> {
  const tag = await loadStep(name);
  const recorder: StepRecorder = { updates: [], announcements: [], events: [] };
  const step = document.createElement(tag) as T;
  step.context = await testContext(options);
  await step.loadMessages();
  // A host with the element's styles (tokens, frame), so contrast checks see real colours.
  const host = await fixture<HTMLElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = machinesCardStyles.map((s) => s.styleSheet!);
  root.addEventListener(JourneyUpdateEvent.eventName, (e) => recorder.updates.push((e as JourneyUpdateEvent).update));
  root.addEventListener(AnnounceEvent.eventName, (e) => recorder.announcements.push((e as AnnounceEvent).message));
  host.addEventListener("mc-error", (e) => recorder.events.push(e));
  for (const type of PUBLIC_EVENTS) host.addEventListener(type, (e) => recorder.events.push(e as CustomEvent));
  root.append(step);
  await step.updateComplete;
  return { step, recorder, host };
}

const PUBLIC_EVENTS = [
  "mc-kyc-status",
  "mc-agreements-accepted",
  "mc-deposit-created",
  "mc-deposit-completed",
  "mc-card-created",
  "mc-card-revealed",
  "mc-card-hidden",
  "mc-withdrawal-submitted",
  "mc-withdrawal-confirmed",
] as const;
