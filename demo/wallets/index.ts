export { createWalletsStandIn, WALLETS_API_VERSION, type WalletsStandInOptions } from "./wallets-api";
export { createSandboxWallets, DEFAULT_GAS_WEI, type CreateWalletInput, type SandboxWallets, type SandboxWalletsOptions } from "./sandbox-wallets";
export { createSandboxSigner, type SandboxSignerOptions } from "./sandbox-signer";
export type { SandboxWalletRecord, WalletsState, WalletsStateStore } from "./wallets-state";
export type { AdminSignerInput, AdminSignerView } from "./create-wallet.schema";
export { LocatorError, parseWalletLocator, type WalletLocator } from "./locators";
export { DEFAULT_WALLET_SEED } from "./wallet-keys";
