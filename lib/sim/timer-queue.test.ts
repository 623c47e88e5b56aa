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
