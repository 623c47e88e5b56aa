/**
 * What the graph draws of a running load generator: per pod, the requests kube-proxy sent it per second and how many
 * of those failed; for the Service, what never reached a pod (no ready endpoint, timeouts). Pure, from the
 * generator's per-second buckets (lib/sim/network/load-buckets). O(buckets in the window × pods).
 */
import { failedCount, type TrafficBucket } from '../sim/network/load-buckets';

/** Seconds the graph averages over: short, so a rollout's new pods light up within a few seconds. */
export const FLOW_WINDOW_S = 3;

export interface PodFlow {
  /** requests per second sent to the pod (one decimal) */
  rate: number;
  /** of those, failed per second (HTTP 5xx or refused by the pod's app) */
  failed: number;
}

export interface TrafficFlow {
  /** `ns/name` of the Service the requests go through, when known */
  service?: string;
  /** what the generator targets, as the panel says it */
  label: string;
  /** requests per second sent (one decimal) */
  rate: number;
  /** per second, failed without a pod to blame (no ready endpoint, timeout, DNS) */
  unrouted: number;
  /** per second, failed in all */
  failed: number;
  pods: Record<string, PodFlow>;
}

const perSecond = (n: number, seconds: number) => Math.round((n / seconds) * 10) / 10;

/** The flow over the last `seconds` closed buckets, or null when nothing was sent in them. */
export function trafficFlow(buckets: readonly TrafficBucket[], label: string, service?: string, seconds = FLOW_WINDOW_S): TrafficFlow | null {
  const recent = buckets.slice(-seconds);
  let sent = 0;
  let failed = 0;
  let podFailed = 0;
  const sentTo: Record<string, number> = {};
  const failedAt: Record<string, number> = {};
  for (const b of recent) {
    sent += b.sent;
    failed += failedCount(b);
    for (const [pod, n] of Object.entries(b.pods)) sentTo[pod] = (sentTo[pod] ?? 0) + n;
    for (const [pod, n] of Object.entries(b.podsFailed ?? {})) {
      failedAt[pod] = (failedAt[pod] ?? 0) + n;
      podFailed += n;
    }
  }
  if (sent === 0) return null;
  const n = recent.length;
  const pods: Record<string, PodFlow> = {};
  for (const [pod, count] of Object.entries(sentTo)) pods[pod] = { rate: perSecond(count, n), failed: perSecond(failedAt[pod] ?? 0, n) };
  return { ...(service ? { service } : {}), label, rate: perSecond(sent, n), unrouted: perSecond(failed - podFailed, n), failed: perSecond(failed, n), pods };
}

/** A tile's badge text: `12/s`, `0.3/s`, `1.2k/s`. */
export function rateText(rate: number): string {
  if (rate >= 1000) return `${(rate / 1000).toFixed(1)}k/s`;
  return `${rate >= 10 ? Math.round(rate) : rate}/s`;
}
