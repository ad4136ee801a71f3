import { bytesToHex, type Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";

/**
 * SANDBOX-ONLY key derivation for the custodial wallets of the wallets stand-in.
 *
 * Each wallet's private key is HMAC-SHA256(seed, "machines-card-sandbox/wallet:" + keyRef), where
 * keyRef names the wallet (owner, chain type, wallet type). The same seed and owner give the same
 * address after a restart, with no key stored anywhere. Never use this outside the local chain.
 */

/** Public default seed: fine for a local chain, worthless anywhere else. */
export const DEFAULT_WALLET_SEED = "machines-card sandbox wallets (never use outside the local sandbox)";

const SECP256K1_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

async function hmac(seed: string, message: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(seed), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(message)));
}

export async function deriveWalletKey(seed: string, keyRef: string): Promise<Hex> {
  // A digest outside [1, n) is astronomically rare; re-deriving keeps the mapping total anyway.
  for (let round = 0; ; round++) {
    const key = bytesToHex(await hmac(seed, `machines-card-sandbox/wallet:${keyRef}${round ? `#${round}` : ""}`));
    const k = BigInt(key);
    if (k > 0n && k < SECP256K1_ORDER) return key;
  }
}

export async function deriveWalletAccount(seed: string, keyRef: string): Promise<PrivateKeyAccount> {
  return privateKeyToAccount(await deriveWalletKey(seed, keyRef));
}
