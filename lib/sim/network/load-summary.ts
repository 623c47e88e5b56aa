/** The last seconds of a load generator in one sentence (the chart's screen-reader text and `traffic status`). */
import { failedCount, type TrafficBucket, type TrafficFailure } from './load-buckets';

export interface TrafficSummary {
  seconds: number;
  sent: number;
  ok: number;
  failed: number;
  failedBy: Record<TrafficFailure, number>;
  /** percent answered, one decimal; undefined when nothing was sent */
  successRate?: number;
  /** the worst p95 of the seconds (a percentile of percentiles would hide the bad second) */
  p95?: number;
  /** the most recent failure's reason and Korean explanation */
  lastFailure?: { reason: TrafficFailure; message: string };
  /** requests per second by pod (`ns/name`) over the window */
  podRates: Record<string, number>;
}

/** Failure reasons as the panel lists them. */
export const FAILURE_LABELS: Record<TrafficFailure, string> = { refused: '연결 거부', timeout: '시간 초과', http5xx: 'HTTP 5xx', other: '기타 오류' };

/** Sums the last `seconds` buckets. */
export function summarizeTraffic(buckets: readonly TrafficBucket[], seconds = 10): TrafficSummary {
  const recent = buckets.slice(-seconds);
  const out: TrafficSummary = { seconds, sent: 0, ok: 0, failed: 0, failedBy: { refused: 0, timeout: 0, http5xx: 0, other: 0 }, podRates: {} };
  for (const b of recent) {
    out.sent += b.sent;
    out.ok += b.ok;
    out.failed += failedCount(b);
    for (const reason of Object.keys(out.failedBy) as TrafficFailure[]) out.failedBy[reason] += b.failed[reason];
    if (b.p95 !== undefined) out.p95 = Math.max(out.p95 ?? 0, b.p95);
    for (const [pod, n] of Object.entries(b.pods)) out.podRates[pod] = (out.podRates[pod] ?? 0) + n;
    for (const reason of Object.keys(b.reasons) as TrafficFailure[]) out.lastFailure = { reason, message: b.reasons[reason]! };
  }
  if (recent.length) for (const pod of Object.keys(out.podRates)) out.podRates[pod] = Math.round((out.podRates[pod] / recent.length) * 10) / 10;
  if (out.sent) out.successRate = Math.floor((out.ok / out.sent) * 1000) / 10;
  return out;
}

/** e.g. `최근 10초 성공률 100%, p95 2ms (보낸 요청 200개, 실패 0개)`. */
export function summaryText(s: TrafficSummary): string {
  if (!s.sent) return `최근 ${s.seconds}초 동안 보낸 요청이 없어요.`;
  const p95 = s.p95 === undefined ? '' : `, p95 ${s.p95}ms`;
  // the network's message names the failure itself (연결 거부, 응답 없음(시간 초과), HTTP 5xx)
  const why = s.lastFailure ? ` 마지막 실패: ${s.lastFailure.message}` : '';
  return `최근 ${s.seconds}초 성공률 ${s.successRate}%${p95} (보낸 요청 ${s.sent}개, 실패 ${s.failed}개).${why}`;
}
