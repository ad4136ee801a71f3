/**
 * Test fixture: a fresh anvil with the sandbox deployed, funded admin wallets, and the two
 * signatures a withdrawal needs, built the way the API (executor) and a wallet (admin) build them.
 */
import {
  type Address,
  type Hex,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  parseEther,
  toHex,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { type AnvilNode, startAnvil } from "../anvil";
import { type BundlerNode, startBundler } from "../bundler";
import { sandboxChainDefinition } from "../clients";
import { executorWithdrawalDigest } from "../executor-message";
import { type SandboxChain, createSandboxChain } from "../sandbox-chain";

export interface ChainFixture {
  anvil: AnvilNode;
  chain: SandboxChain;
  /** The ERC-4337 bundler, when asked for (`startChainFixture({ bundler: true })`). */
  bundler: BundlerNode | null;
  publicClient: ReturnType<typeof createPublicClient>;
  /** A new key with gas money, and a wallet client that sends from it. */
  newWallet(): Promise<ReturnType<typeof walletFor>>;
  /** A wallet client for a known key (the deployer, the executor); gives it gas first. */
  walletOf(key: Hex): Promise<ReturnType<typeof walletFor>>;
  /** The next block's timestamp (anvil), to test expiry to the second. */
  setNextBlockTimestamp(seconds: bigint): Promise<void>;
  /** The latest block's timestamp (anvil time), in seconds. */
  now(): Promise<bigint>;
  stop(): Promise<void>;
}

function walletFor(rpcUrl: string, chainId: number, key: Hex) {
  return createWalletClient({
    chain: sandboxChainDefinition(chainId, rpcUrl),
    transport: http(rpcUrl),
    account: privateKeyToAccount(key),
    pollingInterval: 50,
  });
}
export type TestWallet = ReturnType<typeof walletFor>;

export async function startChainFixture(options: { bundler?: boolean } = {}): Promise<ChainFixture> {
  const anvil = await startAnvil();
  let bundler: BundlerNode | null = null;
  try {
    const chain = await createSandboxChain({ rpcUrl: anvil.rpcUrl, pollIntervalMs: 50 });
    if (options.bundler) bundler = await startBundler({ rpcUrl: anvil.rpcUrl, entryPoint: chain.entryPointAddress });
    const publicClient = createPublicClient({
      chain: sandboxChainDefinition(chain.chainId, anvil.rpcUrl),
      transport: http(anvil.rpcUrl),
      pollingInterval: 50,
    });
    return {
      anvil,
      chain,
      bundler,
      publicClient,
      async newWallet() {
        const wallet = walletFor(anvil.rpcUrl, chain.chainId, generatePrivateKey());
        await chain.fundGas({ address: wallet.account.address, wei: parseEther("10") });
        return wallet;
      },
      async walletOf(key: Hex) {
        const wallet = walletFor(anvil.rpcUrl, chain.chainId, key);
        const balance = await publicClient.getBalance({ address: wallet.account.address });
        if (balance < parseEther("1")) await chain.fundGas({ address: wallet.account.address, wei: parseEther("10") });
        return wallet;
      },
      async setNextBlockTimestamp(seconds: bigint) {
        await createTestClient({ mode: "anvil", transport: http(anvil.rpcUrl) }).setNextBlockTimestamp({ timestamp: seconds });
      },
      async now() {
        return (await publicClient.getBlock({ blockTag: "latest" })).timestamp;
      },
      async stop() {
        await bundler?.stop();
        await anvil.stop();
      },
    };
  } catch (error) {
    await bundler?.stop();
    await anvil.stop();
    throw error;
  }
}

export function randomSalt(): Hex {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}

/** The 7-element executor payload as the API returns it (already normalised to contract types). */
export interface ExecutorPayload {
  collateral: Address;
  asset: Address;
  amount: bigint;
  recipient: Address;
  expiresAt: bigint;
  salt: Hex;
  signature: Hex;
}

/** What the simulator does when a withdrawal turns ready: read the call target's nonce, sign as the executor. */
export async function executorPayload(
  f: ChainFixture,
  p: { version: 1 | 2; collateral: Address; admin: Address; amount: bigint; recipient: Address; expiresAt?: bigint; signerKey?: Hex },
): Promise<ExecutorPayload> {
  const expiresAt = p.expiresAt ?? (await f.now()) + 600n;
  const salt = randomSalt();
  const message = {
    version: p.version,
    user: p.admin,
    collateral: p.collateral,
    asset: f.chain.tokenAddress,
    amount: p.amount,
    recipient: p.recipient,
    nonce: await f.chain.executorNonce({ version: p.version, collateral: p.collateral }),
    expiresAt,
    salt,
  };
  const signature = p.signerKey
    ? await privateKeyToAccount(p.signerKey).sign({
        hash: executorWithdrawalDigest({
          ...message,
          chainId: f.chain.chainId,
          verifyingContract: p.version === 1 ? f.chain.controllerAddress : f.chain.coordinatorAddress,
        }),
      })
    : await f.chain.signExecutorWithdrawal(message);
  return { collateral: p.collateral, asset: f.chain.tokenAddress, amount: p.amount, recipient: p.recipient, expiresAt, salt, signature };
}

/**
 * The v2 admin signature exactly as a wallet makes it from evm-withdrawals.md section 5: typed data
 * written out here from the reference (not imported from shared/abi, which it thereby checks).
 * For a smart-account admin, `user` is the account and `signer` its owner's wallet.
 */
export async function adminSignature(
  signer: TestWallet,
  p: { chainId: number; collateral: Address; user: Address; asset: Address; amount: bigint; recipient: Address; nonce: bigint; adminSalt?: Hex },
): Promise<{ adminSalt: Hex; adminSignature: Hex }> {
  const adminSalt = p.adminSalt ?? randomSalt();
  const adminSignature = await signer.signTypedData({
    domain: { name: "Collateral", version: "2", chainId: p.chainId, verifyingContract: p.collateral, salt: adminSalt },
    types: {
      Withdraw: [
        { name: "user", type: "address" },
        { name: "asset", type: "address" },
        { name: "amount", type: "uint256" },
        { name: "recipient", type: "address" },
        { name: "nonce", type: "uint256" },
      ],
    },
    primaryType: "Withdraw",
    message: { user: p.user, asset: p.asset, amount: p.amount, recipient: p.recipient, nonce: p.nonce },
  });
  return { adminSalt, adminSignature };
}

/** A collateral for `admin`, holding `balance` test dollars. */
export async function fundedCollateral(f: ChainFixture, p: { admin: Address; version: 1 | 2; balance: bigint }): Promise<Address> {
  const { proxyAddress } = await f.chain.provisionCollateral({ admin: p.admin, version: p.version });
  if (p.balance > 0n) await f.chain.mintToken({ to: proxyAddress, amount: p.balance });
  return proxyAddress;
}
