/**
 * Group pods by the node they run on (plus the pending lane), in stable creation order, and sum what
 * each node has promised away. Arrays that did not change keep their identity, so a node box whose
 * pods are untouched does not re-render. O(pods + nodes) per call.
 */
import { podPassesFilter, type PodFilter } from './pod-filter';
import type { PodView } from './projection';

export interface NodeUsage {
  cpuRequestMilli: number;
  memoryRequestBytes: number;
  pods: number;
}

export interface PodGroups {
  podIdsByNode: Readonly<Record<string, readonly string[]>>;
  pendingPodIds: readonly string[];
  /** Visible pods per controlling owner ("ReplicaSet/ns/name"); owner-less pods under "". */
  podIdsByOwner: Readonly<Record<string, readonly string[]>>;
  visiblePodCount: number;
  /** Requests of all scheduled, unfinished pods per node, whatever the filter (the scheduler sees them all). */
  usageByNode: Readonly<Record<string, NodeUsage>>;
}

export const EMPTY_GROUPS: PodGroups = { podIdsByNode: {}, pendingPodIds: [], podIdsByOwner: {}, visiblePodCount: 0, usageByNode: {} };

function sameIds(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function reuseUnchanged(next: Record<string, string[]>, prev: Readonly<Record<string, readonly string[]>>) {
  const out: Record<string, readonly string[]> = {};
  for (const [k, ids] of Object.entries(next)) out[k] = sameIds(prev[k], ids) ? prev[k] : ids;
  return out;
}

/** Same requested totals (a node box's usage bars would draw the same). */
export function sameUsage(a: NodeUsage | undefined, b: NodeUsage): boolean {
  return !!a && a.cpuRequestMilli === b.cpuRequestMilli && a.memoryRequestBytes === b.memoryRequestBytes && a.pods === b.pods;
}

/**
 * @param pods every pod, in the order tiles should appear (creation order)
 * @param nodeNames known nodes; each gets an entry even when empty
 * @param prev the previous result, whose unchanged arrays are reused
 */
export function groupPods(pods: Iterable<PodView>, nodeNames: readonly string[], filter: PodFilter, prev: PodGroups = EMPTY_GROUPS): PodGroups {
  const byNode: Record<string, string[]> = {};
  const usage: Record<string, NodeUsage> = {};
  for (const n of nodeNames) {
    byNode[n] = [];
    usage[n] = { cpuRequestMilli: 0, memoryRequestBytes: 0, pods: 0 };
  }
  const pending: string[] = [];
  const byOwner: Record<string, string[]> = {};
  let visible = 0;
  for (const p of pods) {
    const node = p.nodeName;
    if (node !== null && p.status.tone !== 'completed') {
      const u = (usage[node] ??= { cpuRequestMilli: 0, memoryRequestBytes: 0, pods: 0 });
      u.cpuRequestMilli += p.cpuRequestMilli;
      u.memoryRequestBytes += p.memoryRequestBytes;
      u.pods++;
    }
    if (!podPassesFilter(p, filter)) continue;
    visible++;
    if (node === null) pending.push(p.key);
    else (byNode[node] ??= []).push(p.key);
    (byOwner[p.owner ? `${p.owner.kind}/${p.namespace}/${p.owner.name}` : ''] ??= []).push(p.key);
  }
  const podIdsByNode = reuseUnchanged(byNode, prev.podIdsByNode);
  const podIdsByOwner = reuseUnchanged(byOwner, prev.podIdsByOwner);
  const usageByNode: Record<string, NodeUsage> = {};
  for (const [n, u] of Object.entries(usage)) usageByNode[n] = sameUsage(prev.usageByNode[n], u) ? prev.usageByNode[n] : u;
  return {
    podIdsByNode,
    pendingPodIds: sameIds(prev.pendingPodIds, pending) ? prev.pendingPodIds : pending,
    podIdsByOwner,
    visiblePodCount: visible,
    usageByNode,
  };
}

/** Natural order of names, made once: localeCompare with options builds a collator on every call. */
const NATURAL = new Intl.Collator('en', { numeric: true });

/** Control plane first, then workers in natural order (worker-2 before worker-10). */
export function orderNodeNames(nodes: Iterable<{ name: string; role: string }>): string[] {
  const list = [...nodes];
  list.sort((a, b) => {
    if (a.role !== b.role) return a.role === 'control-plane' ? -1 : 1;
    return NATURAL.compare(a.name, b.name);
  });
  return list.map((n) => n.name);
}
