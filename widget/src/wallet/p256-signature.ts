/** P-256's group order. */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** A P-256 signature's `s` in its low form (s ≤ n/2), as ox sends it and P-256 verifiers on chain expect. */
export const lowS = (s: bigint): bigint => (s > P256_N / 2n ? P256_N - s : s);

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
