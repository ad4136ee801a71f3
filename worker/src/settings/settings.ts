import type { Address } from "viem";
import type { ErrorItem } from "@machines-card/contract/envelope";
import { readEntryPoints } from "../chain/entry-points";
import { type BindingSettings, DEFAULT_COLLATERAL_TOKENS, readAddress, readAddressList } from "../withdrawals/binding/binding-settings";
import type { Environment } from "@machines-card/contract/api/config";
import type { RequestableScope } from "@machines-card/contract/machines/sessions";
import type { Bindings } from "../env";
import { ConfigurationError } from "../errors";
import { registerSecrets } from "../logging/log";
import { productionProblems } from "./production-checks";
import {
  readInt,
  readKey32,
  readMachinesBase,
  readOneOf,
  readOrigins,
  readScopes,
  readText,
  readUrl,
  type Read,
} from "./setting-values";

/** Every setting, parsed. Built once per isolate (per bindings object) by `settingsFrom`. */
export interface Settings {
  environment: Environment;
  machines: { apiBase: string; partnerKey: string; timeoutMs: number };
  crossmint: {
    jwksUrl: string;
    issuer: string;
    audience: string;
    apiBase: string;
    serverKey: string;
    /** Public key for Crossmint sign-in in the widget (production). */
    clientApiKey: string | null;
    /** Who approves what the user's wallet signs (`CROSSMINT_WALLET_SIGNER`; README "Signer modes"). */
    walletSigner: WalletSigner;
  };
  chain: {
    rpcUrl: string;
    id: number;
    name: string;
    explorerUrl: string | null;
    /** ERC-4337 EntryPoints whose user operations are trusted: the canonical v0.6 and v0.7 plus CHAIN_ENTRY_POINTS. */
    entryPoints: readonly Address[];
    /** The widest block range one eth_getLogs asks for (CHAIN_LOGS_MAX_BLOCKS). */
    logsMaxBlocks: number;
  };
  /** What a prepared withdrawal is checked against besides the request (worker/src/withdrawals/README.md, "Binding"). */
  withdrawals: BindingSettings;
  allowedOrigins: ReadonlySet<string>;
  sessions: { ttlSeconds: number; kycScopes: RequestableScope[]; cardScopes: RequestableScope[] };
  /** Seconds a reveal-frame ticket stays redeemable. */
  reveal: { ticketSeconds: number };
  /** Raw AES-256-GCM key for data at rest (partner session tokens). */
  dataEncryptionKey: Uint8Array;
  /** Sandbox only: where the identity issuer and the wallet signer live. */
  sandboxUrl: string | null;
  /** Sandbox environments only: the token the widget's "add test funds" mints (`TEST_FUNDS_TOKEN_ADDRESS`); never in production. */
  testFundsToken: Address | null;
  /** The secrets proper: partner key, Crossmint server key, data key, preflight token. */
  secrets: readonly string[];
  /** Every value that must never appear in a log line (the secrets, and CHAIN_RPC_URL's forms: provider keys live in RPC URLs). */
  logRedactions: readonly string[];
}

/**
 * The signer mode: `email` (one-time code on every withdrawal, the default), `device` (email recovery,
 * then a P-256 key on the user's device), `passkey` (email recovery, then a WebAuthn passkey on the
 * partner's origin), `api-key` (Crossmint signs for the project: custodial, deprecated, opt-in only).
 */
export const WALLET_SIGNERS = ["email", "device", "passkey", "api-key"] as const;
export type WalletSigner = (typeof WALLET_SIGNERS)[number];

/** Defaults for the settings that have one (the reference's scopes, Machines' default session TTL). */
export const SETTING_DEFAULTS = {
  SESSION_TTL_SECONDS: "900",
  UPSTREAM_TIMEOUT_MS: "8000",
  REVEAL_TICKET_SECONDS: "60",
  CROSSMINT_WALLET_SIGNER: "email",
  CHAIN_LOGS_MAX_BLOCKS: "2000",
  KYC_SCOPES: "kyc.read,kyc.write",
  CARD_SCOPES:
    "users.read,kyc.read,cards.read,cards.write,cards.secrets.read,encryption.read,encryption.write," +
    "deposits.read,deposits.write,transactions.read,withdrawals.write",
} as const;

type Name = keyof Omit<Bindings, "DB" | "REVEAL_RATE_LIMIT" | "KYC_SUBMIT_RATE_LIMIT" | "WITHDRAWAL_CREATE_RATE_LIMIT">;

