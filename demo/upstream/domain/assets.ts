import type { DepositAsset } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";

/**
 * The sandbox's asset catalog. Like the Machines sandbox, it supports one source asset: rUSD on Base
 * (here the local chain's test dollar, standing in for Base Sepolia 84532).
 */
export const SOURCE = { currency: "rusd", network: "base", ticker: "RUSD", name: "rUSD" } as const;

/** Without a chain: the Machines sandbox's own token on Base Sepolia (addresses only; nothing executes). */
const OFFLINE_TOKEN = { chainId: 84532, tokenAddress: "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b", decimals: 6 } as const;

export interface SourceToken {
  chainId: number;
  tokenAddress: string;
  decimals: number;
}

export function sourceToken(ctx: SimulatorContext): SourceToken {
  const chain = ctx.chain;
  return chain ? { chainId: chain.chainId, tokenAddress: chain.tokenAddress, decimals: chain.tokenDecimals } : OFFLINE_TOKEN;
}

/** Smallest token units per cent (10^4 for 6 decimals). */
export const unitsPerCent = (ctx: SimulatorContext) => 10n ** BigInt(sourceToken(ctx).decimals - 2);

// ── deposits ──
/** Like the quickstart's deposit: a minimum of 1, no maximum. */
export const DEPOSIT_LIMITS: { minAmount: number; maxAmount: number | null } = { minAmount: 1, maxAmount: null };

/**
 * `usdc` on `base` is accepted as an alias of the test dollar, because the quickstart creates its
 * deposit with `{"currency":"usdc","network":"base"}` and must replay against the sandbox as written.
 */
const DEPOSIT_CURRENCIES = ["rusd", "usdc"];

export function isDepositAsset(currency: string, network: string): boolean {
  return DEPOSIT_CURRENCIES.includes(currency.toLowerCase()) && network.toLowerCase() === SOURCE.network;
}

export function depositAssets(ctx: SimulatorContext): DepositAsset[] {
  const token = sourceToken(ctx);
  return [
    {
      ticker: SOURCE.ticker,
      name: SOURCE.name,
      icon: null,
      networks: [{ id: SOURCE.network, label: "Base", chainId: token.chainId, tokenContract: token.tokenAddress }],
    },
  ];
}

/** `q` matches ticker or name (any case); `limit` caps the list. */
export function filterAssets(assets: DepositAsset[], q: string | undefined, limit: string | undefined): DepositAsset[] {
  const needle = q?.trim().toLowerCase();
  const matching = needle
    ? assets.filter((asset) => asset.ticker.toLowerCase().includes(needle) || asset.name.toLowerCase().includes(needle))
    : assets;
  return limit ? matching.slice(0, Number(limit)) : matching;
}

// ── withdrawals ──
export const WITHDRAWAL_LIMITS_CENTS = { min: 100, max: 1_000_000 } as const;

export interface WithdrawalDestination {
  currency: string;
  network: string;
  asset: DepositAsset;
  /** True when funds leave through a (synthetic) exchange relay rather than straight to the address. */
  relayed: boolean;
  /** Relay fee in basis points, taken from the estimated received amount. */
  feeBps: number;
}

export function withdrawalDestinations(ctx: SimulatorContext): WithdrawalDestination[] {
  const [rusd] = depositAssets(ctx);
  return [
    { currency: SOURCE.currency, network: SOURCE.network, asset: rusd!, relayed: false, feeBps: 0 },
    {
      currency: "usdc",
      network: "base",
      relayed: true,
      feeBps: 100,
      asset: {
        ticker: "USDC",
        name: "USD Coin",
        icon: null,
        networks: [{ id: "base", label: "Base", chainId: 8453, tokenContract: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" }],
      },
    },
  ];
}

export function findDestination(ctx: SimulatorContext, currency: string, network: string): WithdrawalDestination | undefined {
  return withdrawalDestinations(ctx).find(
    (destination) => destination.currency === currency.toLowerCase() && destination.network === network.toLowerCase(),
  );
}
