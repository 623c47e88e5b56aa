import { describe, expect, it } from 'vitest';
import { emptyBucket, type TrafficBucket } from '../sim/network/load-buckets';
import { rateText, trafficFlow } from './traffic-flow';

const bucket = (t: number, over: Partial<TrafficBucket>): TrafficBucket => ({ ...emptyBucket(t), ...over });

describe('trafficFlow', () => {
  it('averages the last seconds per pod, and keeps failures with no pod to blame on the Service', () => {
    const buckets = [
      bucket(0, { sent: 100, ok: 100, pods: { 'default/old': 100 } }), // outside the 3 s window
      bucket(1000, { sent: 20, ok: 14, failed: { refused: 6, timeout: 0, http5xx: 0, other: 0 }, pods: { 'default/a': 10, 'default/b': 6 }, podsFailed: { 'default/b': 2 } }),
      bucket(2000, { sent: 20, ok: 20, pods: { 'default/a': 10, 'default/b': 10 } }),
      bucket(3000, { sent: 20, ok: 19, failed: { refused: 0, timeout: 0, http5xx: 1, other: 0 }, pods: { 'default/a': 11, 'default/b': 9 }, podsFailed: { 'default/a': 1 } }),
    ];
    const f = trafficFlow(buckets, 'svc/web', 'default/web');
    expect(f).toEqual({
      service: 'default/web',
      label: 'svc/web',
      rate: 20,
      failed: 2.3, // (6 + 1) / 3
      unrouted: 1.3, // 4 refused with no pod named / 3
      pods: { 'default/a': { rate: 10.3, failed: 0.3 }, 'default/b': { rate: 8.3, failed: 0.7 } },
    });
    expect(f!.pods['default/old']).toBeUndefined();
  });

  it('is null when nothing was sent in the window', () => {
    expect(trafficFlow([], 'svc/web')).toBeNull();
    expect(trafficFlow([bucket(0, {})], 'svc/web')).toBeNull();
  });
});

describe('rateText', () => {
  it('is short enough for a tile corner', () => {
    expect([rateText(0.3), rateText(9.5), rateText(12.4), rateText(1234)]).toEqual(['0.3/s', '9.5/s', '12/s', '1.2k/s']);
  });
});
