/**
 * The load generator ("트래픽 보내기"): N requests per simulated second to one target, on the engine's clock, every
 * outcome decided by the simulated network (DNS, kube-proxy, the app model). Counted in per-second buckets kept in
 * engine.state.traffic (snapshotted). Its cost follows the cluster's changes, not the simulated time:
 *
 * - 'exact' mode: between two changes every request answers as the plan says (load-plan.ts: one exchange with each
 *   endpoint kube-proxy chooses from, equal shares). Nothing ticks. Request i (counted from the run's start, sent at
 *   startedAt + i·1000/rate) goes to outcome i mod n of the plan in force when it is sent, so the counts don't depend
 *   on when they are written down. They are written down ("settled") before the engine does any work — a controller
 *   wake, a timer, a store write (Controller.beforeWork); a write that can change the answers (load-plan.ts
 *   affectsPlan: a Service, a Node, the Service's EndpointSlices, a pod involved) has the plan made again at that
 *   instant, by the generator's own work item. A plan also wakes the generator when a process it
 *   involves starts or stops listening by itself (a slow app coming up mid-run). Reads, stop, restart and
 *   snapshots settle too; the buckets come out the same wherever the counting was cut (settle()).
 * - 'sampled' mode, for targets a plan can't describe (load-plan.ts says which): every TICK_MS up to
 *   SAMPLES_PER_TICK real requests, each standing for several above 20/s. Totals stay exact, shares are estimates.
 *
 * Deterministic: plans are made at work items (the same for the same calls), the sampled path draws from the
 * network's seeded stream.
 */
import type { Controller, Engine } from '../engine';
import { sendRequest, type NetworkRequest } from './request';
import type { RequestOrigin } from './connect';
import { MAX_RATE, MIN_RATE, closeBucket, emptyBucket, failedCount, failureOf, podOf, reasonOf, record, type TrafficBucket } from './load-buckets';
import { resolveTargetWithHost, type TrafficTargetSpec } from './load-target';
import { affectsPlan, planTraffic, type TrafficPlan } from './load-plan';
import { KUBE_PROXY } from './kube-proxy-sync';
import type { StoreChange } from '../store';

export const TRAFFIC = 'traffic';
/** the work item that makes an exact run's plan */
const PLAN = 'plan';
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
  /** 'exact' counts from a plan; 'sampled' (or absent, in older snapshots) sends samples every tick */
  mode?: 'exact' | 'sampled';
  /** exact: the plan in force since the last change (absent until it is first made, at the start instant) */
  plan?: TrafficPlan;
  /** exact: requests sent before this instant are in the buckets */
  settledTo?: number;
  /** exact: the cluster did work since the plan was made; the generator's own work item makes it again */
  stale?: boolean;
  /** sampled: requests owed, in request·ms (integer arithmetic keeps runs byte-identical) */
  carry: number;
  /** sampled: the next tick */
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
  settle(e);
  const service = target.service ? { service: target.service } : {};
  rt.run = { url: target.url, from: target.from, label: target.label, ...service, rate: spec.rate, ...(target.host ? { host: target.host } : {}), startedAt: e.time, mode: 'exact', settledTo: e.time, stale: true, carry: 0, nextAt: e.time };
  rt.lastRun = { label: target.label, ...service, startedAt: e.time };
  e.enqueue(TRAFFIC, PLAN);
  return { ok: true, label: target.label };
}

/** Stops the generator; the buckets stay for the chart. */
export function stopTraffic(e: Engine): boolean {
  const rt = trafficRuntime(e);
  if (!rt.run) return false;
  settle(e);
  rt.run = undefined;
  if (rt.lastRun) rt.lastRun.stoppedAt = e.time;
  const open = rt.buckets[rt.buckets.length - 1];
  if (open) closeBucket(open);
  return true;
}

