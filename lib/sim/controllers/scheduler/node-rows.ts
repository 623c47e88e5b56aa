/**
 * What the scheduler keeps per node for its filter loop (which runs nodes × pods times): the node, its parsed
 * allocatable and its usage record, and the filters that read only the pod's spec and the node.
 */
import type { V1Node, V1Pod } from '../../../k8s/api-types';
import { parseCpuMillis, parseMemoryBytes } from '../../../k8s/quantity';
import { ERR_NODE_AFFINITY, nodeAffinityFits } from './node-affinity';
import { tolerates } from './taint-toleration';

/** Requests of the pods counted on a node; nz* use the scheduler's non-zero defaults for pods without requests. */
export interface Usage {
  cpu: number;
  memory: number;
  pods: number;
  nzCpu: number;
  nzMemory: number;
}

export interface Allocatable {
  cpu: number;
  memory: number;
  pods: number;
}

export interface NodeRow {
  node: V1Node;
  usage: Usage;
  alloc: Allocatable;
  /**
   * The node's name and labels, read once per node table: the per-node loops read them for every pod, and on the
   * Node objects themselves (shapes differ between nodes) each read was a megamorphic property lookup.
   */
  name: string;
  labels: ReadonlyMap<string, string>;
  /** the `kubernetes.io/hostname` label, read once: the default spreading reads it for every pod and feasible node */
  hostname: string | undefined;
  /** whether the node has taints at all (TaintToleration's score only looks then) */
  tainted: boolean;
}

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** A node table row: the node with its usage record and what the loops read of it, parsed once. */
export function nodeRow(node: V1Node, usage: Usage): NodeRow {
  const labels = new Map(Object.entries(node.metadata?.labels ?? {}));
  return { node, usage, alloc: allocatable(node), name: node.metadata!.name!, labels, hostname: labels.get(HOSTNAME_LABEL), tainted: !!node.spec?.taints?.length };
}

/** Why a filter rejects a node: the reasons it counts, whether preemption could help, the taint it names. */
export interface Rejection {
  reasons: string[];
  unresolvable: boolean;
  taint?: string;
}

/** NodeUnschedulable, TaintToleration and NodeAffinity, in the framework's order: the first rejection counts. */
export function staticFilter(pod: V1Pod, node: V1Node): Rejection | undefined {
  const tolerations = pod.spec?.tolerations;
  if (node.spec?.unschedulable && !tolerates(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  for (const t of node.spec?.taints ?? []) {
    if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
    // Since the 2025 security fix the message no longer names the taint; the Korean cause does.
    if (!tolerates(tolerations, t)) return { reasons: ['node(s) had untolerated taint(s)'], taint: `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`, unresolvable: true };
  }
  if (!nodeAffinityFits(pod, node)) return { reasons: [ERR_NODE_AFFINITY], unresolvable: true };
  return undefined;
}

const allocCache = new WeakMap<object, Allocatable>();
/** Parsed node allocatable, cached per status object (nodes change rarely; pods are scheduled often). */
function allocatable(node: V1Node): Allocatable {
  const a = node.status?.allocatable ?? {};
  let hit = allocCache.get(a);
  if (!hit) allocCache.set(a, (hit = { cpu: parseCpuMillis(a.cpu), memory: parseMemoryBytes(a.memory), pods: Number(a.pods ?? 110) }));
  return hit;
}
