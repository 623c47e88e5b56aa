/**
 * What a container uses at a given instant, read from the application model (no state, no timers): the instance
 * of the container that was running then (its running state, or the run that has since ended — the last
 * terminated state), its process (apps/run-container.ts), its resident memory (apps/process-view.ts) and its CPU
 * (cpu.ts). Cost: one process run per container read, cached per container instance.
 */
import type { V1Container, V1ContainerStatus, V1Pod } from '../../k8s/api-types';
import { timestampMs } from '../../k8s/age';
import { runContainer, type ContainerProcess } from '../apps/run-container';
import { processViewOf } from '../apps/process-view';
import { programKey } from '../apps/plan';
import { cpuDemandNanocores, cpuUse, type CpuUse } from './cpu';

/** The kernel accounts a cgroup's working set in whole pages. */
const PAGE_BYTES = 4096;

export interface ContainerUsage extends CpuUse {
  name: string;
  /** when this container instance started (epoch ms, second precision as in its status) */
  startedAt: number;
  /** working set, whole pages */
  memoryBytes: number;
}

/** Start time of the instance of `status`'s container that was running at `t`, if one was. */
export function instanceStartedAt(status: V1ContainerStatus | undefined, t: number): number | undefined {
  if (!status) return undefined;
  const running = timestampMs(status.state?.running?.startedAt);
  if (running <= t) return running;
  for (const ended of [status.state?.terminated, status.lastState?.terminated]) {
    const start = timestampMs(ended?.startedAt);
    if (start <= t && t < timestampMs(ended?.finishedAt)) return start;
  }
  return undefined;
}

/** Processes by image program, else by `uid/container/startedAt`: a container instance runs one process for its whole life. */
const processes = new Map<string, ContainerProcess | null>();
const MAX_CACHED = 20_000;
/** programKey per container spec object (stored objects are replaced, not mutated, on every write) */
const programKeys = new WeakMap<V1Container, string | null>();

function processOf(pod: V1Pod, c: V1Container, startedAt: number): ContainerProcess | undefined {
  // an image's own program uses the same CPU and memory in every pod (plan.ts shares its plan the same way)
  let program = programKeys.get(c);
  if (program === undefined) programKeys.set(c, (program = programKey(c) ?? null));
  const key = program ?? `${pod.metadata?.uid ?? pod.metadata?.name}/${c.name}/${startedAt}`;
  let proc = processes.get(key);
  if (proc === undefined) {
    if (processes.size >= MAX_CACHED) processes.clear();
    proc = runContainer(pod, c, startedAt) ?? null;
    processes.set(key, proc);
  }
  return proc ?? undefined;
}

/** Usage of container `c` of `pod` at `t`, or undefined when no instance of it was running then. */
export function containerUsageAt(pod: V1Pod, c: V1Container, t: number, nodeCpuNanocores?: number): ContainerUsage | undefined {
  const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
  const startedAt = instanceStartedAt(status, t);
  if (startedAt === undefined) return undefined;
  const proc = processOf(pod, c, startedAt);
  if (!proc || t >= startedAt + proc.result.exitAtMs) return undefined;
  const memory = processViewOf(proc, startedAt).memoryBytes(t);
  const demand = cpuDemandNanocores(proc, `${pod.metadata?.uid}/${c.name}/${t}`);
  return { name: c.name, startedAt, memoryBytes: Math.ceil(memory / PAGE_BYTES) * PAGE_BYTES, ...cpuUse(c, demand, nodeCpuNanocores) };
}

/** Usage of every container of `pod` that was running at `t` (spec order). */
export function podUsageAt(pod: V1Pod, t: number, nodeCpuNanocores?: number): ContainerUsage[] {
  const out: ContainerUsage[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const u = containerUsageAt(pod, c, t, nodeCpuNanocores);
    if (u) out.push(u);
  }
  return out;
}
