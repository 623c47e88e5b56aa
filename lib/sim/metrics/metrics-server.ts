/**
 * metrics-server, computed on read: PodMetrics and NodeMetrics (metrics.k8s.io/v1beta1) as they stand after its
 * latest scrape. metrics-server scrapes every kubelet every --metric-resolution (15 s) and keeps the last two
 * points; CPU is the difference of the cumulative counter over the window between them, memory the working set
 * at the last point (sigs.k8s.io/metrics-server pkg/storage/pod.go, node.go, types.go resourceUsage). So:
 *  - a container shows up at the first scrape at least 10 s after it started (freshContainerMinMetricsResolution;
 *    its start is then the window's first point), and a pod only once all its running containers do;
 *  - a node needs two scrapes (window = 15 s); a node whose kubelet is down is not scraped.
 * Scrapes happen at whole multiples of the resolution on the cluster clock, so the answer depends only on the
 * stored objects and the time: nothing runs per tick.
 */
import type { V1Node, V1Pod } from '../../k8s/api-types';
import { formatMemory, parseCpuMillis } from '../../k8s/quantity';
import { NANO_PER_MILLI } from './cpu';
import { podUsageAt, type ContainerUsage } from './usage';

export const METRIC_RESOLUTION_MS = 15_000;
export const FRESH_CONTAINER_MIN_MS = 10_000;
/** What a node's own processes (kernel, systemd, containerd, kubelet) use besides its pods. */
export const NODE_SYSTEM_CPU_NANOCORES = 38 * NANO_PER_MILLI;
export const NODE_SYSTEM_MEMORY_BYTES = 412 * 1024 * 1024;

export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1';

export interface Usage {
  cpu: string;
  memory: string;
}

export interface PodMetrics {
  kind: 'PodMetrics';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: { name: string; namespace: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  containers: { name: string; usage: Usage }[];
}

export interface NodeMetrics {
  kind: 'NodeMetrics';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: Usage;
}

/** The latest scrape at or before `now`. */
export const lastScrapeAt = (now: number): number => Math.floor(now / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS;

/** resource.Quantity of `n` nanocores in canonical DecimalSI form, as metrics-server serialises CPU: `1234567n`, `500m`, `2`. */
export function nanocoresQuantity(n: number): string {
  const v = Math.max(0, Math.round(n));
  if (v === 0) return '0';
  for (const [scale, suffix] of [[1e9, ''], [1e6, 'm'], [1e3, 'u']] as const) if (v % scale === 0) return `${v / scale}${suffix}`;
  return `${v}n`;
}

/** metav1.Duration as Go's time.Duration.String() prints whole and fractional seconds: `15s`, `12.5s`. */
export const goDuration = (ms: number): string => `${+(ms / 1000).toFixed(3)}s`;

/** metav1.Time: RFC 3339 in UTC, whole seconds. */
const rfc3339 = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const usageOf = (cpuNanocores: number, memoryBytes: number): Usage => ({ cpu: nanocoresQuantity(cpuNanocores), memory: formatMemory(memoryBytes) });

/** The node's CPUs in nanocores (a container can't use more than the node has). */
export const nodeCpuNanocores = (node: V1Node | undefined): number | undefined =>
  node?.status?.capacity?.cpu !== undefined ? parseCpuMillis(node.status.capacity.cpu) * NANO_PER_MILLI : undefined;

/**
 * The pod's PodMetrics as metrics-server serves it at `now`, or undefined when it has none yet (not scheduled,
 * nothing running at the last scrape, a container too fresh, or its node's kubelet unreachable).
 */
export function podMetricsAt(pod: V1Pod, now: number, node: V1Node | undefined, nodeDown: boolean): PodMetrics | undefined {
  if (!pod.spec?.nodeName || nodeDown) return undefined;
  const at = lastScrapeAt(now);
  const used = podUsageAt(pod, at, nodeCpuNanocores(node));
  if (used.length === 0 || used.some((u) => at - u.startedAt < FRESH_CONTAINER_MIN_MS)) return undefined;
  const window = Math.min(...used.map((u) => Math.min(at - u.startedAt, METRIC_RESOLUTION_MS)));
  const labels = pod.metadata?.labels;
  return {
    kind: 'PodMetrics',
    apiVersion: METRICS_API_VERSION,
    metadata: { name: pod.metadata!.name!, namespace: pod.metadata!.namespace ?? 'default', creationTimestamp: rfc3339(now), ...(labels ? { labels: { ...labels } } : {}) },
    timestamp: rfc3339(at),
    window: goDuration(window),
    containers: used.map((u) => ({ name: u.name, usage: usageOf(u.usageNanocores, u.memoryBytes) })),
  };
}

/** The node's usage at `t`: its pods' running containers plus the node's own processes, within its capacity. */
export function nodeUsageAt(node: V1Node, pods: Iterable<V1Pod>, t: number): { cpuNanocores: number; memoryBytes: number } {
  const cpus = nodeCpuNanocores(node);
  let cpu = NODE_SYSTEM_CPU_NANOCORES;
  let memory = NODE_SYSTEM_MEMORY_BYTES;
  for (const pod of pods) {
    for (const u of podUsageAt(pod, t, cpus)) {
      cpu += u.usageNanocores;
      memory += u.memoryBytes;
    }
  }
  return { cpuNanocores: cpus !== undefined ? Math.min(cpu, cpus) : cpu, memoryBytes: memory };
}

/** The node's NodeMetrics at `now`, or undefined before metrics-server has two scrapes of it or while its kubelet is down. */
export function nodeMetricsAt(node: V1Node, pods: Iterable<V1Pod>, now: number, downSince: number | undefined): NodeMetrics | undefined {
  const at = lastScrapeAt(now);
  const created = Date.parse(String(node.metadata?.creationTimestamp ?? ''));
  if (!(created <= at - METRIC_RESOLUTION_MS)) return undefined;
  if (downSince !== undefined && downSince <= at) return undefined;
  const used = nodeUsageAt(node, pods, at);
  const labels = node.metadata?.labels;
  return {
    kind: 'NodeMetrics',
    apiVersion: METRICS_API_VERSION,
    metadata: { name: node.metadata!.name!, creationTimestamp: rfc3339(now), ...(labels ? { labels: { ...labels } } : {}) },
    timestamp: rfc3339(at),
    window: goDuration(METRIC_RESOLUTION_MS),
    usage: usageOf(used.cpuNanocores, used.memoryBytes),
  };
}

export type { ContainerUsage };
