/**
 * The event recorder's in-memory forms of snapshot state: the spam filter's buckets live in a Map but serialise as
 * the plain object snapshots always held, and event names keep `(time·1000 + seq).toString(16)` as their suffix.
 */
import { describe, expect, it } from 'vitest';
import { SpamBuckets, hexOf } from './event-spam';
import { createSimulator } from './index';
import { deploymentManifest } from './testing';

describe('event name suffix', () => {
  it('is the value in hex, digit for digit, around the 32-bit boundary and at today\'s epoch-µs values', () => {
    const samples = [0, 1, 15, 0xffff_ffff, 0x1_0000_0000, 0x1_0000_0001, 0x1_0000_00ff, 2 ** 52 + 1, 2 ** 53 - 1, 1_736_899_200_000_000 + 7, 1_736_899_200_123_000 + 42_000];
    for (const n of samples) expect(hexOf(n), String(n)).toBe(n.toString(16));
    // low halves with leading zeros need their padding
    expect(hexOf(0x5_0000_0abc)).toBe('500000abc');
  });

  it('falls back to the general conversion for fractional values', () => {
    expect(hexOf(1_736_899_200_000_000.5)).toBe((1_736_899_200_000_000.5).toString(16));
    expect(hexOf(0.5)).toBe('0.8');
  });
});

describe('spam filter buckets', () => {
  it('serialise as an object with the same keys in the same order as property writes would leave them', () => {
    const map = new SpamBuckets();
    const obj: Record<string, [number, number]> = {};
    const ops: [string, number][] = [['kubelet|w1|a', 1], ['kubelet|w2|b', 2], ['kubelet|w1|a', 3], ['scheduler||c', 4]];
    for (const [k, v] of ops) {
      const b = map.get(k);
      if (b) b[0] = v;
      else map.set(k, [v, 0]);
      obj[k] = [v, 0];
    }
    map.delete('kubelet|w2|b');
    delete obj['kubelet|w2|b'];
    map.set('kubelet|w2|b', [5, 0]);
    obj['kubelet|w2|b'] = [5, 0];
    expect(JSON.stringify(map)).toBe(JSON.stringify(obj));
  });

  it('survive a snapshot and restore: the restored simulator filters spam exactly as the original does', () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(deploymentManifest({ replicas: 30 }));
    sim.advance(20_000);
    const copy = createSimulator({ seed: 5 });
    copy.restore(sim.snapshot());
    // a ReplicaSet past its 25-event burst: both drop the same creates' events from here on
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 60 } }, 'merge');
    copy.patch('Deployment', 'web', 'default', { spec: { replicas: 60 } }, 'merge');
    sim.advance(20_000);
    copy.advance(20_000);
    expect(copy.snapshot()).toBe(sim.snapshot());
    expect(JSON.parse(sim.snapshot()).state.eventSpam).toBeTypeOf('object');
  });
});
