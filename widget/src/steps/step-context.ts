import type { CardLimit } from "@machines-card/contract/api/cards";
import type { PublicConfig } from "@machines-card/contract/api/config";
import type { StepName } from "@machines-card/contract/steps";
import type { WorkerClient } from "../api/client";
import type { AuthAdapter } from "../auth/auth-adapter";
import type { JourneyState } from "../flow/journey-state";
import type { I18n } from "../i18n/translator";
import type { WalletAdapter } from "../wallet/wallet-adapter";

/** The partner's defaults from the element's attributes. */
export interface StepDefaults {
  /** `card-label`: the label a new card starts with. */
  cardLabel: string | null;
  /** `card-limit` and `card-limit-frequency`: the spending limit a new card starts with. */
  cardLimit: CardLimit | null;
  /** `deposit-asset`: the currency preselected for deposits (and withdrawals), for example `usdc`. */
  depositAsset: string | null;
  /** `deposit-network`: the network preselected, for example `base`. */
  depositNetwork: string | null;
}

/**
 * Everything a step gets from the element, as one property (`context`). A new object arrives whenever
 * anything in it changes (state, locale, defaults), so a step re-renders by itself.
 */
export interface StepContext {
  /** The typed Worker client: pass it to the `api/<action>.ts` functions. */
  readonly api: WorkerClient;
  readonly state: Readonly<JourneyState>;
  /** The Worker's public config (environment, chain, providers). */
  readonly config: PublicConfig;
  readonly defaults: StepDefaults;
  readonly i18n: I18n;
  /** The configured steps, in order. */
  readonly steps: readonly StepName[];
  /** The sign-in adapter (the sign-in step uses it; others never need it). */
  readonly auth: AuthAdapter;
  /** The user's wallet, created on first use (its code loads then). */
  wallet(): Promise<WalletAdapter>;
}
