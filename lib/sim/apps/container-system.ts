/**
 * The container as `ps`, `free` and `df` see it (lib/sim/shell/system-tools.ts): its processes, its node's memory
 * and disk, and the cgroup files that hold its limits. Pure, from the pod spec and the application model.
 */
import type { V1Container } from '../../k8s/api-types';
import { parseCpuMillis, parseMemoryBytes } from '../../k8s/quantity';
import type { ContainerSystem } from '../shell/system-tools';
import type { AppModel } from './types';

/** The simulated nodes' memory (lib/sim/cluster.ts and kubeadm.ts give every node 4Gi) and a 60 GiB disk. */
const NODE_MEMORY = 4 * 1024 ** 3;
const NODE_DISK = 60 * 1024 ** 3;
/** what the node's OS, kubelet and container runtime hold before any pod: memory and disk */
const NODE_BASE_MEMORY = 900 * 1024 ** 2;
const NODE_BASE_DISK = 9 * 1024 ** 3;
/** cgroup v2's CPU period (cpu.max "QUOTA PERIOD"), 100 ms as the kubelet sets it */
const CPU_PERIOD_US = 100_000;

/**
 * PID 1 and its children: nginx's master forks two workers as user nginx (its start log names workers 29 and 30);
 * any other process is its argv.
 */
function processesOf(argv: readonly string[], model: AppModel, runsProgram: boolean, user: string): ContainerSystem['processes'] {
  if (runsProgram && model.systemTools?.includes('nginx') && argv[0]?.endsWith('nginx')) {
    const worker = { user: 'nginx', args: 'nginx: worker process' };
    return [{ pid: 1, user, args: `nginx: master process ${argv.join(' ')}` }, { pid: 29, ...worker }, { pid: 30, ...worker }];
  }
  return [{ pid: 1, user, args: argv.join(' ') }];
}

/** What the container's tools read; `memoryBytes` is what its main process holds now. */
export function containerSystem(model: AppModel, argv: readonly string[], runsProgram: boolean, imageBytes: number, memoryBytes: number): ContainerSystem {
  return {
    processes: processesOf(argv, model, runsProgram, 'root'),
    nodeMemoryBytes: NODE_MEMORY,
    nodeMemoryUsedBytes: NODE_BASE_MEMORY + memoryBytes,
    diskBytes: NODE_DISK,
    diskUsedBytes: NODE_BASE_DISK + imageBytes,
    ...(model.systemTools?.includes('nginx') && model.version ? { nginxVersion: model.version } : {}),
  };
}

/**
 * /sys/fs/cgroup/memory.max and cpu.max: the container's limits as the kubelet writes them to its cgroup (v2):
 * bytes or "max"; "QUOTA PERIOD" in µs or "max PERIOD"
 * (https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-limits-are-run).
 */
export function cgroupFiles(c: V1Container): Record<string, string> {
  const mem = c.resources?.limits?.memory;
  const cpu = c.resources?.limits?.cpu;
  return {
    '/sys/fs/cgroup/memory.max': `${mem !== undefined ? parseMemoryBytes(mem) : 'max'}\n`,
    '/sys/fs/cgroup/cpu.max': `${cpu !== undefined ? (parseCpuMillis(cpu) * CPU_PERIOD_US) / 1000 : 'max'} ${CPU_PERIOD_US}\n`,
  };
}
