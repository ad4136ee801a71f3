import { parseFaultRules } from "./http/faults";
import {
  type CollateralVersion,
  EXPIRES_AT_ENCODINGS,
  type ExpiresAtEncoding,
  type MachinesSimulatorOptions,
  SALT_ENCODINGS,
  type SaltEncoding,
} from "./options";

/** The environment variables the sandbox server reads for the simulator (all optional). */
export const SIMULATOR_ENV_VARS = {
  SANDBOX_PARTNER_KEY: "accepted X-Partner-Key (default sk_sandbox_machines_partner_key)",
  SANDBOX_SESSION_SECRET: "secret behind session tokens, KYC links, label keys and card numbers",
  SANDBOX_PUBLIC_URL: "origin the sandbox is reachable at, for KYC completion links (default http://127.0.0.1:8788)",
  SANDBOX_WITHDRAWAL_READY_AFTER_SECONDS: "seconds from a withdrawal's first create to ready (default 2)",
  SANDBOX_DEPOSIT_PROCESSING_SECONDS: "seconds a detected deposit stays processing (default 2)",
  SANDBOX_PURCHASE_POSTING_SECONDS: "seconds a recorded purchase stays pending (default 10)",
  SANDBOX_COLLATERAL_VERSION: "1 or 2: collateral version for new users (default 2)",
  SANDBOX_SALT_ENCODING: "base64 | hex | bytes: parameters[5] of ready withdrawals (default base64)",
  SANDBOX_EXPIRES_AT_ENCODING: "number | string | iso: parameters[4] of ready withdrawals (default number)",
  SANDBOX_MISSING_CONTRACT_ONCE: "1 to make each user's first deposit create fail once with missing_contract",
  SANDBOX_FAULTS: "JSON fault rule or array of rules, active from start (see README)",
} as const;

function seconds(env: Record<string, string | undefined>, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`${name} must be a number of seconds, got ${JSON.stringify(value)}`);
  return number;
}

function oneOf<T extends string>(env: Record<string, string | undefined>, name: string, allowed: readonly T[]): T | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
  return value as T;
}

/**
 * Simulator options from environment variables (Node's `process.env` or a Worker's bindings).
 * Throws an error naming the variable when a value is malformed.
 */
export function simulatorOptionsFromEnv(env: Record<string, string | undefined>): MachinesSimulatorOptions {
  const version = oneOf(env, "SANDBOX_COLLATERAL_VERSION", ["1", "2"]);
  const missing = oneOf(env, "SANDBOX_MISSING_CONTRACT_ONCE", ["0", "1", "true", "false"]);
  const options: MachinesSimulatorOptions = {
    partnerKey: env.SANDBOX_PARTNER_KEY || undefined,
    sessionSecret: env.SANDBOX_SESSION_SECRET || undefined,
    publicBaseUrl: env.SANDBOX_PUBLIC_URL || undefined,
    withdrawalReadyAfterSeconds: seconds(env, "SANDBOX_WITHDRAWAL_READY_AFTER_SECONDS"),
    depositProcessingSeconds: seconds(env, "SANDBOX_DEPOSIT_PROCESSING_SECONDS"),
    purchasePostingSeconds: seconds(env, "SANDBOX_PURCHASE_POSTING_SECONDS"),
    collateralVersion: version === undefined ? undefined : (Number(version) as CollateralVersion),
    saltEncoding: oneOf<SaltEncoding>(env, "SANDBOX_SALT_ENCODING", SALT_ENCODINGS),
    expiresAtEncoding: oneOf<ExpiresAtEncoding>(env, "SANDBOX_EXPIRES_AT_ENCODING", EXPIRES_AT_ENCODINGS),
    missingContractOnce: missing === undefined ? undefined : missing === "1" || missing === "true",
    faults: parseFaultRules(env.SANDBOX_FAULTS),
  };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as MachinesSimulatorOptions;
}
