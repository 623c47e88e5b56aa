/**
 * Delayed work (workqueue.AddAfter): a binary heap ordered by (due, seq) so equal due times fire in
 * insertion order — that keeps runs deterministic. O(log n) push/pop.
 */
export interface Timer {
  due: number;
  seq: number;
  controller: string;
  key: string;
}

export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;
  /** earliest pending due per controller and key, to skip redundant later timers (nested: no key strings to build) */
  private earliest = new Map<string, Map<string, number>>();

  get size(): number {
    return this.heap.length;
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
    return this.heap[0]?.due;
  }

  pop(): Timer | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    const byKey = this.earliest.get(top.controller);
    if (byKey?.get(top.key) === top.due) byKey.delete(top.key);
    return top;
  }

  /** Serializable form, ordered so a restore rebuilds the same heap behaviour. */
  toJSON(): { seq: number; timers: Timer[] } {
    return { seq: this.seq, timers: [...this.heap].sort(cmp) };
  }

  load(data: { seq: number; timers: Timer[] }): void {
    this.heap = [];
    this.earliest.clear();
    this.seq = data.seq;
    for (const t of data.timers) {
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

  private push(t: Timer): void {
    this.heap.push(t);
    this.up(this.heap.length - 1);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(h[i], h[p]) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && cmp(h[l], h[m]) < 0) m = l;
      if (r < h.length && cmp(h[r], h[m]) < 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

function cmp(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}
