/**
 * CPU a container's process wants (its demand) and what the kernel lets it use. Demand comes from the
 * application model: an image's program burns `cpu.idleMillicores` (a server waiting for work), `stress` keeps
 * one core busy per `--cpu`/`--vm` worker, a sleeping shell burns nothing. A CPU limit becomes a CFS quota of
 * limit × 100 ms per 100 ms period; a process that wants more is throttled for the rest of each period, so its
 * usage is capped at the limit (https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-limits-are-run).
 * Pure: the same container, instance and sample time always give the same figures.
 */
import type { V1Container } from '../../k8s/api-types';
import { parseCpuMillis } from '../../k8s/quantity';
import { fnv32a } from '../../k8s/names';
import type { ContainerProcess } from '../apps/run-container';

export const NANO_PER_MILLI = 1_000_000;
const CORE = 1000 * NANO_PER_MILLI;

/** Idle CPU of a server whose image gives none: a process blocked in epoll wakes for timers only. */
const DEFAULT_SERVER_IDLE_MILLI = 1;
/** A shell loop (`while true; do echo …; sleep 1; done`) forks a little every second. */
const SHELL_LOOP_NANO = 400_000;
/** What one `stress` worker of each kind burns: cpu and vm workers spin (sqrt / malloc-touch-free), io workers mostly wait in sync(). */
const STRESS_WORKER_NANO: Record<string, number> = { cpu: CORE, vm: CORE, io: 30 * NANO_PER_MILLI, hdd: 300 * NANO_PER_MILLI };
const STRESS_SHORT: Record<string, string> = { c: 'cpu', m: 'vm', i: 'io', d: 'hdd' };

/** `stress --cpu 2 --vm 1` → { cpu: 2, vm: 1 } (stress accepts `--cpu 2`, `--cpu=2` and `-c 2`). */
export function stressWorkers(argv: readonly string[]): Record<string, number> {
  const workers: Record<string, number> = {};
  for (let i = 1; i < argv.length; i++) {
    const m = /^(?:--(cpu|vm|io|hdd)|-([cmid]))(?:=(\d+))?$/.exec(argv[i]);
    if (!m) continue;
    const kind = m[1] ?? STRESS_SHORT[m[2]];
    const n = parseInt(m[3] ?? argv[i + 1] ?? '', 10);
    if (n > 0) workers[kind] = n;
  }
  return workers;
}

/**
 * A small deterministic wobble (±25 %) around an idle figure, different per container and per sample, so an idle
 * cluster doesn't print the same number in every row — real idle usage is noise around a mean.
 */
function wobble(nanocores: number, key: string): number {
  return Math.round(nanocores * (0.75 + (fnv32a(key) % 1000) / 2000));
}

/** Nanocores the process would use if nothing held it back. `sampleKey` names the container and sample time. */
export function cpuDemandNanocores(proc: ContainerProcess, sampleKey: string): number {
  if (proc.mode === 'startError') return 0;
  if (proc.mode === 'shell') return /\b(while|until|for)\b/.test(proc.argv.join(' ')) ? wobble(SHELL_LOOP_NANO, sampleKey) : 0;
  const prog = (proc.argv[0] ?? '').split('/').pop();
  if (prog === 'stress') {
    const workers = stressWorkers(proc.argv);
    return Object.entries(workers).reduce((sum, [kind, n]) => sum + n * STRESS_WORKER_NANO[kind], 0);
  }
  return wobble((proc.model?.cpu?.idleMillicores ?? DEFAULT_SERVER_IDLE_MILLI) * NANO_PER_MILLI, sampleKey);
}

export interface CpuUse {
  usageNanocores: number;
  demandNanocores: number;
  /** the CFS quota held the process back: it wanted more than its limit */
  throttled: boolean;
}

/** Demand capped by the container's CPU limit (the CFS quota) and by the node's CPUs. */
export function cpuUse(c: V1Container, demandNanocores: number, nodeCpuNanocores = Infinity): CpuUse {
  const limitMilli = c.resources?.limits?.cpu !== undefined ? parseCpuMillis(c.resources.limits.cpu) : undefined;
  const quota = limitMilli !== undefined && limitMilli > 0 ? limitMilli * NANO_PER_MILLI : Infinity;
  const usage = Math.min(demandNanocores, quota, nodeCpuNanocores);
  return { usageNanocores: usage, demandNanocores, throttled: demandNanocores > quota };
}
