import { type Address, getAddress, isAddress } from "viem";
import { ENTRY_POINT_V06, ENTRY_POINT_V07 } from "@machines-card/contract/abi";
import type { Read } from "../settings/setting-values";

/**
 * The ERC-4337 EntryPoints whose `UserOperationEvent`s the Worker trusts to say which smart account a
 * withdrawal came from: the canonical v0.6 and v0.7 deployments always, plus any in `CHAIN_ENTRY_POINTS`
 * (comma-separated; the sandbox's own EntryPoint, or another a wallet provider uses).
 */
export const DEFAULT_ENTRY_POINTS: readonly Address[] = [ENTRY_POINT_V06, ENTRY_POINT_V07];

export function readEntryPoints(text: string): Read<readonly Address[]> {
  const extra = text.split(",").map((part) => part.trim()).filter(Boolean);
  const bad = extra.find((part) => !isAddress(part, { strict: false }));
  if (bad !== undefined) return { ok: false, message: "must be comma-separated 0x addresses" };
  const all = new Map<string, Address>();
  for (const address of [...DEFAULT_ENTRY_POINTS, ...extra]) all.set(address.toLowerCase(), getAddress(address));
  return { ok: true, value: [...all.values()] };
}
