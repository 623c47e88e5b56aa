/**
 * The access-log lines of the load generator's requests, written out when a pod's log is read. An exact run sends
 * nothing (load-plan.ts): request i, sent at startedAt + i·1000/rate, gets outcome i mod n of the plan in force.
 * Each plan's time span is kept as a segment (one per cluster change, not per request or second), so a read can say
 * which of those requests a container served, when, and with what status — and render exactly the lines
 * exchange() (http.ts) would have written. Refused and timed-out requests never reach the app: no line.
 *
 * Cost: O(segments + lines returned · n/served-by-this-container); a tail read walks back from the window's end
 * and stops after its N lines, whatever the window's length.
 */
import type { V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { renderTemplate } from '../apps/render';
import { processOf } from './connect';
import type { PlannedOutcome } from './load-plan';
import type { TrafficRun, TrafficRuntime } from './load';
import { parseUrl } from './tools/common';

/** One plan's span: the requests sent in [from, to) answered by its outcomes (to absent while it is in force). */
export interface TrafficSegment {
  from: number;
  to?: number;
  startedAt: number;
  rate: number;
  url: string;
  host?: string;
  outcomes: PlannedOutcome[];
}

/** Plans kept for the logs: a long rollout's changes, while the kubelet's own bound (MAX_LOG_LINES) caps a read. */
const KEEP_SEGMENTS = 200;

/** Ends the segment in force (a new plan, sampling, a stop or a restart). */
export function closeSegment(rt: TrafficRuntime, now: number): void {
  const last = rt.segments?.[rt.segments.length - 1];
  if (last && last.to === undefined) last.to = now;
}

/** Starts a segment for the plan an exact run just made, if it serves anything that logs. */
export function openSegment(rt: TrafficRuntime, run: TrafficRun, now: number): void {
  closeSegment(rt, now);
  const outcomes = run.plan?.outcomes ?? [];
  if (!outcomes.some((o) => o.access)) return;
  const segments = (rt.segments ??= []);
  segments.push({ from: now, startedAt: run.startedAt, rate: run.rate, url: run.url, host: run.host, outcomes });
  if (segments.length > KEEP_SEGMENTS) segments.splice(0, segments.length - KEEP_SEGMENTS);
}

/** The first request stamped at or after `t` (request i leaves at startedAt + i·1000/rate, stamped in whole ms). */
const firstAtOrAfter = (s: TrafficSegment, t: number) => Math.max(0, Math.ceil((s.rate * Math.ceil(t - s.startedAt)) / 1000));
const sentAt = (s: TrafficSegment, i: number) => s.startedAt + Math.floor((i * 1000) / s.rate);

/**
 * The generator's access-log lines in container `container` of `pod` at times in [from, to], oldest first: the
 * last `limit` of them. [epoch ms, text], in the container's own requestLog format. Writes nothing.
 */
export function trafficLogLines(e: Engine, pod: V1Pod, container: string, from: number, to: number, limit: number): [number, string][] {
  const segments = e.state.traffic?.segments;
  const c = pod.spec?.containers?.find((x) => x.name === container);
  if (!segments?.length || !c || limit <= 0) return [];
  const run = processOf(e, pod, c);
  const template = run?.proc.model?.requestLog;
  if (!run || !template) return [];
  const name = pod.metadata?.name;
  const ns = pod.metadata?.namespace ?? 'default';
  const out: [number, string][] = [];
  for (let s = segments.length - 1; s >= 0 && out.length < limit; s--) {
    const seg = segments[s];
    // a plan in force sends the request due at this very instant too: a follower that read up to now must see it
    const end = Math.min(Math.floor(to) + 1, seg.to ?? e.time + 1);
    const start = Math.max(from, seg.from);
    if (start >= end) continue;
    const n = seg.outcomes.length;
    const mine = seg.outcomes.map((o) => o.access !== undefined && o.servedBy?.pod === name && o.servedBy?.namespace === ns && o.servedBy?.container === container);
    if (!mine.includes(true)) continue;
    const url = parseUrl(seg.url);
    const base = { ...run.proc.vars, method: 'GET', path: url?.path ?? '/', agent: 'kubelab-loadgen/1.0', host: seg.host ?? url?.host ?? '', upstream: '-' };
    const i0 = firstAtOrAfter(seg, start);
    // walk back from the last request in the span: only the lines asked for are made
    for (let i = firstAtOrAfter(seg, end) - 1; i >= i0 && out.length < limit; i--) {
      const o = seg.outcomes[i % n];
      if (!mine[i % n]) continue;
      const at = sentAt(seg, i);
      out.push([at, renderTemplate(template, { ...base, client: o.access!.client, status: String(o.status), bytes: String(o.access!.bytes) }, at)]);
    }
  }
  return out.reverse();
}

/** Lines requests really wrote and the generator's, as one time-ordered list (at equal times the written first). */
export function mergeWritten(written: readonly [number, string][] | undefined, made: [number, string][]): readonly [number, string][] | undefined {
  if (!made.length) return written;
  if (!written?.length) return made;
  const out: [number, string][] = [];
  let i = 0;
  let j = 0;
  while (i < written.length || j < made.length) out.push(j >= made.length || (i < written.length && written[i][0] <= made[j][0]) ? written[i++] : made[j++]);
  return out;
}
