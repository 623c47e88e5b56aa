/**
 * Token buckets per key (a client address), in memory. A bucket holds up to `burst` tokens and refills at
 * `perMinute`; a request takes one. Memory is bounded: at most `maxKeys` buckets, full (idle) buckets are
 * forgotten first, then the least recently used. Cost: O(1) per call, O(maxKeys) when pruning.
 */

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  maxKeys?: number;
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(o: RateLimitOptions) {
    this.perMs = o.perMinute / 60_000;
    this.burst = Math.max(1, o.burst);
    this.maxKeys = o.maxKeys ?? 10_000;
    this.now = o.now ?? Date.now;
  }

  /** Tokens in the key's bucket right now (refilled; a fresh key has a full bucket). Moves it to the back (LRU). */
  private refill(key: string): Bucket {
    const t = this.now();
    const b = this.buckets.get(key);
    const bucket = b ? { tokens: Math.min(this.burst, b.tokens + (t - b.at) * this.perMs), at: t } : { tokens: this.burst, at: t };
    this.buckets.delete(key);
    // Make room before inserting, so the bucket handed back is never the one pruned.
    if (this.buckets.size >= this.maxKeys) this.prune(this.maxKeys - 1);
    this.buckets.set(key, bucket);
    return bucket;
  }

  private retryAfter(b: Bucket): number {
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000));
  }

  /** Takes a token when there is one. */
  take(key: string): RateDecision {
    const b = this.refill(key);
    if (b.tokens < 1) return { ok: false, retryAfterS: this.retryAfter(b) };
    b.tokens -= 1;
    return { ok: true };
  }

  /** Whether a token is available, without taking it (to refuse early, before any work). */
  check(key: string): RateDecision {
    const b = this.refill(key);
    return b.tokens < 1 ? { ok: false, retryAfterS: this.retryAfter(b) } : { ok: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(target: number): void {
    const t = this.now();
    for (const [k, b] of this.buckets) {
      if (b.tokens + (t - b.at) * this.perMs >= this.burst) this.buckets.delete(k);
    }
    // Still too many: every bucket is in use, so the least recently touched go (Map keeps touch order).
    for (const k of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(k);
    }
  }
}
