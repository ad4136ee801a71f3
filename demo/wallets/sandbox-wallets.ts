import { getAddress, type Address } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import type { SandboxChain } from "../chain/sandbox-chain.types";
import { adminSignerView, type AdminSignerInput } from "./create-wallet.schema";
import { formatUserLocator, parseUserLocator, parseWalletLocator, type UserLocator } from "./locators";
import { DEFAULT_WALLET_SEED, deriveWalletAccount } from "./wallet-keys";
import type { SandboxWalletRecord, WalletsState, WalletsStateStore } from "./wallets-state";

export const DEFAULT_GAS_WEI = 10n ** 18n;

export interface SandboxWalletsOptions {
  chain: Pick<SandboxChain, "chainId" | "fundGas">;
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
 * hands out a wallet's signing account (to the sandbox signer, in the same process).
 */
export interface SandboxWallets {
  readonly chainId: number;
  /** Creates a wallet, or returns the one this idempotency key or this owner (same type) already has. */
  create(input: CreateWalletInput): Promise<SandboxWalletRecord>;
  /** By Crossmint wallet locator; throws `LocatorError` for a malformed or `me:` locator. */
  find(walletLocator: string): Promise<SandboxWalletRecord | undefined>;
  /** The signed-in user's EVM smart wallet, created on first use (as the embedded wallet is at login). */
  walletForUser(user: { id: string; email?: string }): Promise<SandboxWalletRecord>;
  /** The private signing account of a wallet the sandbox holds. Sandbox signer only. */
  accountFor(address: Address): Promise<PrivateKeyAccount | undefined>;
  list(): SandboxWalletRecord[];
}

export async function createSandboxWallets(o: SandboxWalletsOptions): Promise<SandboxWallets> {
  const seed = o.seed ?? DEFAULT_WALLET_SEED;
  const now = o.now ?? Date.now;
  const state: WalletsState = (await o.store?.load()) ?? { wallets: [], idempotencyKeys: {} };
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
      const account = await deriveWalletAccount(seed, keyRef);
      await o.chain.fundGas({ address: account.address, wei: o.gasWei ?? DEFAULT_GAS_WEI });
      wallet = {
        chainType: "evm",
        type: input.type,
        address: account.address,
        ...(owner && { owner: formatUserLocator(owner), ownerKey }),
        keyRef,
        ...(input.adminSigner && { adminSigner: adminSignerView(input.adminSigner, account.address) }),
        ...(input.alias && { alias: input.alias }),
        createdAt: new Date(now()).toISOString(),
      };
      state.wallets.push(wallet);
      byAddress.set(wallet.address.toLowerCase(), wallet);
      accounts.set(wallet.address.toLowerCase(), account);
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
