import { type Address, getAddress, isAddress } from "viem";
import type { Read } from "../../settings/setting-values";

/**
 * The token each chain's collateral holds, when `COLLATERAL_TOKEN_ADDRESS` is not set: USDC on Base
 * (Machines' production asset) and Rain's rUSD on Base Sepolia (its public test collateral).
 */
export const DEFAULT_COLLATERAL_TOKENS: Readonly<Record<number, Address>> = {
  8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
  84532: "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b",
};

/** What a prepared withdrawal is bound to besides the user's request (`COLLATERAL_TOKEN_ADDRESS`, `WITHDRAWAL_CALL_TARGETS`). */
export interface BindingSettings {
  /** The collateral's token; null: not configured (the sandbox then asks its own chain controls). */
  collateralToken: Address | null;
  /**
   * The controllers/coordinators a withdrawal may be sent to. Empty: not configured; the collateral's
   * public interface does not name its controller, so only the dry run's effects bind the target then.
   */
  callTargets: readonly Address[];
}

export function readAddress(text: string): Read<Address> {
  const value = text.trim();
  return isAddress(value, { strict: false }) ? { ok: true, value: getAddress(value) } : { ok: false, message: "must be a 0x address" };
}

export function readAddressList(text: string): Read<readonly Address[]> {
  const parts = text.split(",").map((part) => part.trim()).filter(Boolean);
  if (parts.some((part) => !isAddress(part, { strict: false }))) return { ok: false, message: "must be comma-separated 0x addresses" };
  return { ok: true, value: [...new Map(parts.map((p) => [p.toLowerCase(), getAddress(p)])).values()] };
}
