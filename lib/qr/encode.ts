/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error-correction level M, versions 1–6 (up to 106 bytes —
 * enough for a join link). Pure; returns the module matrix, true = dark. Layout follows the standard: finder,
 * timing and alignment patterns, format bits (BCH 15,5), zig-zag data placement, the mask with the lowest penalty.
 */
import { reedSolomon } from './reed-solomon';

/** Level M per version: EC codewords per block and data codewords per block (ISO/IEC 18004 Table 9). */
const LEVEL_M: Record<number, { ec: number; blocks: number[] }> = {
  1: { ec: 10, blocks: [16] },
  2: { ec: 16, blocks: [28] },
  3: { ec: 26, blocks: [44] },
  4: { ec: 18, blocks: [32, 32] },
  5: { ec: 24, blocks: [43, 43] },
  6: { ec: 16, blocks: [27, 27, 27, 27] },
};

export type QrMatrix = boolean[][];

/** Format bits for level M (indicator 00) and a mask: BCH(15,5) remainder, XOR 0x5412 (§7.9.1). */
export function formatBits(mask: number): number {
  const data = (0 << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const capacity = LEVEL_M[version].blocks.reduce((a, b) => a + b, 0);
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, 8);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  while (bits.length % 8) bits.push(0);
  const words: number[] = [];
  for (let i = 0; i < bits.length; i += 8) words.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; words.length < capacity; pad ^= 0xec ^ 0x11) words.push(pad);
  return words;
}

/** Splits into blocks, adds each block's EC words, and interleaves them column by column (§7.6). */
function interleave(data: number[], version: number): number[] {
  const { ec, blocks } = LEVEL_M[version];
  const dataBlocks: number[][] = [];
  let at = 0;
  for (const size of blocks) dataBlocks.push(data.slice(at, (at += size)));
  const ecBlocks = dataBlocks.map((b) => reedSolomon(b, ec));
  const out: number[] = [];
  for (let i = 0; i < Math.max(...blocks); i++) for (const b of dataBlocks) if (i < b.length) out.push(b[i]);
  for (let i = 0; i < ec; i++) for (const b of ecBlocks) out.push(b[i]);
  return out;
}

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

class Grid {
  readonly dark: QrMatrix;
  readonly fixed: boolean[][];
  constructor(readonly size: number) {
    this.dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    this.fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  }
  set(r: number, c: number, dark: boolean) {
    if (r < 0 || c < 0 || r >= this.size || c >= this.size) return;
    this.dark[r][c] = dark;
    this.fixed[r][c] = true;
  }
}

function drawFunctionPatterns(g: Grid, version: number): void {
  const n = g.size;
  for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]]) {
    // 7×7 finder plus its light separator ring.
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        g.set(r0 + r, c0 + c, ring !== 2 && ring !== 4);
      }
  }
  for (let i = 8; i < n - 8; i++) {
    g.set(6, i, i % 2 === 0);
    g.set(i, 6, i % 2 === 0);
  }
  if (version >= 2) {
    const p = n - 7; // versions 2–6 have one alignment pattern away from the finders
    for (let r = -2; r <= 2; r++) for (let c = -2; c <= 2; c++) g.set(p + r, p + c, Math.max(Math.abs(r), Math.abs(c)) !== 1);
  }
  drawFormat(g, 0); // reserve the format areas; rewritten once the mask is chosen
}

function drawFormat(g: Grid, mask: number): void {
  const bits = formatBits(mask);
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  const n = g.size;
  for (let i = 0; i <= 5; i++) g.set(i, 8, bit(i));
  g.set(7, 8, bit(6));
  g.set(8, 8, bit(7));
  g.set(8, 7, bit(8));
  for (let i = 9; i < 15; i++) g.set(8, 14 - i, bit(i));
  for (let i = 0; i < 8; i++) g.set(8, n - 1 - i, bit(i));
  for (let i = 8; i < 15; i++) g.set(n - 15 + i, 8, bit(i));
  g.set(n - 8, 8, true); // the dark module
}

function placeData(g: Grid, codewords: number[]): void {
  const n = g.size;
  let i = 0;
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // the vertical timing column is skipped
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < n; v++) {
      const r = upward ? n - 1 - v : v;
      for (const c of [right, right - 1]) {
        if (g.fixed[r][c]) continue;
        g.dark[r][c] = i < codewords.length * 8 && ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
        i++;
      }
    }
  }
}

/** Penalty rules N1 (runs), N2 (2×2 blocks), N3 (finder look-alikes) and N4 (dark balance), §7.8.3. */
export function penalty(m: QrMatrix): number {
  const n = m.length;
  let score = 0;
  const lines = [...m.map((row) => row), ...m.map((_, c) => m.map((row) => row[c]))];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= n; i++) {
      if (i < n && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    const s = line.map((d) => (d ? '1' : '0')).join('');
    for (const pattern of ['10111010000', '00001011101']) for (let at = s.indexOf(pattern); at >= 0; at = s.indexOf(pattern, at + 1)) score += 40;
  }
  for (let r = 0; r < n - 1; r++) for (let c = 0; c < n - 1; c++) if (m[r][c] === m[r][c + 1] && m[r][c] === m[r + 1][c] && m[r][c] === m[r + 1][c + 1]) score += 3;
  const dark = m.flat().filter(Boolean).length;
  score += Math.floor(Math.abs((dark * 20) / (n * n) - 10)) * 10;
  return score;
}

/** Encodes `text` (UTF-8) as the smallest QR code of versions 1–6 at level M; throws past 106 bytes. */
export function encodeQr(text: string): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  const version = [1, 2, 3, 4, 5, 6].find((v) => LEVEL_M[v].blocks.reduce((a, b) => a + b, 0) * 8 >= 12 + bytes.length * 8);
  if (!version) throw new Error('QR 코드에 담기에는 주소가 너무 깁니다.');
  const codewords = interleave(dataCodewords(bytes, version), version);
  let best: { matrix: QrMatrix; score: number } | null = null;
  for (let mask = 0; mask < 8; mask++) {
    const g = new Grid(17 + 4 * version);
    drawFunctionPatterns(g, version);
    placeData(g, codewords);
    for (let r = 0; r < g.size; r++) for (let c = 0; c < g.size; c++) if (!g.fixed[r][c] && MASKS[mask](r, c)) g.dark[r][c] = !g.dark[r][c];
    drawFormat(g, mask);
    const score = penalty(g.dark);
    if (!best || score < best.score) best = { matrix: g.dark, score };
  }
  return best!.matrix;
}
