/**
 * Delayed work (workqueue.AddAfter), ordered by (due, seq) so equal due times fire in insertion order — that keeps
 * runs deterministic. Timers sit in one bucket per due time, in insertion order, and a binary heap holds the distinct
 * due times: a simulation wakes thousands of pods at a handful of instants (every pod of a rollout step waits the
 * same container start), so add and pop are O(1) amortised and only a new instant pays O(log instants). A heap of
 * the timers themselves did log2(10,000) ≈ 13 comparisons and swaps per add and per pop.
 */
export interface Timer {
  due: number;
  seq: number;
  controller: string;
  key: string;
}

/** The timers due at one instant, in insertion (seq) order; `next` is the first one not yet popped. */
interface Bucket {
  due: number;
  timers: Timer[];
  next: number;
}

export class TimerQueue {
  /** distinct due times with pending timers (a min-heap) */
  private dues: number[] = [];
  private buckets = new Map<number, Bucket>();
  /** the bucket the last add went to: consecutive adds nearly always share an instant */
  private lastBucket?: Bucket;
  private count = 0;
  private seq = 0;
  /** earliest pending due per controller and key, to skip redundant later timers (nested: no key strings to build) */
  private earliest = new Map<string, Map<string, number>>();

  get size(): number {
    return this.count;
  }

  /** Schedules a wake-up. Skipped when an earlier-or-equal wake-up for the same key is pending (the reconcile re-arms). */
  add(controller: string, key: string, due: number): void {
    const byKey = this.byKeyOf(controller);
    const prev = byKey.get(key);
    if (prev !== undefined && prev <= due) return;
    byKey.set(key, due);
    this.push({ due, seq: this.seq++, controller, key });
  }

  peekDue(): number | undefined {
    return this.dues[0];
  }

  pop(): Timer | undefined {
    if (this.count === 0) return undefined;
    const b = this.buckets.get(this.dues[0])!;
    const top = b.timers[b.next++];
    if (b.next === b.timers.length) {
      this.buckets.delete(b.due);
      if (this.lastBucket === b) this.lastBucket = undefined;
      popMin(this.dues);
    }
    this.count--;
    const byKey = this.earliest.get(top.controller);
    if (byKey?.get(top.key) === top.due) byKey.delete(top.key);
    return top;
  }

  /** Serializable form, ordered so a restore rebuilds the same order. */
  toJSON(): { seq: number; timers: Timer[] } {
    const timers: Timer[] = [];
    for (const b of this.buckets.values()) for (let i = b.next; i < b.timers.length; i++) timers.push(b.timers[i]);
    return { seq: this.seq, timers: timers.sort(cmp) };
  }

  load(data: { seq: number; timers: Timer[] }): void {
    this.dues = [];
    this.buckets.clear();
    this.lastBucket = undefined;
    this.count = 0;
    this.earliest.clear();
    this.seq = data.seq;
    // in (due, seq) order, so each bucket holds its timers in seq order
    for (const t of [...data.timers].sort(cmp)) {
      this.push(t);
      const byKey = this.byKeyOf(t.controller);
      const prev = byKey.get(t.key);
      if (prev === undefined || t.due < prev) byKey.set(t.key, t.due);
    }
  }

  private byKeyOf(controller: string): Map<string, number> {
    let m = this.earliest.get(controller);
    if (!m) this.earliest.set(controller, (m = new Map()));
    return m;
  }

  /** Appends t to its instant's bucket: t has the largest seq so far, so the bucket stays in seq order. */
  private push(t: Timer): void {
    let b = this.lastBucket;
    if (b === undefined || b.due !== t.due) {
      b = this.buckets.get(t.due);
      if (b === undefined) {
        this.buckets.set(t.due, (b = { due: t.due, timers: [], next: 0 }));
        pushMin(this.dues, t.due);
      }
      this.lastBucket = b;
    }
    b.timers.push(t);
    this.count++;
  }
}

function cmp(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}

function pushMin(h: number[], v: number): void {
  let i = h.push(v) - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p] <= v) break;
    h[i] = h[p];
    i = p;
  }
  h[i] = v;
}

function popMin(h: number[]): void {
  const last = h.pop()!;
  const n = h.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const m = l + 1 < n && h[l + 1] < h[l] ? l + 1 : l;
    if (h[m] >= last) break;
    h[i] = h[m];
    i = m;
  }
  h[i] = last;
}
