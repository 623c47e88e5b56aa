/**
 * The load generator ("트래픽 보내기"): N requests per simulated second to one target, on the engine's clock, every
 * outcome decided by the simulated network (DNS, kube-proxy, the app model). Counted in per-second buckets kept in
 * engine.state.traffic (snapshotted). Its cost follows the cluster's changes, not the simulated time:
 *
 * - 'exact' mode: between two changes every request answers as the plan says (load-plan.ts: one exchange with each
 *   endpoint kube-proxy chooses from, equal shares). Nothing ticks. Request i (counted from the run's start, sent at
 *   startedAt + i·1000/rate) goes to outcome i mod n of the plan in force when it is sent, so the counts don't depend
 *   on when they are written down — and they are written down only when needed (load-counts.ts): before the plan
 *   is replaced, and by reads, stop, restart and snapshots. A write that can change the answers (load-plan.ts
 *   affectsPlan: a Service, a Node, the Service's EndpointSlices, a pod involved; seen in Controller.beforeWork)
 *   has the plan made again at that instant, by the generator's own work item. A plan also wakes the generator when
 *   a process it involves starts or stops listening by itself (a slow app coming up mid-run). A quiet cluster with
 *   traffic running costs nothing per simulated second.
 * - 'sampled' mode, for targets a plan can't describe (load-plan.ts says which): every TICK_MS up to
 *   SAMPLES_PER_TICK real requests, each standing for several above 20/s. Totals stay exact, shares are estimates.
 *
 * Deterministic: plans are made at work items (the same for the same calls), the sampled path draws from the
 * network's seeded stream.
 */
import type { Controller, Engine } from '../engine';
import { sendRequest, type NetworkRequest } from './request';
import type { RequestOrigin } from './connect';
import { MAX_RATE, MIN_RATE, closeBucket, copyBucket, record, type TrafficBucket } from './load-buckets';
import { countBetween, currentBucket, settle, trim } from './load-counts';
import { resolveTargetWithHost, type TrafficTargetSpec } from './load-target';
import { affectsPlan, planTraffic, type TrafficPlan } from './load-plan';
import { KUBE_PROXY } from './kube-proxy-sync';
import { closeSegment, openSegment, type TrafficSegment } from './load-logs';
import type { StoreChange } from '../store';

export const TRAFFIC = 'traffic';
/** the work item that makes an exact run's plan */
const PLAN = 'plan';
const TICK_MS = 100;
const SAMPLES_PER_TICK = 2;
/** a load generator gives up on a connection sooner than curl's kernel timeout */
const REQUEST_TIMEOUT_MS = 3_000;
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
  /** exact runs' plans over time, for the served pods' access logs (load-logs.ts); absent until a plan serves one */
  segments?: TrafficSegment[];
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
  closeSegment(rt, e.time);
  // literals without spreads (an absent field is undefined, which a snapshot's JSON leaves out): this runs once a
  // run, cold, where each property after a spread is defined by a runtime call
  rt.run = { url: target.url, from: target.from, label: target.label, service: target.service, rate: spec.rate, host: target.host, startedAt: e.time, mode: 'exact', settledTo: e.time, stale: true, carry: 0, nextAt: e.time };
  rt.lastRun = { label: target.label, service: target.service, startedAt: e.time };
  e.enqueue(TRAFFIC, PLAN);
  return { ok: true, label: target.label };
}

/** Stops the generator; the buckets stay for the chart. */
export function stopTraffic(e: Engine): boolean {
  const rt = trafficRuntime(e);
  if (!rt.run) return false;
  settle(e);
  closeSegment(rt, e.time);
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
  const buckets = closed.slice(-STATS_SECONDS).map((b) => copyBucket(b));
  const run = rt?.run;
  return { now: e.time, running: !!run, buckets, ...(rt?.lastRun ? { label: rt.lastRun.label, ...(rt.lastRun.service ? { service: rt.lastRun.service } : {}), startedAt: rt.lastRun.startedAt, ...(rt.lastRun.stoppedAt !== undefined ? { stoppedAt: rt.lastRun.stoppedAt } : {}) } : {}), ...(run ? { rate: run.rate } : {}) };
}

/** Requests sent and failed in [from, to) (whole seconds kept by the generator). Writes nothing (load-counts.ts). */
export function trafficBetween(e: Engine, from: number, to: number): { sent: number; failed: number } {
  return countBetween(e, from, to);
}

/** Counts what an exact run sent until now (reads, stop, restart and snapshots call this; the engine's hook too). */
export function settleTraffic(e: Engine): void {
  settle(e);
}

const requestOf = (run: TrafficRun): NetworkRequest => ({ from: run.from, url: run.url, timeoutMs: REQUEST_TIMEOUT_MS, userAgent: 'kubelab-loadgen/1.0', headers: run.host ? { Host: run.host } : undefined });

/** Makes an exact run's plan again (at its start, after any cluster work, when a process changes by itself). */
function replan(e: Engine): void {
  const rt = e.state.traffic;
  const run = rt?.run;
  if (!run || run.mode !== 'exact') return;
  settle(e);
  run.stale = false;
  const plan = planTraffic(e, requestOf(run), REQUEST_TIMEOUT_MS);
  closeSegment(rt, e.time);
  if (!plan) {
    // the answer depends on a draw of its own (load-plan.ts): sample from now on, as a generator without plans would
    run.mode = 'sampled';
    delete run.plan;
    run.carry = 0;
    run.nextAt = e.time;
    return tick(e);
  }
  run.plan = plan;
  openSegment(rt, run, e.time);
  if (plan.service && !run.service) run.service = rt.lastRun!.service = plan.service;
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
 * A write that can change the answers, or kube-proxy's sync, marks the plan stale and queues a new one (which writes
 * the old plan's requests down first); any other work costs it one comparison.
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
    // kube-proxy's sync reprograms the rules packets meet (kube-proxy-sync.ts) without a store write of its own
    const reprogrammed = source === KUBE_PROXY;
    if (run.stale || (!reprogrammed && (!change || !affectsPlan(run.plan, change)))) return;
    run.stale = true;
    e.enqueue(TRAFFIC, PLAN);
  }
}
