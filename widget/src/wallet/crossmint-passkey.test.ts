import { expect } from "@open-wc/testing";
import { derSignature } from "./crossmint-passkey";

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const hex = (n: bigint, bytes: number) => n.toString(16).padStart(bytes * 2, "0");
/** DER as authenticators write it: minimal integers, a 0x00 before a high bit. */
function der(r: bigint, s: bigint): Uint8Array {
  const int = (v: bigint) => {
    let h = v.toString(16);
    if (h.length % 2) h = `0${h}`;
    if (parseInt(h.slice(0, 2), 16) & 0x80) h = `00${h}`;
    return `02${hex(BigInt(h.length / 2), 1)}${h}`;
  };
  const body = int(r) + int(s);
  return Uint8Array.from(`30${hex(BigInt(body.length / 2), 1)}${body}`.match(/../g)!.map((b) => parseInt(b, 16)));
}

describe("passkey signatures for Crossmint (DER → r, s)", () => {
  it("reads a short r (31 bytes), which ox 0.6.9's parser misreads, and a padded one (33 bytes)", () => {
    const shortR = 0x00ab_cdefn << 200n; // below 2^248: DER writes 31 bytes or fewer
    const s = 0x1234n << 100n;
    expect(derSignature(der(shortR, s))).to.deep.equal({ r: shortR, s });
    const highBitR = 0xf0n << 248n;
    expect(derSignature(der(highBitR, s))).to.deep.equal({ r: highBitR, s });
  });

  it("sends a low s (n - s when s > n/2), as P-256 verifiers on chain expect", () => {
    const r = 0x42n << 240n;
    const highS = N - 5n;
    expect(derSignature(der(r, highS))).to.deep.equal({ r, s: 5n });
  });

  it("refuses what is not DER", () => {
    expect(() => derSignature(new Uint8Array(64).fill(1))).to.throw(/not DER/);
  });
});
