/**
 * The load generator ("트래픽 보내기"): N requests per simulated second to one target, on the engine's clock. It is a
 * controller with one timer: every TICK_MS it sends that tick's requests through `sendRequest` (DNS, kube-proxy, the
 * app model — the simulator decides every outcome) and adds them to per-second buckets. Deterministic: ticks are
 * timers, endpoint choice is the network's seeded stream, and the state (engine.state.traffic) is snapshotted.
 *
 * Cost: at most SAMPLES_PER_TICK real requests per tick. Up to that many requests per tick (20/s) each one is sent;
 * above it, each sent request stands for several (its outcome counted with that weight), so 200/s at 60× speed
 * costs the same as 20/s — totals stay exact, per-pod shares become estimates.
 */
import type { Controller, Engine } from '../engine';
import { sendRequest } from './request';
import type { RequestOrigin } from './connect';
import { MAX_RATE, MIN_RATE, closeBucket, emptyBucket, failedCount, record, type TrafficBucket } from './load-buckets';
import { resolveTargetWithHost, type TrafficTargetSpec } from './load-target';

export const TRAFFIC = 'traffic';
const TICK_MS = 100;
const SAMPLES_PER_TICK = 2;
/** a load generator gives up on a connection sooner than curl's kernel timeout */
const REQUEST_TIMEOUT_MS = 3_000;
/** closed seconds kept: the chart shows 60; the lesson check looks back over a whole rollout */
const KEEP_SECONDS = 600;
/** seconds the stats() answer carries */
export const STATS_SECONDS = 60;

export interface TrafficRun {
  url: string;
  from: RequestOrigin;
  label: string;
  /** `ns/name` of the Service the requests go through (learnt from the answers for a URL target) */
  service?: string;
  /** requests per simulated second */
  rate: number;
  /** the Host header each request carries (a reverse proxy's virtual host), when one was given */
  host?: string;
  startedAt: number;
  /** requests owed, in request·ms (integer arithmetic keeps runs byte-identical) */
  carry: number;
  nextAt: number;
}

export interface TrafficRuntime {
  run?: TrafficRun;
  /** the last run's window, kept after stop for checks */
  lastRun?: { label: string; service?: string; startedAt: number; stoppedAt?: number };
  /** per-second buckets, oldest first; the last may be open */
  buckets: TrafficBucket[];
}

export interface TrafficStartSpec extends TrafficTargetSpec {
  rate: number;
}

/** What the panel and the terminal read: small (≤ 61 buckets), plain JSON. */
export interface TrafficStats {
  now: number;
  running: boolean;
  label?: string;
  /** `ns/name` of the Service the last run went through, once known */
  service?: string;
  rate?: number;
  startedAt?: number;
  stoppedAt?: number;
  /** closed seconds, oldest first (at most STATS_SECONDS) */
  buckets: TrafficBucket[];
}

export function trafficRuntime(e: Engine): TrafficRuntime {
  e.state.traffic ??= { buckets: [] };
  return e.state.traffic;
}

/** Starts (or retargets) the generator. Returns the run's label, or a Korean error and changes nothing. */
export function startTraffic(e: Engine, spec: TrafficStartSpec): { ok: true; label: string } | { ok: false; error: string } {
  if (!Number.isInteger(spec.rate) || spec.rate < MIN_RATE || spec.rate > MAX_RATE) return { ok: false, error: `초당 요청 수는 ${MIN_RATE}에서 ${MAX_RATE} 사이의 정수로 정해 주세요(지금: ${spec.rate}).` };
  const target = resolveTargetWithHost(e, spec);
  if (typeof target === 'string') return { ok: false, error: target };
  const rt = trafficRuntime(e);
  const service = target.service ? { service: target.service } : {};
  rt.run = { url: target.url, from: target.from, label: target.label, ...service, rate: spec.rate, ...(target.host ? { host: target.host } : {}), startedAt: e.time, carry: 0, nextAt: e.time };
  rt.lastRun = { label: target.label, ...service, startedAt: e.time };
  e.enqueue(TRAFFIC, 'tick');
  return { ok: true, label: target.label };
}

