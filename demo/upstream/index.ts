export { createMachinesSandboxApp, createMachinesSimulator, type MachinesSimulator } from "./simulator";
export {
  consoleLogger,
  type CollateralVersion,
  DEFAULT_PARTNER_KEY,
  DEFAULT_PUBLIC_BASE_URL,
  DEFAULT_SESSION_SECRET,
  DEFAULT_SETTINGS,
  EXPIRES_AT_ENCODINGS,
  type ExpiresAtEncoding,
  type MachinesSimulatorOptions,
  SALT_ENCODINGS,
  type SaltEncoding,
  type SimulatorLogger,
  type SimulatorSettings,
} from "./options";
export { SIMULATOR_ENV_VARS, simulatorOptionsFromEnv } from "./env";
export { FAULT_KINDS, FaultBook, type FaultRule, FaultRuleInput, parseFaultRules } from "./http/faults";
export { CONTROL_ROUTES } from "./controls/controls";
export type { SimulatorState } from "./state/records";
export { isLuhnValid } from "./crypto/card-secrets";
