import { getAddress, isAddress, type Address } from "viem";

/**
 * Crossmint's locators, as the wallets REST API takes them. A user locator names a person
 * (`email:<email>`, `userId:<id>`, `phoneNumber:<e164>`, `twitter:<handle>`, `x:<handle>`); a wallet
 * locator is an address, or a user locator plus chain type and, optionally, wallet type
 * (`userId:<id>:evm:smart`, `email:<email>:evm`). `me:` locators only work client-side.
 */

export const USER_LOCATOR_KINDS = ["email", "userId", "phoneNumber", "twitter", "x"] as const;
export type UserLocatorKind = (typeof USER_LOCATOR_KINDS)[number];

export interface UserLocator {
  kind: UserLocatorKind;
  value: string;
}

export type WalletLocator =
  | { by: "address"; address: Address }
  | { by: "owner"; owner: UserLocator; chainType: string; type?: "smart" | "mpc" };

export class LocatorError extends Error {
  override name = "LocatorError";
}

/** `email:` values are case-insensitive and trimmed; twitter/x handles lose their `@`; others are kept as given. */
export function parseUserLocator(text: string): UserLocator {
  const at = text.indexOf(":");
  const kind = text.slice(0, at) as UserLocatorKind;
  const raw = text.slice(at + 1).trim();
  if (at < 1 || !USER_LOCATOR_KINDS.includes(kind) || !raw) {
    throw new LocatorError(`owner must be one of ${USER_LOCATOR_KINDS.map((k) => `${k}:<value>`).join(", ")}`);
  }
  if (kind === "email") return { kind, value: raw.toLowerCase() };
  if (kind === "twitter" || kind === "x") return { kind, value: raw.replace(/^@/, "").toLowerCase() };
  return { kind, value: raw };
}

export function formatUserLocator(u: UserLocator): string {
  return `${u.kind}:${u.value}`;
}

const OWNER_WALLET = /^(?<owner>[A-Za-z]+:.+?)(?::(?<chainType>evm|solana|stellar|aptos|sui)(?::(?<type>smart|mpc))?)?$/;

export function parseWalletLocator(text: string): WalletLocator {
  const trimmed = text.trim();
  if (trimmed.startsWith("me:") || trimmed === "me") {
    throw new LocatorError("'me:' wallet locators can only be used client-side with a user's JWT; use the address, userId: or email: locator");
  }
  if (/^0x[0-9a-fA-F]*$/.test(trimmed)) {
    if (!isAddress(trimmed, { strict: false })) throw new LocatorError(`invalid wallet address: ${trimmed}`);
    return { by: "address", address: getAddress(trimmed) };
  }
  const m = OWNER_WALLET.exec(trimmed);
  if (!m?.groups) throw new LocatorError(`invalid wallet locator: ${trimmed}`);
  const owner = parseUserLocator(m.groups.owner!);
  if (!m.groups.chainType) throw new LocatorError(`wallet locator needs a chain type, e.g. ${formatUserLocator(owner)}:evm:smart`);
  const type = m.groups.type as "smart" | "mpc" | undefined;
  return type ? { by: "owner", owner, chainType: m.groups.chainType, type } : { by: "owner", owner, chainType: m.groups.chainType };
}
