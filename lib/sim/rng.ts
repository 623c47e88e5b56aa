/**
 * Seeded PRNG (mulberry32). The state is one 32-bit integer so snapshots can store and restore it.
 */
export class Rng {
  state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next = (): number => {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** RFC 4122 v4-shaped uid from the seeded stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    // Built from char codes in one go: a flat 36-char string instead of a tree of concatenations
    // (every pod and event keeps its uid, so the tree would be garbage-collector work for life).
    const c = UUID_CODES;
    let j = 0;
    for (let w = 0; w < 4; w++) {
      const n = this.u32();
      for (let s = 28; s >= 0; s -= 4) {
        if (j === 8 || j === 13 || j === 18 || j === 23) j++;
        c[j++] = HEX_CODES[(n >>> s) & 15];
      }
    }
    // version nibble 4; variant nibble from the hex digit it replaces (as the string version did)
    c[14] = 0x34;
    c[19] = '89ab'.charCodeAt(HEX_CODES.indexOf(c[19]) & 3);
    return String.fromCharCode.apply(null, c);
  }
  /** n random hex characters (n a multiple of 8), as one flat string. */
  hex(n: number): string {
    const c = new Array<number>(n);
    for (let i = 0; i < n; i += 8) {
      const v = this.u32();
      for (let s = 28, j = i; s >= 0; s -= 4) c[j++] = HEX_CODES[(v >>> s) & 15];
    }
    return String.fromCharCode.apply(null, c);
  }
  /** 32 random bits. */
  private u32(): number {
    return Math.floor(this.next() * 4294967296);
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
/** uuid scratch buffer with the dashes in place */
const UUID_CODES: number[] = Array.from({ length: 36 }, (_, i) => (i === 8 || i === 13 || i === 18 || i === 23 ? 0x2d : 0));
