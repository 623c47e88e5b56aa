import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('lets a burst through, then one request per refill interval, and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterS: 10 });
    expect(limiter.take('b').ok).toBe(true); // another address has its own bucket
    now += 9_000;
    expect(limiter.check('a')).toEqual({ ok: false, retryAfterS: 1 });
    now += 1_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('holds at most maxKeys buckets, forgetting idle (full) ones before the least recently used', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 2, maxKeys: 3, now: () => now });
    limiter.take('idle');
    now = 5_000; // 'idle' has refilled by now
    limiter.take('busy');
    limiter.take('busy');
    limiter.take('other');
    expect(limiter.take('new').ok).toBe(true);
    expect(limiter.size).toBe(3);
    expect(limiter.take('busy').ok).toBe(false); // its empty bucket was kept, the idle one went
    for (let i = 0; i < 100; i++) {
      expect(limiter.take(`flood-${i}`).ok).toBe(true);
      expect(limiter.size).toBeLessThanOrEqual(3);
    }
  });
});
