/**
 * A QR code (ISO/IEC 18004) for one deposit address: byte mode, error correction level M, versions 1–10
 * (up to 213 bytes; the longest address a deposit shows is 62 characters, version 4). Written for this one
 * use so the deposit step does not carry a general encoder (numeric, alphanumeric and kanji modes, segment
 * optimisation, four levels, forty versions) it never needs. The tests check every version and mask
 * against a complete encoder, module for module.
 */

/** The code's modules, dark = true, row by row, without the quiet zone. */
export interface QrMatrix {
  size: number;
  version: number;
  mask: number;
  modules: boolean[][];
}

// Level M, versions 1–10: error correction codewords per block and number of blocks (ISO/IEC 18004 table 9).
const EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
export const MAX_VERSION = EC_PER_BLOCK.length;

/** Modules left for codewords once every function pattern is placed. */
function rawDataModules(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    modules -= (25 * align - 10) * align - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
}

const dataCodewords = (v: number) => Math.floor(rawDataModules(v) / 8) - EC_PER_BLOCK[v - 1]! * BLOCKS[v - 1]!;
/** Byte-mode capacity: 4 bits of mode and 8 (versions 1–9) or 16 bits of length before the bytes. */
const capacity = (v: number) => Math.floor((dataCodewords(v) * 8 - 4 - (v < 10 ? 8 : 16)) / 8);

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
function gfMultiply(a: number, b: number): number {
  let product = 0;
  for (let i = 7; i >= 0; i--) {
    product = (product << 1) ^ ((product >>> 7) * 0x11d);
    product ^= ((b >>> i) & 1) * a;
  }
  return product;
}

/** The Reed–Solomon generator of the given degree, highest coefficient (1) left out. */
function generator(degree: number): number[] {
  const poly = new Array<number>(degree).fill(0);
  poly[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) poly[j] = gfMultiply(poly[j]!, root) ^ (poly[j + 1] ?? 0);
    root = gfMultiply(root, 2);
  }
  return poly;
}

function errorCorrection(data: number[], gen: number[]): number[] {
  const remainder = new Array<number>(gen.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    gen.forEach((coefficient, i) => (remainder[i]! ^= gfMultiply(coefficient, factor)));
  }
  return remainder;
}

/** The codeword sequence: the bit stream split into blocks, each with its error correction, interleaved. */
function codewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const capacityBits = dataCodewords(version) * 8;
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacityBits - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacityBits; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));

  const blocks = BLOCKS[version - 1]!;
  const ecLength = EC_PER_BLOCK[version - 1]!;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (raw % blocks);
  const shortData = Math.floor(raw / blocks) - ecLength;
  const gen = generator(ecLength);
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  for (let i = 0, offset = 0; i < blocks; i++) {
    const block = data.slice(offset, (offset += shortData + (i < shortBlocks ? 0 : 1)));
    dataBlocks.push(block);
    ecBlocks.push(errorCorrection(block, gen));
  }
  const result: number[] = [];
  for (let i = 0; i <= shortData; i++) for (const block of dataBlocks) if (i < block.length) result.push(block[i]!);
  for (let i = 0; i < ecLength; i++) for (const block of ecBlocks) result.push(block[i]!);
  return result;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The BCH-protected bits: `data` followed by the remainder of dividing it by `poly` (degree `degree`). */
function bch(data: number, degree: number, poly: number): number {
  let remainder = data;
  for (let i = 0; i < degree; i++) remainder = (remainder << 1) ^ ((remainder >>> (degree - 1)) * poly);
  return (data << degree) | remainder;
}

class Grid {
  readonly modules: boolean[][];
  readonly reserved: boolean[][];
  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    this.reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  }
  set(x: number, y: number, dark: boolean): void {
    if (x < 0 || y < 0 || x >= this.size || y >= this.size) return;
    this.modules[y]![x] = dark;
    this.reserved[y]![x] = true;
  }
}

