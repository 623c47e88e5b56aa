/**
 * Per-address fixed-window counters for the classroom API. Kept in memory per process: with several replicas
 * each enforces its own share, which still bounds guessing join codes to (replicas × limit) per window.
 */
export interface RateRule {
  limit: number;
  windowMs: number;
}

export const CLASSROOM_RATES = {
  create: { limit: 10, windowMs: 60_000 },
  join: { limit: 20, windowMs: 60_000 },
  progress: { limit: 120, windowMs: 60_000 },
  stream: { limit: 20, windowMs: 60_000 },
  // The broadcasting Playground posts its clock twice a second while time runs, plus each write.
  follow: { limit: 600, windowMs: 60_000 },
  // Members only (a rejoin code is checked), one per open tab of a joined student: a class behind one school
  // NAT address opens many, and there is no code to guess here.
  followStream: { limit: 600, windowMs: 60_000 },
} satisfies Record<string, RateRule>;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  take(bucket: string, address: string, rule: RateRule): number {
    const key = `${bucket}\u0000${address}`;
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= rule.windowMs) {
      if (this.windows.size > 50_000) this.sweep(t, rule.windowMs);
      this.windows.set(key, (w = { start: t, count: 0 }));
    }
    w.count++;
    return w.count > rule.limit ? Math.ceil((w.start + rule.windowMs - t) / 1000) : 0;
  }

  private sweep(t: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= windowMs) this.windows.delete(k);
  }
}
