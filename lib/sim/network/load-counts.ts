/**
 * An exact run's counts (load.ts). Between two plans every request's outcome is known (request i, sent at
 * startedAt + i·1000/rate, gets outcome i mod n), so nothing is written while the cluster runs: the seconds since
 * the plan took over are written into per-second buckets only when someone needs them — a read of the chart, the
 * plan being replaced, a stop, a restart, a snapshot (settle()). Totals over a window are computed without writing
 * anything (countBetween()). The buckets come out the same wherever the writing is cut, so when it happens changes
 * nothing a reader or a snapshot sees.
 */
import type { Engine } from '../engine';
import { closeBucket, copyBucket, emptyBucket, failedCount, failureOf, podOf, reasonOf, record, type TrafficBucket } from './load-buckets';
import type { PlannedOutcome, TrafficPlan } from './load-plan';
import type { TrafficRun } from './load';

/** closed seconds kept: the chart shows 60; the lesson check looks back over a whole rollout */
const KEEP_SECONDS = 600;

const secondOf = (t: number) => Math.floor(t / 1000) * 1000;
/** The oldest second a settle at `now` keeps. */
const oldestKept = (now: number) => secondOf(now) - KEEP_SECONDS * 1000;

/** The bucket of the second `now` falls in, opening it (and closing the previous) as time moves on. */
export function currentBucket(buckets: TrafficBucket[], now: number): TrafficBucket {
  const t = secondOf(now);
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
export function trim(buckets: TrafficBucket[], now: number): void {
  const oldest = oldestKept(now);
  let old = 0;
  while (old < buckets.length && buckets[old].t < oldest) old++;
  if (old) buckets.splice(0, old);
}

/** Requests an exact run sent before `t`: request i leaves at startedAt + i·1000/rate. */
const sentBefore = (run: TrafficRun, t: number) => Math.max(0, Math.ceil((run.rate * (t - run.startedAt)) / 1000));

/** How many of requests i0 … i1-1 get outcome k of n (those with i mod n = k). */
const takenBy = (k: number, n: number, i0: number, i1: number) => Math.floor((i1 - k + n - 1) / n) - Math.floor((i0 - k + n - 1) / n);

/** The run whose requests since settledTo are not written down yet, if any. */
function pendingRun(e: Engine): (TrafficRun & { plan: NonNullable<TrafficRun['plan']>; settledTo: number }) | undefined {
  const run = e.state.traffic?.run;
  if (run?.mode !== 'exact' || !run.plan || run.settledTo === undefined || run.settledTo >= e.time) return undefined;
  return run as TrafficRun & { plan: NonNullable<TrafficRun['plan']>; settledTo: number };
}

/**
 * Writes an exact run's requests sent in [settledTo, now) into its buckets, by its plan: request i goes to outcome
 * i mod n. The buckets come out the same however [settledTo, now) is cut into pieces: counts by that rule, outcomes
 * visited in the order of their first request (the pods' key order), each failure reason's text from its last
 * request, latencies merged per value (load-buckets.ts). O(endpoints) per second, O(1) for a whole second like one
 * already written under the same plan; at most KEEP_SECONDS of seconds however long the run went unread.
 */
export function settle(e: Engine): void {
  const run = pendingRun(e);
  if (!run) return;
  const buckets = e.state.traffic!.buckets;
  const { outcomes } = run.plan;
  const n = outcomes.length;
  const pods = outcomes.map(podOf);
  // seconds older than the buckets keep are never read: skip them
  let a = Math.max(run.settledTo, oldestKept(e.time));
  while (a < e.time) {
    const b = Math.min(e.time, secondOf(a) + 1000);
    const [i0, i1] = [sentBefore(run, a), sentBefore(run, b)];
    const whole = n > 0 && a === secondOf(a) && b === a + 1000 && buckets[buckets.length - 1]?.t !== a;
    const seen = whole ? wholeSecond(run.plan, i0 % n, i1 - i0) : undefined;
    if (seen) {
      if (buckets.length) closeBucket(buckets[buckets.length - 1]);
      buckets.push(copyBucket(seen, a));
    } else {
      const bucket = currentBucket(buckets, a);
      writeRequests(bucket, outcomes, pods, i0, i1);
      if (whole) {
        closeBucket(bucket);
        rememberWholeSecond(run.plan, i0 % n, i1 - i0, bucket);
      }
    }
    a = b;
  }
  // a second that has ended is complete: close it now rather than when the next one opens
  const last = buckets[buckets.length - 1];
  if (last && last.t + 1000 <= e.time) closeBucket(last);
  trim(buckets, e.time);
  run.settledTo = e.time;
}

/** Records requests i0 … i1-1 by the plan's rule: outcomes in the order of their first request, reasons from the last. */
function writeRequests(bucket: TrafficBucket, outcomes: readonly PlannedOutcome[], pods: readonly (string | undefined)[], i0: number, i1: number): void {
  const n = outcomes.length;
  for (let j = 0; j < n && i0 + j < i1; j++) {
    const k = (i0 + j) % n;
    record(bucket, outcomes[k], takenBy(k, n, i0, i1), pods[k]);
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
}

/**
 * Whole seconds a plan wrote, closed, by the outcome their first request got and their count: under one plan such a
 * second reads the same every time that pair comes round (each second, when the rate is a multiple of n), so it
 * is copied instead of counted again. Kept beside the plan object (a restored plan is a new object: it starts afresh).
 */
const wholeSeconds = new WeakMap<TrafficPlan, Map<string, TrafficBucket>>();

const wholeSecond = (plan: TrafficPlan, first: number, count: number) => wholeSeconds.get(plan)?.get(`${first} ${count}`);

function rememberWholeSecond(plan: TrafficPlan, first: number, count: number, bucket: TrafficBucket): void {
  let seen = wholeSeconds.get(plan);
  if (!seen) wholeSeconds.set(plan, (seen = new Map()));
  seen.set(`${first} ${count}`, copyBucket(bucket));
}

/**
 * Requests sent and failed in the whole seconds overlapping [from, to) — what settling and then summing the
 * buckets would give — without writing anything: the buckets written so far, plus the unwritten requests counted
 * by the plan's rule. O(buckets + endpoints).
 */
export function countBetween(e: Engine, from: number, to: number): { sent: number; failed: number } {
  let sent = 0;
  let failed = 0;
  const oldest = oldestKept(e.time);
  for (const b of e.state.traffic?.buckets ?? [])
    if (b.t >= oldest && b.t + 1000 > from && b.t < to) {
      sent += b.sent;
      failed += failedCount(b);
    }
  const run = pendingRun(e);
  if (!run) return { sent, failed };
  // the unwritten seconds a bucket-wise sum over [from, to) would take: from `from`'s second to the end of `to`'s
  const a = Math.max(run.settledTo, oldest, secondOf(from));
  const b = Math.min(e.time, Math.ceil(to / 1000) * 1000);
  if (a >= b) return { sent, failed };
  const [i0, i1] = [sentBefore(run, a), sentBefore(run, b)];
  const { outcomes } = run.plan;
  sent += i1 - i0;
  for (let k = 0; k < outcomes.length; k++) if (failureOf(outcomes[k])) failed += takenBy(k, outcomes.length, i0, i1);
  return { sent, failed };
}
