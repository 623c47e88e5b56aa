/**
 * Whether the API server answers, for /api/cluster/info. One probe at a time, shared by every caller, so a
 * room of browsers never multiplies requests to a stalled server. A caller waits only as long as it has
 * (its deadline), and when its time runs out it gets the last known answer if that is recent — so a cold
 * process whose first probe is still under way does not call a healthy cluster unreachable — or else a
 * "no answer yet" timeout.
 */

export interface Reachability {
  reachable: boolean;
  version?: string;
  reason?: string;
}

export const PROBE_TIMEOUT_REASON = '클러스터 API 서버가 응답하지 않습니다 (시간 초과).';

/**
 * /api/cluster/info answers within this long of the request's arrival, whatever the probe is doing (the
 * deploy's readiness probe allows 3 s; on a cold process loading modules eats into it).
 */
export const INFO_ANSWER_MS = 2_500;

/** `promise`'s value if it settles within `ms`, else null (the promise itself runs on). */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, ms));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class ReachabilityProbe {
  private inFlight: Promise<Reachability> | null = null;
  private last: { result: Reachability; at: number } | null = null;

  /** `run` must not reject: it turns its own failures into `{ reachable: false, reason }`. */
  constructor(
    private readonly run: () => Promise<Reachability>,
    private readonly freshMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a probe unless one is under way; resolves with its answer. */
  start(): Promise<Reachability> {
    this.inFlight ??= this.run()
      .then((result) => {
        this.last = { result, at: this.now() };
        return result;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** The probe's answer, or within `budgetMs` the last recent answer, or a timeout. */
  async check(budgetMs: number): Promise<Reachability> {
    const answer = await settleWithin(this.start(), budgetMs);
    if (answer) return answer;
    const recent = this.last && this.now() - this.last.at <= this.freshMs ? this.last.result : null;
    return recent ?? { reachable: false, reason: PROBE_TIMEOUT_REASON };
  }
}
