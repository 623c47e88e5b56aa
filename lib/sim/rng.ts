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
    const h = hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32());
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  /** n random hex characters (n a multiple of 8). */
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i += 8) out += hex8(this.u32());
    return out;
  }
  /** 32 random bits. */
  private u32(): number {
    return Math.floor(this.next() * 4294967296);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));
const hex8 = (n: number) => HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