function parseSettings(env: Bindings): Settings {
  const problems: ErrorItem[] = [];
  const raw = (name: Name): string | undefined => {
    const value = env[name];
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  function read<T>(name: Name, reader: (text: string) => Read<T>, fallback?: string): T | undefined {
    const text = raw(name) ?? fallback;
    if (text === undefined) {
      problems.push({ code: "configuration_error", message: `${name} is not set`, field: name });
      return undefined;
    }
    const result = reader(text);
    if (result.ok) return result.value;
    problems.push({ code: "configuration_error", message: `${name} ${result.message}`, field: name });
    return undefined;
  }
  const optional = <T>(name: Name, reader: (text: string) => Read<T>): T | null | undefined =>
    raw(name) === undefined ? null : read(name, reader);

  const environment = read("ENVIRONMENT", readOneOf<Environment>(["sandbox", "production"]));
  const production = environment === "production";
  const url = (t: string) => readUrl(t, { httpsOnly: production });

  // Set, else the chain's known token; the sandbox's chain has its own (asked of the sandbox when unset).
  function collateralToken() {
    const chainId = Number(raw("CHAIN_ID"));
    const known = DEFAULT_COLLATERAL_TOKENS[chainId];
    if (raw("COLLATERAL_TOKEN_ADDRESS") === undefined && !known && !production) return null;
    return read("COLLATERAL_TOKEN_ADDRESS", readAddress, known);
  }

  const settings = {
    environment,
    machines: {
      apiBase: read("MACHINES_API_BASE", (t) => readMachinesBase(t, { httpsOnly: production })),
      partnerKey: read("MACHINES_PARTNER_KEY", (t) => readText(t, 512)),
      timeoutMs: read("UPSTREAM_TIMEOUT_MS", (t) => readInt(t, 100, 60_000), SETTING_DEFAULTS.UPSTREAM_TIMEOUT_MS),
    },
    crossmint: {
      jwksUrl: read("CROSSMINT_JWKS_URL", url),
      issuer: read("CROSSMINT_ISSUER", (t) => readText(t, 512)),
      audience: read("CROSSMINT_AUDIENCE", (t) => readText(t, 512)),
      apiBase: read("CROSSMINT_API_BASE", url),
      serverKey: read("CROSSMINT_SERVER_KEY", (t) => readText(t, 512)),
      // The widget signs in with Crossmint in production, which needs the project's public client key.
      clientApiKey: production ? read("CROSSMINT_CLIENT_API_KEY", (t) => readText(t, 512)) : optional("CROSSMINT_CLIENT_API_KEY", (t) => readText(t, 512)),
      walletSigner: read("CROSSMINT_WALLET_SIGNER", readOneOf<WalletSigner>([...WALLET_SIGNERS]), SETTING_DEFAULTS.CROSSMINT_WALLET_SIGNER),
    },
    chain: {
      rpcUrl: read("CHAIN_RPC_URL", url),
      id: read("CHAIN_ID", (t) => readInt(t, 1, 2 ** 48)),
      name: read("CHAIN_NAME", (t) => readText(t, 64)),
      explorerUrl: optional("CHAIN_EXPLORER_URL", url),
      entryPoints: read("CHAIN_ENTRY_POINTS", readEntryPoints, ""),
      logsMaxBlocks: read("CHAIN_LOGS_MAX_BLOCKS", (t) => readInt(t, 1, 1_000_000), SETTING_DEFAULTS.CHAIN_LOGS_MAX_BLOCKS),
    },
    withdrawals: {
      collateralToken: collateralToken(),
      callTargets: read("WITHDRAWAL_CALL_TARGETS", readAddressList, ""),
    },
    allowedOrigins: read("ALLOWED_ORIGINS", readOrigins, ""),
    sessions: {
      ttlSeconds: read("SESSION_TTL_SECONDS", (t) => readInt(t, 60, 86_400), SETTING_DEFAULTS.SESSION_TTL_SECONDS),
      kycScopes: read("KYC_SCOPES", readScopes, SETTING_DEFAULTS.KYC_SCOPES),
      cardScopes: read("CARD_SCOPES", readScopes, SETTING_DEFAULTS.CARD_SCOPES),
    },
    reveal: { ticketSeconds: read("REVEAL_TICKET_SECONDS", (t) => readInt(t, 5, 300), SETTING_DEFAULTS.REVEAL_TICKET_SECONDS) },
    dataEncryptionKey: read("DATA_ENCRYPTION_KEY", readKey32),
    // Production configuration never reaches the sandbox: the URL is ignored outside it. Unset in a
    // sandbox environment (staging against Machines' sandbox), the widget signs in with Crossmint staging.
    sandboxUrl: environment === "sandbox" ? optional("SANDBOX_URL", (t) => readUrl(t, { httpsOnly: false })) : null,
    // Test money is never offered against real money: production ignores the setting.
    testFundsToken: environment === "sandbox" ? optional("TEST_FUNDS_TOKEN_ADDRESS", readAddress) : null,
    secrets: [env.MACHINES_PARTNER_KEY, env.CROSSMINT_SERVER_KEY, env.DATA_ENCRYPTION_KEY, env.PREFLIGHT_TOKEN].filter(
      (s): s is string => typeof s === "string" && s.length >= 4,
    ),
    logRedactions: [] as string[],
  };
  settings.logRedactions = [...settings.secrets, ...rpcUrlForms(env.CHAIN_RPC_URL)];
  if (production) {
    problems.push(...productionProblems(env, settings.allowedOrigins ?? []));
  }
  if (problems.length) throw new ConfigurationError(problems);
  return settings as Settings;
}

/**
 * CHAIN_RPC_URL as it may appear in a log line: whole (as set, and without a trailing slash), its host
 * (some providers put the key in a subdomain), its path and its query (most put it there).
 */
function rpcUrlForms(raw: string | undefined): string[] {
  const text = raw?.trim();
  if (!text) return [];
  const forms = new Set([text, text.replace(/\/+$/, "")]);
  try {
    const url = new URL(text);
    forms.add(url.host);
    if (url.pathname.replace(/\/+$/, "").length > 1) forms.add(url.pathname.replace(/\/+$/, ""));
    if (url.search.length > 1) forms.add(url.search.slice(1));
  } catch {
    // Not a URL: the settings parser reports it; the text itself is still redacted.
  }
  return [...forms].filter((form) => form.length >= 4);
}

const cache = new WeakMap<object, Settings | ConfigurationError>();

/**
 * The parsed settings for these bindings, cached per isolate (the bindings object lives as long as the
 * isolate). A missing or malformed setting throws `ConfigurationError` naming each one, every time.
 */
export function settingsFrom(env: Bindings): Settings {
  let entry = cache.get(env);
  if (!entry) {
    try {
      entry = parseSettings(env);
      registerSecrets(entry.logRedactions);
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      entry = e;
    }
    cache.set(env, entry);
  }
  if (entry instanceof ConfigurationError) throw entry;
  return entry;
}