function functionPatterns(grid: Grid, version: number): void {
  const { size } = grid;
  for (let i = 0; i < size; i++) {
    grid.set(6, i, i % 2 === 0);
    grid.set(i, 6, i % 2 === 0);
  }
  // Finders with their light separators (cells outside the grid are skipped).
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        grid.set(cx + dx, cy + dy, ring !== 2 && ring !== 4);
      }
    }
  }
  if (version >= 2) {
    const count = Math.floor(version / 7) + 2;
    const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    const centres = [6];
    for (let c = size - 7; centres.length < count; c -= step) centres.splice(1, 0, c);
    for (const cy of centres) {
      for (const cx of centres) {
        // Not over the three finders.
        if ((cx === 6 && cy === 6) || (cx === 6 && cy === size - 7) || (cx === size - 7 && cy === 6)) continue;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) grid.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  if (version >= 7) {
    const bits = bch(version, 12, 0x1f25);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      grid.set(size - 11 + (i % 3), Math.floor(i / 3), dark);
      grid.set(Math.floor(i / 3), size - 11 + (i % 3), dark);
    }
  }
  formatBits(grid, 0); // reserves the format areas; written again once the mask is chosen
}

/** Level M (00) and the mask, BCH-protected and XOR-ed as the standard says, in both copies. */
function formatBits(grid: Grid, mask: number): void {
  const { size } = grid;
  const bits = bch(mask, 10, 0x537) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) grid.set(8, i, bit(i));
  grid.set(8, 7, bit(6));
  grid.set(8, 8, bit(7));
  grid.set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) grid.set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) grid.set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) grid.set(8, size - 15 + i, bit(i));
  grid.set(8, size - 8, true);
}

/** The codewords in the standard's two-column zigzag, from the bottom right, skipping the timing column. */
function placeData(grid: Grid, words: number[]): void {
  const { size } = grid;
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const y = upward ? size - 1 - step : step;
      for (const x of [right, right - 1]) {
        if (grid.reserved[y]![x]) continue;
        grid.modules[y]![x] = i < words.length * 8 && ((words[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
        i++;
      }
    }
  }
}

function applyMask(grid: Grid, mask: number): void {
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) if (!grid.reserved[y]![x] && MASKS[mask]!(x, y)) grid.modules[y]![x] = !grid.modules[y]![x];
  }
}

/** The standard's four penalty rules (runs, 2×2 blocks, finder-like patterns, dark/light balance). */
export function penalty(modules: boolean[][]): number {
  const size = modules.length;
  let score = 0;
  const lines = [...modules, ...modules.map((_, x) => modules.map((row) => row[x]!))];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    const text = line.map((dark) => (dark ? "1" : "0")).join("");
    for (const pattern of [/(?=00001011101)/g, /(?=10111010000)/g]) score += 40 * (text.match(pattern)?.length ?? 0);
  }
  for (let y = 0; y < size - 1; y++) {
    for (let x = 0; x < size - 1; x++) {
      const c = modules[y]![x];
      if (c === modules[y]![x + 1] && c === modules[y + 1]![x] && c === modules[y + 1]![x + 1]) score += 3;
    }
  }
  const dark = modules.flat().filter(Boolean).length;
  return score + 10 * Math.floor(Math.abs((dark * 20) / (size * size) - 10));
}

/**
 * Encodes `text` (UTF-8) in the smallest version that holds it, with the mask of least penalty, or the
 * mask given. Throws a RangeError when it does not fit in version 10.
 */
export function qrMatrix(text: string, options: { mask?: number } = {}): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (capacity(version) < bytes.length) {
    if (++version > MAX_VERSION) throw new RangeError(`${bytes.length} bytes do not fit in a version ${MAX_VERSION} QR code`);
  }
  const size = version * 4 + 17;
  const words = codewords(bytes, version);
  let best: QrMatrix | null = null;
  let bestPenalty = Infinity;
  for (const mask of options.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [options.mask]) {
    const grid = new Grid(size);
    functionPatterns(grid, version);
    placeData(grid, words);
    applyMask(grid, mask);
    formatBits(grid, mask);
    const score = options.mask === undefined ? penalty(grid.modules) : 0;
    if (score < bestPenalty) {
      best = { size, version, mask, modules: grid.modules };
      bestPenalty = score;
    }
  }
  return best!;
}
