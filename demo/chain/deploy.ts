/**
 * Deploys the sandbox contracts: the test dollar (minter = deployer), the v1 controller (the sandbox
 * executor as its controller admin) and the v2 coordinator (the executor registered), and the collateral
 * factory that provisions one proxy per user. Runs anywhere fetch exists; the bytecode comes in through `artifacts`.
 */
import { type Abi, type Address, type Hex, getContractAddress } from "viem";
import { privateKeyToAddress } from "viem/accounts";
import { createSandboxClients, readChainId } from "./clients";
import type { ContractArtifact, ContractArtifacts } from "./compile";
import { SANDBOX_DEPLOYER_PRIVATE_KEY, SANDBOX_EXECUTOR_PRIVATE_KEY } from "./keys";

/** Where everything lives on a given chain; enough to `connectSandboxChain` again later. */
export interface SandboxDeployment {
  chainId: number;
  tokenAddress: Address;
  controllerAddress: Address;
  coordinatorAddress: Address;
  collateralFactoryAddress: Address;
  executorAddress: Address;
  /** Owner of every collateral proxy and minter of the test dollar. */
  deployerAddress: Address;
}

export type DeployArtifacts = Pick<ContractArtifacts, "TestDollar" | "Controller" | "Coordinator" | "CollateralFactory">;

export interface DeploySandboxContractsParameters {
  rpcUrl: string;
  artifacts: DeployArtifacts;
  /** Defaults to anvil's account 0 (`SANDBOX_DEPLOYER_PRIVATE_KEY`). */
  deployerPrivateKey?: Hex;
  /** Defaults to the address of `SANDBOX_EXECUTOR_PRIVATE_KEY`. */
  executorAddress?: Address;
}

export async function deploySandboxContracts(p: DeploySandboxContractsParameters): Promise<SandboxDeployment> {
  const deployerPrivateKey = p.deployerPrivateKey ?? SANDBOX_DEPLOYER_PRIVATE_KEY;
  const executorAddress = p.executorAddress ?? privateKeyToAddress(SANDBOX_EXECUTOR_PRIVATE_KEY);
  const chainId = await readChainId(p.rpcUrl);
  const { publicClient, walletClient } = createSandboxClients({
    rpcUrl: p.rpcUrl,
    chainId,
    privateKey: deployerPrivateKey,
    pollingIntervalMs: 50,
  });
  const deployerAddress = walletClient.account.address;

  // Addresses follow from the deployer's nonce, so the factory can be told where the controller
  // and coordinator will be, and all four transactions go out without waiting for each other.
  const first = await publicClient.getTransactionCount({ address: deployerAddress, blockTag: "pending" });
  const at = (offset: number) => getContractAddress({ from: deployerAddress, nonce: BigInt(first + offset) });
  const planned = {
    tokenAddress: at(0),
    controllerAddress: at(1),
    coordinatorAddress: at(2),
    collateralFactoryAddress: at(3),
  };

  const deploy = (artifact: ContractArtifact, args: readonly unknown[], offset: number) =>
    walletClient.deployContract({
      abi: artifact.abi as Abi,
      bytecode: artifact.bytecode,
      args,
      nonce: first + offset,
    });
  const hashes = [
    await deploy(p.artifacts.TestDollar, [deployerAddress], 0),
    // Rain's v1 constructor takes the controller admin (the executor) and the treasury; the sandbox
    // deployer is the owner and the treasury.
    await deploy(p.artifacts.Controller, [executorAddress, deployerAddress, deployerAddress], 1),
    await deploy(p.artifacts.Coordinator, [executorAddress], 2),
    await deploy(
      p.artifacts.CollateralFactory,
      [deployerAddress, planned.controllerAddress, planned.coordinatorAddress],
      3,
    ),
  ];
  const receipts = await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
  const expected = Object.values(planned);
  receipts.forEach((receipt, i) => {
    if (receipt.status !== "success" || receipt.contractAddress?.toLowerCase() !== expected[i]?.toLowerCase()) {
      throw new Error(`sandbox deployment failed at step ${i + 1} (tx ${receipt.transactionHash})`);
    }
  });

  return { chainId, ...planned, executorAddress, deployerAddress };
}
