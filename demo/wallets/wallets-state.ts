import type { Address } from "viem";
import type { AdminSignerView } from "./create-wallet.schema";

/** A wallet as the stand-in keeps it. The private key is never stored: `keyRef` re-derives it from the seed. */
export interface SandboxWalletRecord {
  chainType: "evm";
  type: "smart" | "mpc";
  /** The smart account's (counterfactual) address: the wallet's address everywhere. */
  address: Address;
  /** The account's owner, the key the sandbox derives from `keyRef` (Crossmint's admin signer stand-in). */
  signerAddress: Address;
  /** The owner as created (`userId:<id>`, `email:<email>`, …), normalised. */
  owner?: string;
  /** Who the wallet belongs to for look-ups (`userId:<id>` when an email resolves to a user id). */
  ownerKey?: string;
  keyRef: string;
  adminSigner?: AdminSignerView;
  alias?: string;
  createdAt: string;
}

export interface WalletsState {
  /** The account factory the addresses were computed with; records of another (an older sandbox's) are dropped. */
  accountFactory?: Address;
  wallets: SandboxWalletRecord[];
  /** `x-idempotency-key` → address of the wallet it created or returned. */
  idempotencyKeys: Record<string, Address>;
}

/** Where the registry keeps its records across restarts (`fileWalletsStore` in Node); memory only without it. */
export interface WalletsStateStore {
  load(): Promise<WalletsState | undefined>;
  save(state: WalletsState): Promise<void>;
}
