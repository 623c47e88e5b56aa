/**
 * What all SSE streams together may hold. Each stream already has its own queue limit (stream-session.ts);
 * this adds the limits that only make sense across streams:
 *   - streams in total, and per client address (admission: refused with 503 / 429 and Retry-After)
 *   - bytes queued for browsers that do not read, summed over every stream. Past the budget the streams
 *     with the longest queues (the slowest readers) are dropped first until the total is back under 3/4 of
 *     it; dropping errors the stream, which releases its queue, and the browser reconnects and resumes.
 * The running total is kept incrementally from each stream's last enqueue (it can only overestimate: a
 * stream that was read since reports less next time), and recounted exactly before anyone is dropped.
 * When a stream that held a large queue ends, the `reclaimer` hears of it (see reclaim.ts).
 * Cost: O(1) per enqueue, O(n log n) for a drop round over n streams.
 */

export interface StreamBudgetLimits {
  maxStreams: number;
  maxStreamsPerClient: number;
  maxQueuedBytes: number;
}

/** The stream's side: how much it holds, and how to cut it off. */
export interface QueueHandle {
  queuedBytes(): number;
  drop(): void;
}

/** A stream's place in the budget, held from admission until the stream ends. */
export interface StreamSeat {
  attach(handle: QueueHandle): void;
  /** Call after each enqueue: records the stream's queue and enforces the global byte budget. */
  noteQueued(): void;
  release(): void;
}

export type Admission = { ok: true; seat: StreamSeat } | { ok: false; code: 429 | 503; retryAfterS: number; message: string };

const RETRY_AFTER_S = 10;
/** A stream ending with at least this much queued is worth giving memory back for. */
const LARGE_QUEUE_BYTES = 256 * 1024;

export class StreamBudget {
  private readonly seats = new Set<Seat>();
  private readonly perClient = new Map<string, number>();
  /** Sum of every seat's last reported queue. */
  approxQueued = 0;
  /** Streams dropped to keep the byte budget, since start. */
  dropped = 0;

  constructor(
    readonly limits: StreamBudgetLimits,
    private readonly reclaimer?: { released(): void },
  ) {}

  get streams(): number {
    return this.seats.size;
  }

  /** Whether `client` may open one more stream; the seat must be released when the stream ends. */
  admit(client: string): Admission {
    if (this.seats.size >= this.limits.maxStreams) {
      return { ok: false, code: 503, retryAfterS: RETRY_AFTER_S, message: `지금은 실시간 연결이 너무 많습니다 (최대 ${this.limits.maxStreams}개). 잠시 뒤에 다시 연결하세요.` };
    }
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.maxStreamsPerClient) {
      return {
        ok: false,
        code: 429,
        retryAfterS: RETRY_AFTER_S,
        message: `이 주소에서 연 실시간 연결이 너무 많습니다 (최대 ${this.limits.maxStreamsPerClient}개). 쓰지 않는 탭을 닫고 다시 시도하세요.`,
      };
    }
    this.perClient.set(client, mine + 1);
    const seat = new Seat(this, client);
    this.seats.add(seat);
    return { ok: true, seat };
  }

  /** Exact bytes queued over all streams right now. */
  queuedBytes(): number {
    let total = 0;
    for (const s of this.seats) total += s.measure();
    return total;
  }

  /** @internal */
  leave(seat: Seat): void {
    if (!this.seats.delete(seat)) return;
    this.approxQueued -= seat.lastQueued;
    if (seat.lastQueued >= LARGE_QUEUE_BYTES) this.reclaimer?.released();
    const n = (this.perClient.get(seat.client) ?? 1) - 1;
    if (n <= 0) this.perClient.delete(seat.client);
    else this.perClient.set(seat.client, n);
  }

  /** @internal Recount, and drop the slowest streams while the total is over the budget. */
  enforce(): void {
    const all = [...this.seats];
    let total = 0;
    for (const s of all) total += s.measure();
    this.approxQueued = total;
    if (total <= this.limits.maxQueuedBytes) return;
    const target = (this.limits.maxQueuedBytes * 3) / 4;
    all.sort((a, b) => b.lastQueued - a.lastQueued);
    for (const s of all) {
      if (total <= target || s.lastQueued === 0) break;
      total -= s.lastQueued;
      this.dropped++;
      s.drop();
    }
  }
}

class Seat implements StreamSeat {
  private handle: QueueHandle | null = null;
  lastQueued = 0;

  constructor(
    private readonly budget: StreamBudget,
    readonly client: string,
  ) {}

  attach(handle: QueueHandle): void {
    this.handle = handle;
  }

  /** Reads the queue and updates the budget's running total. */
  measure(): number {
    const q = Math.max(0, this.handle?.queuedBytes() ?? 0);
    this.budget.approxQueued += q - this.lastQueued;
    this.lastQueued = q;
    return q;
  }

  noteQueued(): void {
    this.measure();
    if (this.budget.approxQueued > this.budget.limits.maxQueuedBytes) this.budget.enforce();
  }

  drop(): void {
    this.handle?.drop();
    this.release();
  }

  release(): void {
    this.budget.leave(this);
  }
}
