import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimerQueue } from './timer-queue';

describe('timer queue', () => {
  it('pops in (due, insertion) order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (dues) => {
        const q = new TimerQueue();
        dues.forEach((d, i) => q.add('c', `k${i}`, d));
        const out: [number, number][] = [];
        for (let t = q.pop(); t; t = q.pop()) out.push([t.due, Number(t.key.slice(1))]);
        const expected = dues.map((d, i) => [d, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('keeps (due, insertion) order when adds and pops interleave, and a restore continues the same order', () => {
    // a reference model: every pending timer in one list, the smallest (due, seq) popped first
    const op = fc.oneof(fc.record({ add: fc.integer({ min: 0, max: 20 }) }), fc.constant({ pop: true as const }), fc.constant({ restore: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let q = new TimerQueue();
        const model: [number, number][] = [];
        let seq = 0;
        for (const o of ops) {
          if ('add' in o) {
            q.add('c', `k${seq}`, o.add);
            model.push([o.add, seq++]);
          } else if ('pop' in o) {
            model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            const want = model.shift();
            const got = q.pop();
            expect(got && [got.due, Number(got.key.slice(1))]).toEqual(want);
          } else {
            const copy = new TimerQueue();
            copy.load(JSON.parse(JSON.stringify(q.toJSON())));
            q = copy;
          }
          expect(q.size).toBe(model.length);
          expect(q.peekDue()).toBe(model.length ? Math.min(...model.map((m) => m[0])) : undefined);
        }
      }),
    );
  });

  it('skips a later wake-up when an earlier one for the same key is pending', () => {
    const q = new TimerQueue();
    q.add('c', 'k', 10);
    q.add('c', 'k', 20);
    q.add('c', 'k', 5);
    expect(q.size).toBe(2);
    expect(q.pop()!.due).toBe(5);
    const copy = new TimerQueue();
    copy.load(q.toJSON());
    expect(copy.pop()!.due).toBe(10);
  });
});
