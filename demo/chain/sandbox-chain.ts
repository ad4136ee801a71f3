/**
 * The local chain as the rest of the sandbox sees it (`SandboxChain`), on viem and a real anvil node.
 * Only fetch is needed at runtime: deploying loads the compiled artifacts (Node) on demand, and
 * `connectSandboxChain` with a known deployment needs nothing else.
 */
import { type Address, type Hash, type Hex, type TransactionReceipt, parseEventLogs } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { collateralAbi } from "@machines-card/contract/abi/collateral";
import { controllerV1Abi } from "@machines-card/contract/abi/controller-v1";
import { coordinatorV2Abi } from "@machines-card/contract/abi/coordinator-v2";
import { erc20Abi } from "@machines-card/contract/abi/erc20";
import { createSandboxClients, readChainId } from "./clients";
import { type DeployArtifacts, type SandboxDeployment, deploySandboxContracts } from "./deploy";
import { executorWithdrawalDigest } from "./executor-message";
import { SANDBOX_DEPLOYER_PRIVATE_KEY, SANDBOX_EXECUTOR_PRIVATE_KEY } from "./keys";
import type { SandboxChain } from "./sandbox-chain.types";
import { collateralAdminsAbi, collateralFactoryAbi, testDollarMintAbi } from "./sandbox-abi";
import { pollTokenTransfers } from "./token-transfers";

export type { SandboxChain } from "./sandbox-chain.types";
export type { SandboxDeployment } from "./deploy";

export interface SandboxChainOptions {
  rpcUrl: string;
  /** Owner of the proxies and minter. Defaults to anvil's account 0 (`keys.ts`). */
  deployerPrivateKey?: Hex;
  /** Signs executor payloads; must be the key registered at deploy time. Defaults to `keys.ts`. */
  executorPrivateKey?: Hex;
  /** How often `watchTokenTransfers` polls the node. Defaults to 250 ms. */
  pollIntervalMs?: number;
}

export interface CreateSandboxChainOptions extends SandboxChainOptions {
  /** Reuse this deployment when its contracts are on the chain; deploy afresh otherwise. */
  deployment?: SandboxDeployment;
  /** Bytecode for deploying. Defaults to `loadArtifacts()` from `compile.ts` (Node only, compiles if needed). */
  artifacts?: DeployArtifacts;
}

export class SandboxChainError extends Error {
  override name = "SandboxChainError";
}

/**
 * Connects to `deployment` when it is live on the node at `rpcUrl`, otherwise deploys the contracts.
 *
 * @example
 * const anvil = await startAnvil();
 * const chain = await createSandboxChain({ rpcUrl: anvil.rpcUrl });
 * const { proxyAddress } = await chain.provisionCollateral({ admin: wallet, version: 2 });
 */
export async function createSandboxChain(options: CreateSandboxChainOptions): Promise<SandboxChain> {
  if (options.deployment && (await isDeployed(options.rpcUrl, options.deployment))) {
    return connectSandboxChain({ ...options, deployment: options.deployment });
  }
  // Imported lazily so that connecting never pulls the compiler (or node:fs) in.
  const artifacts = options.artifacts ?? (await loadDeployArtifacts());
  const executorPrivateKey = options.executorPrivateKey ?? SANDBOX_EXECUTOR_PRIVATE_KEY;
  const deployment = await deploySandboxContracts({
    rpcUrl: options.rpcUrl,
    artifacts,
    deployerPrivateKey: options.deployerPrivateKey,
    executorAddress: privateKeyToAccount(executorPrivateKey).address,
  });
  return connectSandboxChain({ ...options, deployment });
}

async function loadDeployArtifacts(): Promise<DeployArtifacts> {
  const { entryPointArtifact, loadArtifacts } = await import("./compile");
  return { ...(await loadArtifacts()), EntryPoint: entryPointArtifact() };
}

async function isDeployed(rpcUrl: string, d: SandboxDeployment): Promise<boolean> {
  if ((await readChainId(rpcUrl)) !== d.chainId) return false;
  const { publicClient } = createSandboxClients({ rpcUrl, chainId: d.chainId, privateKey: SANDBOX_DEPLOYER_PRIVATE_KEY, pollingIntervalMs: 50 });
  // A deployment saved by an older sandbox (no EntryPoint, no account factory) is not this one.
  if (!d.entryPointAddress || !d.accountFactoryAddress) return false;
  const addresses = [d.tokenAddress, d.controllerAddress, d.coordinatorAddress, d.collateralFactoryAddress, d.entryPointAddress, d.accountFactoryAddress];
  const codes = await Promise.all(addresses.map((address) => publicClient.getCode({ address })));
  return codes.every((code) => code !== undefined && code !== "0x");
}

