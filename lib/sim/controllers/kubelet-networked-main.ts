/**
 * A container whose main command talks to the network — `kubectl run tmp --rm -i --image=curlimages/curl
 * --restart=Never -- curl -s http://web`, or `wget`/`nslookup` as PID 1 — sends its requests once, when the
 * kubelet starts it, as a real process would. Its output and exit are recorded then (PodRuntime.mainRuns), because
 * a main process is otherwise recomputed whenever its log is read (apps/run-container.ts), which would send the
 * requests again on every read and answer each time from the cluster as it is then.
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { Engine, PodRuntime } from '../engine';
import { processArgv, runContainer, runsImageProgram, waitsOnStdin } from '../apps/run-container';
import { appModelFor } from '../apps/registry';
import { networkClient } from '../network/client';
import { KERNEL_CONNECT_TIMEOUT_MS } from '../network/tools/common';
import type { NetworkClient, ShellResult } from '../shell';
import { planContainer, type ContainerPlan } from '../images';

/**
 * Requests one start may send. A main process that keeps polling (`while true; do wget …; sleep 1; done`) would
 * send all its future requests at its start here; past this many the recording is dropped and the process runs as
 * before (its network tools say that a main command's requests aren't simulated; `traffic start` is the tool).
 */
export const MAX_MAIN_PROCESS_REQUESTS = 10;

/** The run recorded at a container's start, when its main command used the network. */
export interface MainRun {
  /** epoch ms the instance started (PodRuntime.started of that instance) */
  startedAt: number;
  result: ShellResult;
}

/** Per container spec object (specs are replaced, never mutated): every pod of a Deployment asks once. */
const mayUseNetworkBySpec = new WeakMap<V1Container, boolean>();

/** Whether the container's PID 1 is a one-shot shell command of an image that ships network tools. */
function mayUseNetwork(c: V1Container): boolean {
  let may = mayUseNetworkBySpec.get(c);
  if (may === undefined) mayUseNetworkBySpec.set(c, (may = mayUseNetworkUncached(c)));
  return may;
}

function mayUseNetworkUncached(c: V1Container): boolean {
  const model = appModelFor(c.image ?? '');
  if (!model?.shell || !model.tools?.length) return false;
  const argv = processArgv(c, model);
  return !runsImageProgram(model, argv) && !waitsOnStdin(c, argv);
}

/** Runs the main command against the live network once; undefined when it made no network call (or too many). */
function runWithNetwork(e: Engine, pod: V1Pod, c: V1Container, startedAt: number): MainRun | undefined {
  const live = networkClient(e, { pod: pod.metadata!.name!, namespace: pod.metadata!.namespace });
  if (!live) return undefined;
  let calls = 0;
  let requests = 0;
  const counted: NetworkClient = {
    nameserver: live.nameserver,
    resolve: (name) => (calls++, live.resolve(name)),
    query: (fqdn, type) => (calls++, live.query(fqdn, type)),
    http: (call) => {
      calls++;
      // past the budget, stop reaching the cluster: the run is dropped anyway
      if (++requests > MAX_MAIN_PROCESS_REQUESTS) return { ok: false, error: 'timeout', ms: KERNEL_CONNECT_TIMEOUT_MS };
      return live.http(call);
    },
  };
  const proc = runContainer(pod, c, startedAt, undefined, counted);
  if (!proc || proc.mode !== 'shell' || calls === 0 || requests > MAX_MAIN_PROCESS_REQUESTS) return undefined;
  return { startedAt, result: proc.result };
}

/** At start: record the network-using main commands among `started` containers (others keep their pure plan). */
export function recordNetworkedMains(e: Engine, rt: PodRuntime, pod: V1Pod, started: readonly V1Container[]): void {
  for (const c of started) {
    const run = mayUseNetwork(c) ? runWithNetwork(e, pod, c, rt.started?.[c.name] ?? e.time) : undefined;
    if (run) rt.mainRuns = { ...rt.mainRuns, [c.name]: run };
    else if (rt.mainRuns?.[c.name]) {
      const { [c.name]: _dropped, ...rest } = rt.mainRuns;
      rt.mainRuns = rest;
    }
  }
}

/** The plan of the running instance of `c`: its recorded run when it has one, else the pure plan. */
export function instancePlan(rt: PodRuntime, c: V1Container, pod: V1Pod): ContainerPlan {
  const run = rt.mainRuns?.[c.name];
  if (run && run.startedAt === rt.started?.[c.name]) return { runMs: run.result.exitAtMs, exitCode: run.result.exitCode };
  return planContainer(c, pod);
}
