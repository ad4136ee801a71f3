import type { Address, Hash, Hex } from "viem";
import type { SandboxDeployment } from "./deploy";
import type { WatchTokenTransfersOptions } from "./token-transfers";

/**
 * What the rest of the sandbox (the Machines simulator, the wallets stand-in, the faucet)
 * needs from the local chain. Implemented on a real anvil node with viem in
 * `demo/chain/sandbox-chain.ts`; nothing here is faked.
 */
export interface SandboxChain {
  readonly chainId: number;
  readonly rpcUrl: string;
  /** The test dollar (symbol rUSD, 6 decimals). */
  readonly tokenAddress: Address;
  readonly tokenDecimals: number;
  /** v1 controller (7-argument withdrawAsset). */
  readonly controllerAddress: Address;
  /** v2 coordinator (10-argument withdrawAsset). */
  readonly coordinatorAddress: Address;
  /** Address of the sandbox executor key: the controller's `controllerAdmin()` and the coordinator's `executor()`. */
  readonly executorAddress: Address;
  /** The ERC-4337 EntryPoint v0.7 (canonical address) the sandbox's smart accounts and bundler use. */
  readonly entryPointAddress: Address;
  /** Creates the sandbox's smart accounts (`createAccount(owner, salt)`, `getAddress(owner, salt)`). */
  readonly accountFactoryAddress: Address;
  /** Every address above (plus the collateral factory and deployer), to persist and `connectSandboxChain` later. */
  readonly deployment: SandboxDeployment;

  /** Deploys a collateral proxy for a user, with `admin` as its first admin. */
  provisionCollateral(p: { admin: Address; version: 1 | 2 }): Promise<{ proxyAddress: Address }>;
  /** Adds another admin to an existing collateral proxy. */
  addCollateralAdmin(p: { proxyAddress: Address; admin: Address }): Promise<void>;
  /** Removes an admin (for example when a wallet is unlinked); it can no longer withdraw. */
  removeCollateralAdmin(p: { proxyAddress: Address; admin: Address }): Promise<void>;
  isCollateralAdmin(p: { proxyAddress: Address; admin: Address }): Promise<boolean>;
  /** v2: the collateral's `adminNonce()`. */
  adminNonce(proxyAddress: Address): Promise<bigint>;
  /** The nonce the executor signature is bound to: the controller's `nonce(collateral)` (v1), the collateral's `adminNonce()` (v2). */
  executorNonce(p: { version: 1 | 2; collateral: Address }): Promise<bigint>;
  /** Test-dollar balance in the token's smallest unit. */
  tokenBalance(owner: Address): Promise<bigint>;
  /** Mints test dollars (the faucet); returns the mined transaction hash. */
  mintToken(p: { to: Address; amount: bigint }): Promise<Hash>;
  /** Gives an address native gas money (anvil_setBalance). */
  fundGas(p: { address: Address; wei: bigint }): Promise<void>;

  /** Signs the executor payload (evm-withdrawals.md section 7: Rain's v1 message, or the sandbox's v2 one) with the sandbox executor key. */
  signExecutorWithdrawal(p: {
    version: 1 | 2;
    user: Address;
    collateral: Address;
    asset: Address;
    amount: bigint;
    recipient: Address;
    nonce: bigint;
    expiresAt: bigint;
    salt: Hex;
  }): Promise<Hex>;

  /**
   * Calls `onTransfer` for every test-dollar Transfer mined from now on (polling the node).
   * Returns a function that stops watching. `options.fromBlock` starts earlier (no gap after a restart);
   * `options.onError` receives RPC failures and callback errors (polling continues).
   */
  watchTokenTransfers(
    onTransfer: (t: { from: Address; to: Address; amount: bigint; txHash: Hash; blockNumber: bigint }) => void,
    options?: WatchTokenTransfersOptions,
  ): () => void;
}
