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
    const buckets = new SpamBuckets();
    const obj: Record<string, [number, number]> = {};
    const ops: [source: string, object: string, tokens: number][] = [['kubelet|w1', 'a', 1], ['kubelet|w2', 'b', 2], ['kubelet|w1', 'a', 3], ['scheduler|', 'c', 4]];
    for (const [source, object, v] of ops) {
      const b = buckets.get(source, object);
      if (b) b.tokens = v;
      else buckets.add(source, object, v, 0);
      obj[`${source}|${object}`] = [v, 0];
    }
    // a sweep drops b; made again, it goes last, as a deleted and re-added property does
    expect(buckets.sweep((b) => b.object === 'b')).toBe(1);
    delete obj['kubelet|w2|b'];
    expect(buckets.get('kubelet|w2', 'b')).toBeUndefined();
    buckets.add('kubelet|w2', 'b', 5, 0);
    obj['kubelet|w2|b'] = [5, 0];
    expect(JSON.stringify(buckets)).toBe(JSON.stringify(obj));
    expect(buckets.size).toBe(3);
  });

  it('read back from a snapshot keep their order and split the object id off at the last bar', () => {
    const plain: Record<string, [number, number]> = { 'kubelet|w1|uid-1': [3, 10], 'odd|component||uid-2': [24, 20], 'deployment-controller||Deployment/web': [1, 30] };
    const buckets = SpamBuckets.from(plain);
    expect(JSON.stringify(buckets)).toBe(JSON.stringify(plain));
    expect(buckets.get('odd|component|', 'uid-2')).toMatchObject({ tokens: 24, refilledAt: 20 });
    expect(buckets.get('deployment-controller|', 'Deployment/web')).toMatchObject({ tokens: 1, refilledAt: 30 });
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

describe('spam filter sweep', () => {
  // client-go tools/record/events_cache.go EventSourceObjectSpamFilter: a source+object without a bucket starts with a
  // full one (burst 25) and spends a token; the recorder drops refilled buckets every 5,000 events (they behave like
  // absent ones), so an object that emits again after such a sweep must get a new bucket in the state.
  it('gives an object a new bucket when it emits again after a sweep dropped its refilled one', () => {
    const scale = (sim: ReturnType<typeof createSimulator>, replicas: number) => sim.patch('Deployment', 'web', 'default', { spec: { replicas } }, 'merge');
    const sim = createSimulator({ seed: 9 });
    sim.create(deploymentManifest({ replicas: 1 }));
    sim.advance(20_000);
    const base = JSON.parse(sim.snapshot());
    // the same steps twice: first to count their events, then with the sweep due at the first event after them
    const steps = (snapshot: object) => {
      const copy = createSimulator({ seed: 9 });
      copy.restore(JSON.stringify(snapshot));
      scale(copy, 2);
      copy.advance(20 * 60_000);
      return copy;
    };
    const seqAfterSteps = JSON.parse(steps(base).snapshot()).state.eventSeq as number;
    const copy = steps({ ...base, state: { ...base.state, spamSweepSeq: seqAfterSteps + 1 } });
    const uid = copy.get('Deployment', 'web')!.metadata!.uid!;
    const bucketsOf = () => Object.entries(JSON.parse(copy.snapshot()).state.eventSpam as Record<string, [number, number]>);
    const ownKey = ([k]: [string, unknown]) => k.startsWith('deployment-controller|') && k.endsWith(uid);
    expect(bucketsOf().filter(ownKey)).toHaveLength(1);
    // another object's event runs the sweep: the Deployment's bucket has refilled, so it goes
    copy.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
    copy.advance(1_000);
    expect(bucketsOf().filter(ownKey)).toHaveLength(0);
    scale(copy, 3);
    copy.advance(1_000);
    const after = bucketsOf();
    const own = after.filter(ownKey);
    expect(own).toHaveLength(1);
    expect(own[0][1][0]).toBe(24);
    // a new bucket goes after those that exist, as a new property would: after the other pod's, made before it
    const otherUid = copy.get('Pod', 'other')!.metadata!.uid!;
    const otherIndex = after.findIndex(([k]) => k.startsWith('default-scheduler|') && k.endsWith(otherUid));
    expect(otherIndex).toBeGreaterThanOrEqual(0);
    expect(after.findIndex(ownKey)).toBeGreaterThan(otherIndex);
  });
});
