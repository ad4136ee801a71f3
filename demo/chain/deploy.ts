/**
 * Deploys the sandbox contracts: the test dollar (minter = deployer), the v1 controller (the sandbox
 * executor as its controller admin) and the v2 coordinator (the executor registered), and the collateral
 * factory that provisions one proxy per user. Runs anywhere fetch exists; the bytecode comes in through `artifacts`.
 */
import { type Abi, type Address, concat, getAddress, type Hex, getContractAddress } from "viem";
import { entryPoint07Address } from "viem/account-abstraction";
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
  /** The ERC-4337 EntryPoint v0.7, at its canonical address (the npm package's build, byte for byte). */
  entryPointAddress: Address;
  /** Deploys the sandbox's smart accounts (`SandboxAccount`, the reference SimpleAccount with ERC-1271). */
  accountFactoryAddress: Address;
  executorAddress: Address;
  /** Owner of every collateral proxy and minter of the test dollar. */
  deployerAddress: Address;
}

export type DeployArtifacts = Pick<ContractArtifacts, "TestDollar" | "Controller" | "Coordinator" | "CollateralFactory" | "SandboxAccountFactory"> & {
  /** The EntryPoint's creation code (`entryPointArtifact()`). */
  EntryPoint: { bytecode: Hex };
};

/** The deterministic CREATE2 deployer anvil (and most chains) have, and the salt the canonical v0.7 EntryPoint was deployed with. */
const CREATE2_DEPLOYER: Address = "0x4e59b44847b379578588920cA78FbF26c0B4956C";
const ENTRY_POINT_V07_SALT: Hex = "0x90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3";

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

  // The EntryPoint goes where it is on every public chain: the shipped creation code through the CREATE2
  // deployer with the canonical salt gives exactly 0x0000000071727De22E5E9d8BAf0edAc6f37da032 (and its
  // SenderCreator where bundlers expect it). Once per chain: it may be there from an earlier deployment.
  const entryPointAddress = entryPoint07Address;
  const landsAt = getContractAddress({ opcode: "CREATE2", from: CREATE2_DEPLOYER, salt: ENTRY_POINT_V07_SALT, bytecode: p.artifacts.EntryPoint.bytecode });
  if (landsAt !== entryPointAddress) throw new Error(`the EntryPoint artifact does not deploy to the canonical address (${landsAt})`);
  if (!(await hasCode(publicClient, entryPointAddress))) {
    const hash = await walletClient.sendTransaction({ to: CREATE2_DEPLOYER, data: concat([ENTRY_POINT_V07_SALT, p.artifacts.EntryPoint.bytecode]), gas: 8_000_000n });
    await publicClient.waitForTransactionReceipt({ hash });
    if (!(await hasCode(publicClient, entryPointAddress))) throw new Error(`the EntryPoint was not deployed (tx ${hash})`);
  }
  const factoryHash = await walletClient.deployContract({
    abi: p.artifacts.SandboxAccountFactory.abi as Abi,
    bytecode: p.artifacts.SandboxAccountFactory.bytecode,
    args: [entryPointAddress],
  });
  const factory = await publicClient.waitForTransactionReceipt({ hash: factoryHash });
  if (factory.status !== "success" || !factory.contractAddress) throw new Error(`the account factory was not deployed (tx ${factoryHash})`);

  return { chainId, ...planned, entryPointAddress, accountFactoryAddress: getAddress(factory.contractAddress), executorAddress, deployerAddress };
}

async function hasCode(client: { getCode(p: { address: Address }): Promise<Hex | undefined> }, address: Address): Promise<boolean> {
  const code = await client.getCode({ address });
  return code !== undefined && code !== "0x";
}