/** The last closed seconds (copies). O(STATS_SECONDS). */
export function trafficStats(e: Engine): TrafficStats {
  const rt = e.state.traffic;
  settle(e);
  const closed = (rt?.buckets ?? []).filter((b) => b.lat === undefined && b.t + 1000 <= e.time);
  const buckets = closed.slice(-STATS_SECONDS).map(copyBucket);
  const run = rt?.run;
  return { now: e.time, running: !!run, buckets, ...(rt?.lastRun ? { label: rt.lastRun.label, ...(rt.lastRun.service ? { service: rt.lastRun.service } : {}), startedAt: rt.lastRun.startedAt, ...(rt.lastRun.stoppedAt !== undefined ? { stoppedAt: rt.lastRun.stoppedAt } : {}) } : {}), ...(run ? { rate: run.rate } : {}) };
}

/** Requests sent and failed in [from, to) (whole seconds kept by the generator). */
export function trafficBetween(e: Engine, from: number, to: number): { sent: number; failed: number } {
  let sent = 0;
  let failed = 0;
  settle(e);
  for (const b of e.state.traffic?.buckets ?? [])
    if (b.t + 1000 > from && b.t < to) {
      sent += b.sent;
      failed += failedCount(b);
    }
  return { sent, failed };
}

/** The bucket of the second `now` falls in, opening it (and closing the previous) as time moves on. */
function currentBucket(buckets: TrafficBucket[], now: number): TrafficBucket {
  const t = Math.floor(now / 1000) * 1000;
  let b = buckets[buckets.length - 1];
  if (b?.t === t) return b;
  if (b) closeBucket(b);
  buckets.push((b = emptyBucket(t)));
  return b;
}

/**
 * Forgets the seconds older than KEEP_SECONDS before `now`'s. By time, not by count, and once per settle rather
 * than per second: the same seconds are kept however the counting was cut into pieces.
 */
function trim(buckets: TrafficBucket[], now: number): void {
  const oldest = Math.floor(now / 1000) * 1000 - KEEP_SECONDS * 1000;
  let old = 0;
  while (old < buckets.length && buckets[old].t < oldest) old++;
  if (old) buckets.splice(0, old);
}

/** Requests an exact run sent before `t`: request i leaves at startedAt + i·1000/rate. */
const sentBefore = (run: TrafficRun, t: number) => Math.max(0, Math.ceil((run.rate * (t - run.startedAt)) / 1000));

/**
 * Writes an exact run's requests sent in [settledTo, now) into its buckets, by its plan: request i goes to outcome
 * i mod n. The buckets come out the same however [settledTo, now) is cut into pieces (reads settle too): counts by
 * that rule, outcomes visited in the order of their first request (the pods' key order), each failure reason's text
 * from its last request, latencies merged per value (load-buckets.ts). O(seconds × endpoints), at most KEEP_SECONDS
 * of seconds however long the cluster stayed quiet.
 */
function settle(e: Engine): void {
  const rt = e.state.traffic;
  const run = rt?.run;
  if (run?.mode !== 'exact' || !run.plan || run.settledTo === undefined || run.settledTo >= e.time) return;
  const { outcomes } = run.plan;
  const n = outcomes.length;
  const pods = outcomes.map(podOf);
  // seconds older than the buckets keep are never read: skip them
  let a = Math.max(run.settledTo, Math.floor(e.time / 1000) * 1000 - KEEP_SECONDS * 1000);
  while (a < e.time) {
    const b = Math.min(e.time, Math.floor(a / 1000) * 1000 + 1000);
    const [i0, i1] = [sentBefore(run, a), sentBefore(run, b)];
    const bucket = currentBucket(rt!.buckets, a);
    for (let j = 0; j < n && i0 + j < i1; j++) {
      const k = (i0 + j) % n;
      record(bucket, outcomes[k], Math.floor((i1 - k + n - 1) / n) - Math.floor((i0 - k + n - 1) / n), pods[k]);
    }
    const seen = new Set<string>();
    for (let j = 1; j <= n && i1 - j >= i0; j++) {
      const o = outcomes[(i1 - j) % n];
      const reason = failureOf(o);
      if (reason && !seen.has(reason)) {
        seen.add(reason);
        bucket.reasons[reason] = reasonOf(o);
      }
    }
    a = b;
  }
  // a second that has ended is complete: close it now rather than when the next one opens
  const last = rt!.buckets[rt!.buckets.length - 1];
  if (last && last.t + 1000 <= e.time) closeBucket(last);
  trim(rt!.buckets, e.time);
  run.settledTo = e.time;
}

