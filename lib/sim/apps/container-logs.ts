/**
 * Container logs as the API server and kubelet serve them (GET /api/v1/namespaces/NS/pods/NAME/log):
 * which container (pkg/registry/core/pod/strategy.go LogLocation), which instance of it — running, last
 * terminated, or `previous` (pkg/kubelet/kubelet_pods.go validateContainerLogStatus) — and the lines that
 * instance's process wrote, filtered by sinceSeconds/sinceTime, tailLines, limitBytes, with RFC3339 nano
 * timestamps (pkg/kubelet/kuberuntime/logs/logs.go). A process's output isn't copied anywhere as it runs:
 * it is recomputed from the pure process model and the instance's start time, so the engine pays nothing per line.
 */
import type { V1Container, V1ContainerStatus, V1Pod } from '../../k8s/api-types';
import { badRequest } from '../../k8s/status';
import { timestampMs } from '../../k8s/age';
import { linesUntil, type ShellResult, type TimedText } from '../shell';
import { runContainer } from './run-container';
import type { PodConfigResolver } from './container-env';

export interface PodLogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC3339 */
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
  /** only lines written after this epoch ms (a follower asking for what is new) */
  after?: number;
}

export interface PodLogResult {
  container: string;
  /** formatted lines (with timestamps when asked) */
  lines: string[];
  /** the instance has stopped: nothing more will be written (a follower stops here) */
  ended: boolean;
  /** epoch ms the log was read up to (pass as `after` to get only newer lines) */
  readUntil: number;
}

/** What a reader will show of lines written by others: times in [from, to], and at most the last `limit` of them. */
export interface LogWindow {
  from: number;
  to: number;
  limit: number;
}

/** Lines kept per container instance, like the kubelet's log rotation keeps a bounded file. */
export const MAX_LOG_LINES = 5_000;

/** Picks the container the request is about, with the API server's messages. */
export function logContainer(pod: V1Pod, name?: string): V1Container {
  const podName = pod.metadata?.name ?? '';
  const containers = pod.spec?.containers ?? [];
  if (!name) {
    if (containers.length === 1) return containers[0];
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${podName}`);
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${containers.map((c) => c.name).join(' ')}]`);
  }
  const found = containers.find((c) => c.name === name);
  if (!found) throw badRequest(`container ${name} is not valid for pod ${podName}`);
  return found;
}

interface Instance {
  startedAt: number;
  /** when it stopped (epoch ms), Infinity while running */
  finishedAt: number;
  image?: string;
}

/** The instance a log request reads, or the kubelet's error for why there is none. */
function logInstance(status: V1ContainerStatus | undefined, container: string, podName: string, previous: boolean): Instance {
  const term = (t: NonNullable<V1ContainerStatus['state']>['terminated']): Instance => ({ startedAt: timestampMs(t?.startedAt), finishedAt: timestampMs(t?.finishedAt) });
  const last = status?.lastState?.terminated;
  const state = status?.state;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return term(last);
  }
  if (state?.running) return { startedAt: timestampMs(state.running.startedAt), finishedAt: Infinity, image: status?.image };
  if (state?.terminated) {
    if (state.terminated.containerID) return term(state.terminated);
    if (last?.containerID) return term(last);
    throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
    return term(last);
  }
  const reason = state?.waiting?.reason ?? 'ContainerCreating';
  const shown = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
  throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${shown}`);
}

/** Two time-ordered line lists as one (stable: at equal times the process's own lines come first). O(a + b). */
function mergeByTime(a: TimedText[], b: TimedText[]): TimedText[] {
  const out: TimedText[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].at <= b[j].at) ? a[i++] : b[j++]);
  return out;
}

/** RFC3339 with nine fractional digits, as the kubelet stamps `--timestamps` lines. */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/**
 * Reads a pod's container log at `now`. `preciseStart` gives the running instance's start in ms (status
 * times keep whole seconds); `written` gives lines the process wrote because something happened to it (the
 * access-log line of each request it served, lib/sim/network), as [epoch ms, text], oldest first — all of them,
 * or only those in the window (a writer that makes lines on demand makes just those). `recorded` gives
 * the run the kubelet recorded at a start when the main command used the network (controllers/kubelet-networked-main.ts).
 * Throws a StatusError (400) with the API server's or kubelet's message.
 */
export function readPodLog(pod: V1Pod, now: number, opts: PodLogOptions = {}, preciseStart?: (container: string) => number | undefined, resolver?: PodConfigResolver, written?: (container: string, window: LogWindow) => readonly [number, string][] | undefined, recorded?: (container: string) => { startedAt: number; result: ShellResult } | undefined): PodLogResult {
  const podName = pod.metadata?.name ?? '';
  const c = logContainer(pod, opts.container);
  const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
  const inst = logInstance(status, c.name, podName, !!opts.previous);
  const precise = inst.finishedAt === Infinity ? preciseStart?.(c.name) : undefined;
  // the kubelet's own ms start time, when it belongs to this instance (status times are whole seconds)
  const run = recorded?.(c.name);
  const ofThisInstance = (ms: number | undefined): ms is number => ms !== undefined && ms >= inst.startedAt && ms < inst.startedAt + 1000;
  const startedAt = ofThisInstance(run?.startedAt) ? run!.startedAt : ofThisInstance(precise) ? precise : inst.startedAt;
  const proc = runContainer(pod, c, startedAt, resolver);
  if (proc && run?.startedAt === startedAt) proc.result = run.result;
  const exitAt = startedAt + (proc?.result.exitAtMs ?? Infinity);
  // a process that ended by itself wrote up to its exit; a killed one up to its (whole-second) finish time
  const end = Math.min(now, inst.finishedAt === Infinity ? Infinity : Math.max(inst.finishedAt + 999, exitAt === Infinity ? 0 : exitAt), exitAt);
  let lines: TimedText[] = proc ? linesUntil(proc.result, startedAt, end, MAX_LOG_LINES) : [];
  const sinceAsked = opts.sinceTime ? Date.parse(opts.sinceTime) : opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : undefined;
  const since = sinceAsked !== undefined && !Number.isNaN(sinceAsked) ? sinceAsked : undefined;
  // the writer is told the window and how many lines can survive the tail, so it never makes more than are shown
  const limit = opts.tailLines !== undefined && opts.tailLines >= 0 ? Math.min(opts.tailLines, MAX_LOG_LINES) : MAX_LOG_LINES;
  // a follower's `after` too: it reads often, and only what is new (lines are stamped in whole ms)
  const from = Math.max(startedAt, since ?? -Infinity, opts.after !== undefined ? Math.floor(opts.after) + 1 : -Infinity);
  const extra = written?.(c.name, { from, to: end, limit })?.filter(([at]) => at >= startedAt && at <= end);
  if (extra?.length) lines = mergeByTime(lines, extra.map(([at, text]) => ({ at, text }))).slice(-MAX_LOG_LINES);
  if (since !== undefined) lines = lines.filter((l) => l.at >= since);
  if (opts.after !== undefined) lines = lines.filter((l) => l.at > opts.after!);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tailLines));
  let text = lines.map((l) => (opts.timestamps ? `${logTimestamp(l.at)} ${l.text}` : l.text));
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0) {
    let budget = opts.limitBytes;
    const kept: string[] = [];
    for (const t of text) {
      if (budget <= 0) break;
      kept.push(t.length + 1 <= budget ? t : t.slice(0, budget));
      budget -= t.length + 1;
    }
    text = kept;
  }
  const ended = inst.finishedAt !== Infinity || exitAt <= now;
  return { container: c.name, lines: text, ended, readUntil: Math.min(now, end) };
}