/** Stops the generator; the buckets stay for the chart. */
export function stopTraffic(e: Engine): boolean {
  const rt = trafficRuntime(e);
  if (!rt.run) return false;
  rt.run = undefined;
  if (rt.lastRun) rt.lastRun.stoppedAt = e.time;
  const open = rt.buckets[rt.buckets.length - 1];
  if (open) closeBucket(open);
  return true;
}

/** The last closed seconds (copies). O(STATS_SECONDS). */
export function trafficStats(e: Engine): TrafficStats {
  const rt = e.state.traffic;
  const closed = (rt?.buckets ?? []).filter((b) => b.lat === undefined && b.t + 1000 <= e.time);
  const buckets = closed.slice(-STATS_SECONDS).map((b) => ({ ...b, failed: { ...b.failed }, reasons: { ...b.reasons }, pods: { ...b.pods }, ...(b.podsFailed ? { podsFailed: { ...b.podsFailed } } : {}) }));
  const run = rt?.run;
  return { now: e.time, running: !!run, buckets, ...(rt?.lastRun ? { label: rt.lastRun.label, ...(rt.lastRun.service ? { service: rt.lastRun.service } : {}), startedAt: rt.lastRun.startedAt, ...(rt.lastRun.stoppedAt !== undefined ? { stoppedAt: rt.lastRun.stoppedAt } : {}) } : {}), ...(run ? { rate: run.rate } : {}) };
}

/** Requests sent and failed in [from, to) (whole seconds kept by the generator). */
export function trafficBetween(e: Engine, from: number, to: number): { sent: number; failed: number } {
  let sent = 0;
  let failed = 0;
  for (const b of e.state.traffic?.buckets ?? [])
    if (b.t + 1000 > from && b.t < to) {
      sent += b.sent;
      failed += failedCount(b);
    }
  return { sent, failed };
}

/** The bucket of the current second, opening it (and closing the previous) as time moves on. */
function currentBucket(rt: TrafficRuntime, now: number): TrafficBucket {
  const t = Math.floor(now / 1000) * 1000;
  let b = rt.buckets[rt.buckets.length - 1];
  if (b?.t === t) return b;
  if (b) closeBucket(b);
  rt.buckets.push((b = emptyBucket(t)));
  if (rt.buckets.length > KEEP_SECONDS + 1) rt.buckets.splice(0, rt.buckets.length - KEEP_SECONDS);
  return b;
}

/** One tick: this tick's share of the rate, sent and recorded. O(SAMPLES_PER_TICK). */
function tick(e: Engine): void {
  const run = e.state.traffic?.run;
  if (!run) return;
  // a stale wake-up (the run was restarted meanwhile) waits for the run's own
  if (e.time < run.nextAt) return e.enqueueAt(TRAFFIC, 'tick', run.nextAt);
  const rt = e.state.traffic!;
  run.carry += run.rate * TICK_MS;
  const due = Math.floor(run.carry / 1000);
  run.carry -= due * 1000;
  const samples = Math.min(due, SAMPLES_PER_TICK);
  const bucket = currentBucket(rt, e.time);
  for (let i = 0; i < samples; i++) {
    const weight = Math.floor(due / samples) + (i < due % samples ? 1 : 0);
    const r = sendRequest(e, { from: run.from, url: run.url, timeoutMs: REQUEST_TIMEOUT_MS, userAgent: 'kubelab-loadgen/1.0', ...(run.host ? { headers: { Host: run.host } } : {}) });
    record(bucket, r, weight);
    if (r.service && !run.service) run.service = rt.lastRun!.service = r.service;
  }
  run.nextAt = e.time + TICK_MS;
  e.enqueueAt(TRAFFIC, 'tick', run.nextAt);
}

/** The generator's timer as a controller (it watches nothing: its only work is its own ticks). */
export class TrafficGenerator implements Controller {
  readonly name = TRAFFIC;
  readonly watches = [] as const;
  reconcile(_key: string, e: Engine): void {
    tick(e);
  }
}
