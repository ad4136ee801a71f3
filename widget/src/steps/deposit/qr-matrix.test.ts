import { expect } from "@open-wc/testing";
import { encode } from "uqr";
import { MAX_VERSION, penalty, qrMatrix } from "./qr-matrix";

// uqr, a complete encoder (every mode, level and version), is the reference: for the same text, level M and
// mask, both must place every module alike (finders, timing, alignment, version and format bits, data,
// error correction). Texts hold lower-case letters so that uqr, too, encodes them in byte mode.
function reference(text: string, mask: number): boolean[][] {
  return encode(text, { ecc: "M", maskPattern: mask, border: 0, boostEcc: false }).data;
}

const texts = [
  "a",
  "0x52908400098527886e0f7030069857d2e4169ee7", // an EVM address (version 3)
  "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", // a taproot address (version 4)
  "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
  ...Array.from({ length: MAX_VERSION }, (_, v) => "x".repeat([14, 26, 42, 62, 84, 106, 122, 152, 180, 213][v]!)),
];

describe("qrMatrix (byte mode, level M)", () => {
  it("places every module as the reference encoder does, for every mask and every version up to 10", () => {
    const versions = new Set<number>();
    for (const text of texts) {
      for (let mask = 0; mask < 8; mask++) {
        const ours = qrMatrix(text, { mask });
        versions.add(ours.version);
        expect(ours.modules, `${text.slice(0, 12)}… mask ${mask}`).to.deep.equal(reference(text, mask));
      }
    }
    expect([...versions].sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("uses the smallest version that holds the text and grows by one past its capacity", () => {
    expect(qrMatrix("x".repeat(14)).version).to.equal(1);
    expect(qrMatrix("x".repeat(15)).version).to.equal(2);
    expect(qrMatrix("0x52908400098527886e0f7030069857d2e4169ee7").size).to.equal(29);
  });

  it("encodes UTF-8 bytes, not UTF-16 code units", () => {
    // Seven two-byte characters are fourteen bytes: the last that fit in version 1.
    expect(qrMatrix("é".repeat(7), { mask: 2 }).modules).to.deep.equal(encode("é".repeat(7), { ecc: "M", maskPattern: 2, border: 0 }).data);
    expect(qrMatrix("é".repeat(8)).version).to.equal(2);
  });

  it("chooses the mask of least penalty", () => {
    const text = "0x52908400098527886e0f7030069857d2e4169ee7";
    const chosen = qrMatrix(text);
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(qrMatrix(text, { mask }).modules));
    expect(penalty(chosen.modules)).to.equal(Math.min(...scores));
    expect(scores.indexOf(Math.min(...scores))).to.equal(chosen.mask);
  });

  it("refuses text longer than version 10 holds, with a RangeError", () => {
    expect(() => qrMatrix("x".repeat(214))).to.throw(RangeError, /214 bytes do not fit/);
  });
});