/** Binds to an existing deployment; fails if it is not on this chain or the executor key does not match it. */
export async function connectSandboxChain(options: SandboxChainOptions & { deployment: SandboxDeployment }): Promise<SandboxChain> {
  const { deployment, rpcUrl } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  if (!(await isDeployed(rpcUrl, deployment))) {
    throw new SandboxChainError(`the sandbox contracts are not deployed on chain ${deployment.chainId} at ${rpcUrl}`);
  }
  const { publicClient, walletClient, testClient } = createSandboxClients({
    rpcUrl,
    chainId: deployment.chainId,
    privateKey: options.deployerPrivateKey ?? SANDBOX_DEPLOYER_PRIVATE_KEY,
    pollingIntervalMs: 50,
  });
  const executor = privateKeyToAccount(options.executorPrivateKey ?? SANDBOX_EXECUTOR_PRIVATE_KEY);
  const registered = await Promise.all([
    publicClient.readContract({ address: deployment.controllerAddress, abi: controllerV1Abi, functionName: "controllerAdmin" }),
    publicClient.readContract({ address: deployment.coordinatorAddress, abi: coordinatorV2Abi, functionName: "executor" }),
  ]);
  for (const address of registered) {
    if (address.toLowerCase() !== executor.address.toLowerCase()) {
      throw new SandboxChainError(`executor key ${executor.address} is not the one registered on chain (${address})`);
    }
  }
  const tokenDecimals = await publicClient.readContract({ address: deployment.tokenAddress, abi: erc20Abi, functionName: "decimals" });

  // One deployer account, many concurrent callers: send one transaction at a time so each picks
  // up the next nonce. Receipts are awaited outside the queue (anvil has already mined them).
  let tail: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
  const send = async (write: () => Promise<Hash>): Promise<TransactionReceipt> => {
    const hash = await serialised(write);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new SandboxChainError(`transaction ${hash} reverted`);
    return receipt;
  };

  return {
    chainId: deployment.chainId,
    rpcUrl,
    tokenAddress: deployment.tokenAddress,
    tokenDecimals,
    controllerAddress: deployment.controllerAddress,
    coordinatorAddress: deployment.coordinatorAddress,
    executorAddress: deployment.executorAddress,
    entryPointAddress: deployment.entryPointAddress,
    accountFactoryAddress: deployment.accountFactoryAddress,
    deployment,

    async provisionCollateral({ admin, version }) {
      const receipt = await send(() =>
        walletClient.writeContract({
          address: deployment.collateralFactoryAddress,
          abi: collateralFactoryAbi,
          functionName: "createCollateral",
          args: [admin, version],
        }),
      );
      const [created] = parseEventLogs({ abi: collateralFactoryAbi, eventName: "CollateralCreated", logs: receipt.logs });
      if (!created) throw new SandboxChainError(`no CollateralCreated event in ${receipt.transactionHash}`);
      return { proxyAddress: created.args.collateral };
    },

    async addCollateralAdmin({ proxyAddress, admin }) {
      await send(() =>
        walletClient.writeContract({ address: proxyAddress, abi: collateralAdminsAbi, functionName: "addAdmin", args: [admin] }),
      );
    },

    async removeCollateralAdmin({ proxyAddress, admin }) {
      await send(() =>
        walletClient.writeContract({ address: proxyAddress, abi: collateralAdminsAbi, functionName: "removeAdmin", args: [admin] }),
      );
    },

    isCollateralAdmin({ proxyAddress, admin }) {
      return publicClient.readContract({ address: proxyAddress, abi: collateralAbi, functionName: "isAdmin", args: [admin] });
    },

    adminNonce(proxyAddress: Address) {
      return publicClient.readContract({ address: proxyAddress, abi: collateralAbi, functionName: "adminNonce" });
    },

    tokenBalance(owner: Address) {
      return publicClient.readContract({ address: deployment.tokenAddress, abi: erc20Abi, functionName: "balanceOf", args: [owner] });
    },

    async mintToken({ to, amount }) {
      const receipt = await send(() =>
        walletClient.writeContract({ address: deployment.tokenAddress, abi: testDollarMintAbi, functionName: "mint", args: [to, amount] }),
      );
      return receipt.transactionHash;
    },

    async fundGas({ address, wei }) {
      await testClient.setBalance({ address, value: wei });
    },

    executorNonce({ version, collateral }) {
      return version === 1
        ? publicClient.readContract({ address: deployment.controllerAddress, abi: controllerV1Abi, functionName: "nonce", args: [collateral] })
        : publicClient.readContract({ address: collateral, abi: collateralAbi, functionName: "adminNonce" });
    },

    signExecutorWithdrawal({ version, ...message }) {
      const verifyingContract = version === 1 ? deployment.controllerAddress : deployment.coordinatorAddress;
      return executor.sign({ hash: executorWithdrawalDigest({ version, chainId: deployment.chainId, verifyingContract, ...message }) });
    },

    watchTokenTransfers(onTransfer, watchOptions = {}) {
      return pollTokenTransfers(publicClient, { token: deployment.tokenAddress, pollIntervalMs, onTransfer, ...watchOptions });
    },
  };
}
