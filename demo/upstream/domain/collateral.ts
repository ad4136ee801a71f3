import type { Address } from "viem";
import type { SimulatorContext } from "../context";
import { bytesToHex, ids } from "../crypto/encoding";
import type { CollateralRecord, UserRecord } from "../state/records";
import { sourceToken, unitsPerCent } from "./assets";

/**
 * Each user with an EVM wallet gets a Rain-style collateral proxy on the local chain, with their
 * wallet(s) as admins. Its version is the one chosen for that wallet (`collateralVersionByWallet`), else
 * the sandbox setting `collateralVersion` at the moment the user is provisioned (first resolve or first
 * session); changing either affects users provisioned from then on only.
 */

export const evmWallets = (user: UserRecord) => user.wallets.filter((wallet) => wallet.chain === "evm");
/** The wallet replies report and withdrawals default to: the most recently linked EVM wallet. */
export const primaryEvmWallet = (user: UserRecord) => evmWallets(user).at(-1);

/** The user's collateral, provisioning it if needed; `null` for users without an EVM wallet. Throws if the chain fails. */
export async function ensureCollateral(ctx: SimulatorContext, user: UserRecord): Promise<CollateralRecord | null> {
  if (user.collateral) return user.collateral;
  const admin = primaryEvmWallet(user);
  if (!admin) return null;
  return ctx.singleFlight.run(`collateral:${user.userId}`, async () => {
    const version = ctx.settings.collateralVersionByWallet[admin.address.toLowerCase()] ?? ctx.settings.collateralVersion;
    let proxyAddress: string;
    if (ctx.chain) {
      ({ proxyAddress } = await ctx.chain.provisionCollateral({ admin: admin.address as Address, version }));
      for (const other of evmWallets(user)) {
        if (other.address !== admin.address) await ctx.chain.addCollateralAdmin({ proxyAddress: proxyAddress as Address, admin: other.address as Address });
      }
    } else {
      // No chain: a stable synthetic address, so replies keep their shape (nothing can execute).
      proxyAddress = `0x${bytesToHex((await ctx.secrets.derive("collateral", user.userId)).slice(0, 20))}`;
    }
    const collateral: CollateralRecord = {
      contractId: ids.uuid(),
      proxyAddress,
      version,
      chainId: sourceToken(ctx).chainId,
      admins: evmWallets(user).map((wallet) => wallet.address),
    };
    user.collateral = collateral;
    ctx.log.info("collateral provisioned", { userId: user.userId, proxyAddress, version });
    return collateral;
  });
}

/** Provisions without failing the caller: resolve and sessions succeed even while the chain is down. */
export async function tryEnsureCollateral(ctx: SimulatorContext, user: UserRecord): Promise<void> {
  try {
    await ensureCollateral(ctx, user);
  } catch (error) {
    ctx.log.warn("collateral provisioning failed; will retry on next use", { userId: user.userId, error: String(error) });
  }
}

/** Makes a newly linked EVM wallet an admin of an existing collateral. */
export async function addCollateralAdmin(ctx: SimulatorContext, user: UserRecord, address: string): Promise<void> {
  const collateral = user.collateral;
  if (!collateral || collateral.admins.includes(address)) return;
  if (ctx.chain) await ctx.chain.addCollateralAdmin({ proxyAddress: collateral.proxyAddress as Address, admin: address as Address });
  collateral.admins.push(address);
}

export async function isCollateralAdmin(ctx: SimulatorContext, collateral: CollateralRecord, address: string): Promise<boolean> {
  if (ctx.chain) return ctx.chain.isCollateralAdmin({ proxyAddress: collateral.proxyAddress as Address, admin: address as Address });
  return collateral.admins.includes(address.toLowerCase());
}

/** Collateral balance in the token's smallest unit: on chain, or the credited cents without a chain. */
export async function collateralBalance(ctx: SimulatorContext, user: UserRecord, collateral: CollateralRecord): Promise<bigint> {
  if (ctx.chain) return ctx.chain.tokenBalance(collateral.proxyAddress as Address);
  return BigInt(user.creditLimitCents) * unitsPerCent(ctx);
}
