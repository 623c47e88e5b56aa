/** The one-sentence summary of a generator's last seconds (the chart's screen-reader text, `traffic status`). */
import { describe, expect, it } from 'vitest';
import { emptyBucket, type TrafficBucket } from './load-buckets';
import { summarizeTraffic, summaryText } from './load-summary';

const bucket = (t: number, ok: number, refused: number, p95: number, pods: Record<string, number>): TrafficBucket => ({ ...emptyBucket(t), sent: ok + refused, ok, failed: { refused, timeout: 0, http5xx: 0, other: 0 }, ...(refused ? { reasons: { refused: '10.96.0.9:80 연결 거부: 앱이 아직 안 떴어요.' } } : {}), p95, pods });

describe('summarizeTraffic', () => {
  it('sums the last seconds: success rate, worst p95, reasons, per-pod rate', () => {
    const buckets = [bucket(0, 20, 0, 9, { 'default/a': 20 }), bucket(1000, 15, 5, 2, { 'default/a': 10, 'default/b': 5 }), bucket(2000, 20, 0, 3, { 'default/b': 20 })];
    const s = summarizeTraffic(buckets, 2);
    expect(s).toMatchObject({ sent: 40, ok: 35, failed: 5, failedBy: { refused: 5, timeout: 0 }, successRate: 87.5, p95: 3, podRates: { 'default/a': 5, 'default/b': 12.5 } });
    expect(summaryText(s)).toBe('최근 2초 성공률 87.5%, p95 3ms (보낸 요청 40개, 실패 5개). 마지막 실패: 10.96.0.9:80 연결 거부: 앱이 아직 안 떴어요.');
    expect(summaryText(summarizeTraffic([], 10))).toBe('최근 10초 동안 보낸 요청이 없어요.');
  });
});
