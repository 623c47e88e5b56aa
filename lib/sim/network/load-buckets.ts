/**
 * Per-second buckets of a load generator: how many requests were sent, answered and failed (by reason), the latency
 * percentiles and which pods served them. Plain JSON (kept in the engine state, so snapshots carry it).
 */
import type { NetworkResponse } from './request';

/** Requests per second a generator may send; above 20/s it samples (load.ts), so the top rate costs what 20/s does. */
export const MIN_RATE = 1;
export const MAX_RATE = 1000;

/** Why a request failed, as a chart legend says it. */
export type TrafficFailure = 'refused' | 'timeout' | 'http5xx' | 'other';

export interface TrafficBucket {
  /** start of the simulated second, epoch ms */
  t: number;
  sent: number;
  ok: number;
  failed: Record<TrafficFailure, number>;
  /** the last Korean explanation per failure reason in this second */
  reasons: Partial<Record<TrafficFailure, string>>;
  /** requests kube-proxy sent to each pod (`ns/name`), answered or refused by its app */
  pods: Record<string, number>;
  /** of those, failed ones (HTTP 5xx, or the pod's app refused the connection), by pod; absent when none */
  podsFailed?: Record<string, number>;
  /** latency percentiles of answered requests (ms); set when the second closes */
  p50?: number;
  p95?: number;
  /** [latency ms, requests] while the second is open */
  lat?: [number, number][];
}

export const emptyBucket = (t: number): TrafficBucket => ({ t, sent: 0, ok: 0, failed: { refused: 0, timeout: 0, http5xx: 0, other: 0 }, reasons: {}, pods: {} });

/** What a bucket reads of a response (a plan keeps no bodies: load-plan.ts). */
export type RecordedResponse = Omit<NetworkResponse, 'body' | 'headers'>;

export function failureOf(r: RecordedResponse): TrafficFailure | undefined {
  if (r.ok) return undefined;
  if (r.error?.code === 'refused') return 'refused';
  if (r.error?.code === 'timeout') return 'timeout';
  if (r.status !== undefined && r.status >= 500) return 'http5xx';
  return 'other';
}

/** Korean explanation of an HTTP 5xx (the other failures carry the network's own message). */
const http5xxReason = (r: RecordedResponse) => `HTTP ${r.status}: 요청을 받은 파드${r.servedBy ? ` ${r.servedBy.pod}` : ''}의 앱이 오류로 답했어요.`;

/** The Korean explanation a failed response is listed with. */
export const reasonOf = (r: RecordedResponse) => r.error?.message ?? http5xxReason(r);

/** `ns/name` of the pod kube-proxy sent the request to (it answered, or its app refused), if any. */
export const podOf = (r: RecordedResponse): string | undefined => (r.servedBy ? `${r.servedBy.namespace}/${r.servedBy.pod}` : r.refusedBy && r.service ? `${r.service.slice(0, r.service.indexOf('/'))}/${r.refusedBy}` : undefined);

/** Adds `weight` requests that had response `r` to bucket `b` (`pod`: podOf(r), passed in when counted often). */
export function record(b: TrafficBucket, r: RecordedResponse, weight: number, pod = podOf(r)): void {
  b.sent += weight;
  const failure = failureOf(r);
  if (failure) {
    b.failed[failure] += weight;
    b.reasons[failure] = reasonOf(r);
  } else b.ok += weight;
  if (pod) {
    b.pods[pod] = (b.pods[pod] ?? 0) + weight;
    if (failure) (b.podsFailed ??= {})[pod] = (b.podsFailed[pod] ?? 0) + weight;
  }
  // latency of what the client waited for; a timeout's wait is the timeout itself. One entry per value, sorted, so
  // an open second reads the same however its requests were counted (in one piece or several: load.ts)
  const lat = (b.lat ??= []);
  let i = 0;
  while (i < lat.length && lat[i][0] < r.latencyMs) i++;
  if (lat[i]?.[0] === r.latencyMs) lat[i][1] += weight;
  else lat.splice(i, 0, [r.latencyMs, weight]);
}

/** Weighted percentile (nearest rank) of [value, weight] pairs. */
export function percentile(samples: readonly [number, number][], q: number): number | undefined {
  const total = samples.reduce((s, [, w]) => s + w, 0);
  if (!total) return undefined;
  const sorted = [...samples].sort((a, b) => a[0] - b[0]);
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (const [v, w] of sorted) {
    seen += w;
    if (seen >= rank) return v;
  }
  return sorted[sorted.length - 1][0];
}

/** Closes a second: percentiles replace the raw latencies. */
export function closeBucket(b: TrafficBucket): void {
  if (!b.lat) return;
  const p50 = percentile(b.lat, 0.5);
  const p95 = percentile(b.lat, 0.95);
  if (p50 !== undefined) b.p50 = p50;
  if (p95 !== undefined) b.p95 = p95;
  delete b.lat;
}

/** A closed bucket's copy (nothing shared), for second `t` (default: its own). */
export const copyBucket = (b: TrafficBucket, t = b.t): TrafficBucket => ({ ...b, t, failed: { ...b.failed }, reasons: { ...b.reasons }, pods: { ...b.pods }, ...(b.podsFailed ? { podsFailed: { ...b.podsFailed } } : {}) });

export const failedCount = (b: TrafficBucket) => b.failed.refused + b.failed.timeout + b.failed.http5xx + b.failed.other;
