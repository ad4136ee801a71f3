/**
 * The local chain from outside the page, as a person's other wallet would see it: a payer (anvil's
 * well-known dev account 1) that holds test dollars and sends them to the deposit address shown on
 * screen with a real ERC-20 transfer, balance reads for the withdrawal's recipient, and what the chain
 * shows of the user's smart-account wallet (its code, the bundles it ran in).
 */
import { type Address, createPublicClient, createWalletClient, erc20Abi, type Hex, http, parseUnits } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { sandboxChainDefinition } from "#demo/chain/clients";
import { SANDBOX_DEPLOYER_PRIVATE_KEY } from "#demo/chain/keys";
import { testDollarMintAbi } from "#demo/chain/sandbox-abi";
import { control } from "./sandbox";

/** Anvil's public development mnemonic; account 1 is nobody's in the sandbox (account 0 is its deployer). */
const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";
const payer = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 1 });

interface ChainFacts {
  chainId: number;
  rpcUrl: string;
  tokenAddress: Address;
  tokenDecimals: number;
}

let facts: Promise<ChainFacts> | null = null;
/** The test dollar and the chain, as the sandbox reports them (`GET /sandbox/chain`). */
export function chainFacts(): Promise<ChainFacts> {
  facts ??= control<ChainFacts>("GET", "/chain");
  return facts;
}

function clients(rpcUrl: string, chainId: number) {
  const chain = sandboxChainDefinition(chainId, rpcUrl);
  const transport = http(rpcUrl);
  return {
    publicClient: createPublicClient({ chain, transport, pollingInterval: 100 }),
    wallet: (key: Hex | typeof payer) => createWalletClient({ chain, transport, pollingInterval: 100, account: typeof key === "string" ? privateKeyToAccount(key) : key }),
  };
}

/**
 * Gives the payer test dollars, once, before any journey runs (global setup): the faucet's minter is
 * the sandbox deployer, and nothing else is sending from it yet, so its nonces cannot clash.
 */
export async function fundPayer(rpcUrl: string, chainId: number, tokenAddress: Address, dollars: number): Promise<void> {
  const { publicClient, wallet } = clients(rpcUrl, chainId);
  const hash = await wallet(SANDBOX_DEPLOYER_PRIVATE_KEY).writeContract({
    address: tokenAddress,
    abi: testDollarMintAbi,
    functionName: "mint",
    args: [payer.address, parseUnits(String(dollars), 6)],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error("minting the payer's test dollars reverted");
}

/** Sends test dollars from the payer to an address read off the screen; resolves once mined. */
export async function sendTestDollars(to: string, dollars: string): Promise<Hex> {
  const { rpcUrl, chainId, tokenAddress, tokenDecimals } = await chainFacts();
  const { publicClient, wallet } = clients(rpcUrl, chainId);
  const hash = await wallet(payer).writeContract({
    address: tokenAddress,
    abi: erc20Abi,
    functionName: "transfer",
    args: [to as Address, parseUnits(dollars, tokenDecimals)],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`the transfer to ${to} reverted`);
  return hash;
}

/** A test-dollar balance read from the chain, in the token's smallest unit. */
export async function testDollarBalance(holder: string): Promise<bigint> {
  const { rpcUrl, chainId, tokenAddress } = await chainFacts();
  return clients(rpcUrl, chainId).publicClient.readContract({ address: tokenAddress, abi: erc20Abi, functionName: "balanceOf", args: [holder as Address] });
}

/** A fresh address nobody has used: the withdrawal's recipient. */
export function freshAddress(): Address {
  return privateKeyToAccount(generatePrivateKey()).address;
}


/** Whether the address holds code: a smart-account wallet has none until its first user operation deploys it. */
export async function hasCode(address: string): Promise<boolean> {
  const { rpcUrl, chainId } = await chainFacts();
  const code = await clients(rpcUrl, chainId).publicClient.getCode({ address: address as Address });
  return code !== undefined && code !== "0x";
}

/** Who sent a transaction and to what: for a smart account's withdrawal, the bundler and the EntryPoint. */
export async function transactionEnds(hash: string): Promise<{ from: Address; to: Address | null; selector: string }> {
  const { rpcUrl, chainId } = await chainFacts();
  const tx = await clients(rpcUrl, chainId).publicClient.getTransaction({ hash: hash as Hex });
  return { from: tx.from, to: tx.to ?? null, selector: tx.input.slice(0, 10) };
}