/** Counts what an exact run sent until now (reads, stop, restart and snapshots call this; the engine's hook too). */
export function settleTraffic(e: Engine): void {
  settle(e);
}

const copyBucket = (b: TrafficBucket): TrafficBucket => ({ ...b, failed: { ...b.failed }, reasons: { ...b.reasons }, pods: { ...b.pods }, ...(b.podsFailed ? { podsFailed: { ...b.podsFailed } } : {}) });

const requestOf = (run: TrafficRun): NetworkRequest => ({ from: run.from, url: run.url, timeoutMs: REQUEST_TIMEOUT_MS, userAgent: 'kubelab-loadgen/1.0', ...(run.host ? { headers: { Host: run.host } } : {}) });

/** Makes an exact run's plan again (at its start, after any cluster work, when a process changes by itself). */
function replan(e: Engine): void {
  const rt = e.state.traffic;
  const run = rt?.run;
  if (!run || run.mode !== 'exact') return;
  settle(e);
  run.stale = false;
  const plan = planTraffic(e, requestOf(run), REQUEST_TIMEOUT_MS);
  if (!plan) {
    // the answer depends on a draw of its own (load-plan.ts): sample from now on, as a generator without plans would
    run.mode = 'sampled';
    delete run.plan;
    run.carry = 0;
    run.nextAt = e.time;
    return tick(e);
  }
  run.plan = plan;
  const service = plan.outcomes.find((o) => o.service)?.service;
  if (service && !run.service) run.service = rt.lastRun!.service = service;
  if (plan.until !== undefined) e.enqueueAt(TRAFFIC, PLAN, plan.until);
}

/** One sampled tick: this tick's share of the rate, sent and recorded. O(SAMPLES_PER_TICK). */
function tick(e: Engine): void {
  const run = e.state.traffic?.run;
  if (!run || run.mode === 'exact') return;
  // a stale wake-up (the run was restarted meanwhile) waits for the run's own
  if (e.time < run.nextAt) return e.enqueueAt(TRAFFIC, 'tick', run.nextAt);
  const rt = e.state.traffic!;
  run.carry += run.rate * TICK_MS;
  const due = Math.floor(run.carry / 1000);
  run.carry -= due * 1000;
  const samples = Math.min(due, SAMPLES_PER_TICK);
  const bucket = currentBucket(rt.buckets, e.time);
  trim(rt.buckets, e.time);
  for (let i = 0; i < samples; i++) {
    const weight = Math.floor(due / samples) + (i < due % samples ? 1 : 0);
    const r = sendRequest(e, requestOf(run));
    record(bucket, r, weight);
    if (r.service && !run.service) run.service = rt.lastRun!.service = r.service;
  }
  run.nextAt = e.time + TICK_MS;
  e.enqueueAt(TRAFFIC, 'tick', run.nextAt);
}

/**
 * The generator as a controller. It watches nothing: its work items are its own ('plan', and 'tick' when sampling).
 * Before any work it settles; a write that can change the answers, or kube-proxy's sync, marks the plan stale and
 * queues a new one.
 */
export class TrafficGenerator implements Controller {
  readonly name = TRAFFIC;
  readonly watches = [] as const;
  reconcile(key: string, e: Engine): void {
    if (key === PLAN) replan(e);
    else tick(e);
  }
  beforeWork(source: string, e: Engine, change?: StoreChange): void {
    const run = e.state.traffic?.run;
    if (run?.mode !== 'exact') return;
    settle(e);
    // kube-proxy's sync reprograms the rules packets meet (kube-proxy-sync.ts) without a store write of its own
    const reprogrammed = source === KUBE_PROXY;
    if (run.stale || (!reprogrammed && (!change || !affectsPlan(run.plan, change)))) return;
    run.stale = true;
    e.enqueue(TRAFFIC, PLAN);
  }
}
