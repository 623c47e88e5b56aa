/**
 * The application model seen from the kubelet's prober and OOM check (PROBE-CONTRACT.md): a container's ports
 * accept connections once its app is ready and until its process exits; HTTP paths answer as the model says;
 * exec probes run through the container shell; memory follows the model (idle, growing for a leak, held for
 * `stress --vm-bytes`). Pure: the same pod, container and time always give the same answer.
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { timestampMs } from '../../k8s/age';
import { runArgv } from '../shell';
import { isShellCommand } from '../shell/commands';
import { renderTemplate } from './render';
import { runContainer, type ContainerProcess } from './run-container';
import type { ContainerProcessView, MemoryChangePoints, ProcessViewFactory } from '../prober/process-view';
import type { AppModel, HttpAnswer } from './types';

/** Paths a "broken" build fails once its failsHealthAfterMs has passed. */
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/health']);

/** The path a route is looked up by: the request's, without its query ('/' when empty). */
export const routePath = (path: string) => path.split('?')[0] || '/';

/** Whether `path` (a route path) is one a "broken" build starts failing after a while: its answer depends on the start time. */
export const answerCanFail = (model: AppModel | undefined, path: string) => model?.failsHealthAfterMs !== undefined && HEALTH_PATHS.has(path);

const NOT_FOUND: HttpAnswer = { status: 404, body: '404 page not found\n' };

/** The route answering `path` (a route path): its status and body template, or Go's plain 404 when none does. */
export const routeOf = (model: AppModel | undefined, path: string): HttpAnswer => model?.routes?.[path] ?? model?.routes?.['*'] ?? NOT_FOUND;

/** When this container instance started: its running state, or 0 when it isn't running. */
function startedAtOf(pod: V1Pod, c: V1Container): number {
  const s = pod.status?.containerStatuses?.find((x) => x.name === c.name)?.state?.running?.startedAt;
  const t = timestampMs(s);
  return Number.isNaN(t) ? 0 : t;
}

/** Memory is sampled in whole seconds after start, so a growing process changes at most once a second. */
function memoryAt(proc: ContainerProcess, startedAt: number, now: number): number {
  const { idleBytes, growBytesPerSec, capBytes } = proc.memory;
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  const grown = idleBytes + growBytesPerSec * seconds;
  return capBytes !== undefined ? Math.min(grown, capBytes) : grown;
}

/** The container's files `elapsed` ms after it started: its mounts and image files, plus what its process wrote. */
function filesAt(proc: ContainerProcess, elapsed: number): Readonly<Record<string, string>> {
  const changes = proc.result.fileChanges;
  if (!changes?.length || changes[0].at > elapsed) return proc.shellInput.files;
  const files: Record<string, string> = { ...proc.shellInput.files };
  for (const c of changes) {
    if (c.at > elapsed) break;
    if (c.content === null) delete files[c.path];
    else files[c.path] = c.content;
  }
  return files;
}

/**
 * The next instant after `now` at which what this process answers on its ports changes by itself, with no write to
 * the cluster: it starts listening (startedAt + readyAfterMs), exits (its ports close), or its health paths turn
 * to 500 (failsHealthAfterMs). Undefined when nothing more changes. The load generator (network/load-plan.ts) keeps
 * its counts exact without ticking by waking at this instant. O(1).
 */
export function nextAnswerChange(proc: ContainerProcess, startedAt: number, now: number): number | undefined {
  let next = later(startedAt + proc.readyAfterMs, now, undefined);
  next = later(startedAt + proc.result.exitAtMs, now, next);
  return proc.model?.failsHealthAfterMs === undefined ? next : later(startedAt + proc.model.failsHealthAfterMs, now, next);
}

/** `t` if it is a finite instant after `now` and before `next` (or there is no `next`), else `next`. */
const later = (t: number, now: number, next: number | undefined) => (t > now && Number.isFinite(t) && (next === undefined || t < next) ? t : next);

export function processViewOf(proc: ContainerProcess, startedAt: number): ContainerProcessView & MemoryChangePoints {
  const exitAt = startedAt + proc.result.exitAtMs;
  const listening = (port: number, now: number) => proc.ports.includes(port) && now >= startedAt + proc.readyAfterMs && now < exitAt;
  return {
    startedAt,
    tcpOpen: listening,
    httpGet(path, port, now) {
      if (!listening(port, now)) return null;
      const clean = routePath(path);
      const model = proc.model;
      if (answerCanFail(model, clean) && now >= startedAt + model!.failsHealthAfterMs!) return { status: 500, body: 'unhealthy\n' };
      const answer = routeOf(model, clean);
      return { status: answer.status, body: answer === NOT_FOUND ? answer.body : renderTemplate(answer.body, { ...proc.vars, path: clean }, now) };
    },
    exec(command, now) {
      const prog = (command[0] ?? '').split('/').pop() ?? '';
      if (now >= exitAt) return { exitCode: 126, output: 'container is not running\n' };
      if (!proc.model?.shell || !isShellCommand(prog, proc.shellInput)) return { exitCode: 126, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0] ?? ''}": executable file not found in $PATH: unknown\n` };
      const r = runArgv(command, { ...proc.shellInput, files: filesAt(proc, now - startedAt), startedAt: now });
      return { exitCode: r.exitCode, output: r.lines.map((l) => `${l.text}\n`).join('') };
    },
    memoryBytes: (now) => memoryAt(proc, startedAt, now),
    nextMemoryChange(now) {
      const { growBytesPerSec, capBytes, idleBytes } = proc.memory;
      if (growBytesPerSec === 0 || now >= exitAt) return undefined;
      if (capBytes !== undefined && memoryAt(proc, startedAt, now) >= capBytes) return undefined;
      if (capBytes !== undefined && capBytes <= idleBytes) return undefined;
      return startedAt + (Math.floor((now - startedAt) / 1000) + 1) * 1000;
    },
  };
}

/** What the prober and OOM check see of `container` in `pod`, from the application model. */
export const appProcessView: ProcessViewFactory = (pod, container) => {
  const startedAt = startedAtOf(pod, container);
  const proc = runContainer(pod, container, startedAt);
  if (!proc) {
    // an image that isn't in the registry never runs: nothing listens, nothing answers
    return { startedAt, tcpOpen: () => false, httpGet: () => null, exec: () => ({ exitCode: 126, output: 'container is not running\n' }), memoryBytes: () => 0 };
  }
  return processViewOf(proc, startedAt);
};
