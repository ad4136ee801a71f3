import { createPublicClient, getAddress, http, type Address } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import type { SandboxChain } from "../chain/sandbox-chain.types";
import { adminSignerView, type AdminSignerInput } from "./create-wallet.schema";
import { formatUserLocator, parseUserLocator, parseWalletLocator, type UserLocator } from "./locators";
import { counterfactualAddress } from "./smart-account";
import { DEFAULT_WALLET_SEED, deriveWalletAccount } from "./wallet-keys";
import type { SandboxWalletRecord, WalletsState, WalletsStateStore } from "./wallets-state";

export const DEFAULT_GAS_WEI = 10n ** 18n;

/** What the wallets need of the chain: its id, the account factory (for counterfactual addresses), and gas. */
export type WalletsChain = Pick<SandboxChain, "chainId" | "rpcUrl" | "fundGas" | "accountFactoryAddress">;

export interface SandboxWalletsOptions {
  chain: WalletsChain;
  /** Seed every wallet key is derived from (default: a public sandbox constant). */
  seed?: string;
  /** Native gas given to each new wallet (default 1 ETH). */
  gasWei?: bigint;
  /** Maps `email:` owners to the identity issuer's user id, so one person has one wallet whichever locator is used. */
  userIdForEmail?: (email: string) => Promise<string>;
  store?: WalletsStateStore;
  now?: () => number;
}

export interface CreateWalletInput {
  type: "smart" | "mpc";
  owner?: string;
  adminSigner?: AdminSignerInput;
  alias?: string;
  idempotencyKey?: string;
}

/**
 * The wallets the sandbox holds keys for: created through the wallets API stand-in (the Worker) or on
 * first use by the sandbox signer (the widget), found by Crossmint locator, and the only place that
 * hands out a wallet's owner key (to the sandbox signer, in the same process).
 *
 * Each wallet is an ERC-4337 smart account (`SandboxAccount`) owned by a key the sandbox derives: its
 * address is the account's counterfactual address (`factory.getAddress(owner, 0)`), known before the
 * account exists; its first user operation deploys it. Gas is sponsored: the account is given native
 * gas money (which pays its operations' prefund), as Crossmint's paymaster pays for its smart wallets.
 */
export interface SandboxWallets {
  readonly chainId: number;
  /** Creates a wallet, or returns the one this idempotency key or this owner (same type) already has. */
  create(input: CreateWalletInput): Promise<SandboxWalletRecord>;
  /** By Crossmint wallet locator; throws `LocatorError` for a malformed or `me:` locator. */
  find(walletLocator: string): Promise<SandboxWalletRecord | undefined>;
  /** The signed-in user's EVM smart wallet, created on first use (as the embedded wallet is at login). */
  walletForUser(user: { id: string; email?: string }): Promise<SandboxWalletRecord>;
  /** The private owner key of a wallet the sandbox holds (its smart account's signer). Sandbox signer only. */
  accountFor(address: Address): Promise<PrivateKeyAccount | undefined>;
  list(): SandboxWalletRecord[];
}

export async function createSandboxWallets(o: SandboxWalletsOptions): Promise<SandboxWallets> {
  const seed = o.seed ?? DEFAULT_WALLET_SEED;
  const now = o.now ?? Date.now;
  const reader = createPublicClient({ transport: http(o.chain.rpcUrl) });
  const saved = await o.store?.load();
  // Wallets computed with another account factory (an older sandbox's EOAs, another chain) are not these.
  const state: WalletsState =
    saved && saved.accountFactory?.toLowerCase() === o.chain.accountFactoryAddress.toLowerCase()
      ? saved
      : { accountFactory: o.chain.accountFactoryAddress, wallets: [], idempotencyKeys: {} };
  const byAddress = new Map(state.wallets.map((w) => [w.address.toLowerCase(), w]));
  const accounts = new Map<string, PrivateKeyAccount>();
  // Creates run one at a time: concurrent duplicates (a double click, a retried request) see the first.
  let creating: Promise<unknown> = Promise.resolve();

  const ownerKeyOf = async (owner: UserLocator) =>
    owner.kind === "email" && o.userIdForEmail ? `userId:${await o.userIdForEmail(owner.value)}` : formatUserLocator(owner);

  const byOwner = (ownerKey: string, type?: "smart" | "mpc") => {
    const mine = state.wallets.filter((w) => w.ownerKey === ownerKey && (!type || w.type === type));
    return mine.find((w) => w.type === "smart") ?? mine[0];
  };

  async function createNow(input: CreateWalletInput): Promise<SandboxWalletRecord> {
    const remembered = input.idempotencyKey && state.idempotencyKeys[input.idempotencyKey];
    if (remembered) return byAddress.get(remembered.toLowerCase())!;
    const owner = input.owner === undefined ? undefined : parseUserLocator(input.owner);
    const ownerKey = owner && (await ownerKeyOf(owner));
    let wallet = ownerKey ? byOwner(ownerKey, input.type) : undefined;
    if (!wallet) {
      const keyRef = ownerKey
        ? `${ownerKey}:evm:${input.type}`
        : input.idempotencyKey
          ? `idempotency:${input.idempotencyKey}:evm:${input.type}`
          : `wallet:${crypto.randomUUID()}:evm:${input.type}`;
      const signer = await deriveWalletAccount(seed, keyRef);
      const address = await counterfactualAddress(reader, { factory: o.chain.accountFactoryAddress, owner: signer.address });
      await o.chain.fundGas({ address, wei: o.gasWei ?? DEFAULT_GAS_WEI });
      wallet = {
        chainType: "evm",
        type: input.type,
        address,
        signerAddress: signer.address,
        ...(owner && { owner: formatUserLocator(owner), ownerKey }),
        keyRef,
        ...(input.adminSigner && { adminSigner: adminSignerView(input.adminSigner, signer.address) }),
        ...(input.alias && { alias: input.alias }),
        createdAt: new Date(now()).toISOString(),
      };
      state.wallets.push(wallet);
      byAddress.set(wallet.address.toLowerCase(), wallet);
      accounts.set(wallet.address.toLowerCase(), signer);
    }
    if (input.idempotencyKey) state.idempotencyKeys[input.idempotencyKey] = wallet.address;
    await o.store?.save(state);
    return wallet;
  }

  function create(input: CreateWalletInput): Promise<SandboxWalletRecord> {
    const run = creating.then(() => createNow(input));
    creating = run.catch(() => {});
    return run;
  }

  async function find(walletLocator: string): Promise<SandboxWalletRecord | undefined> {
    const locator = parseWalletLocator(walletLocator);
    if (locator.by === "address") return byAddress.get(locator.address.toLowerCase());
    if (locator.chainType !== "evm") return undefined;
    return byOwner(await ownerKeyOf(locator.owner), locator.type);
  }

  async function walletForUser(user: { id: string; email?: string }) {
    return (
      byOwner(`userId:${user.id}`, "smart") ??
      create({ type: "smart", owner: `userId:${user.id}`, adminSigner: user.email ? { type: "email", email: user.email } : { type: "api-key" } })
    );
  }

  async function accountFor(address: Address) {
    const wallet = byAddress.get(getAddress(address).toLowerCase());
    if (!wallet) return undefined;
    let account = accounts.get(wallet.address.toLowerCase());
    if (!account) {
      account = await deriveWalletAccount(seed, wallet.keyRef);
      accounts.set(wallet.address.toLowerCase(), account);
    }
    return account;
  }

  return { chainId: o.chain.chainId, create, find, walletForUser, accountFor, list: () => state.wallets.map((w) => ({ ...w })) };
}
