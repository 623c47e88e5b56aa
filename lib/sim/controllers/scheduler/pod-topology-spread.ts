/**
 * The PodTopologySpread plugin (pkg/scheduler/framework/plugins/podtopologyspread): DoNotSchedule
 * constraints filter (filtering.go), ScheduleAnyway constraints — or, for a pod without constraints,
 * the system defaults over the selectors of its Services and ReplicaSet — score (scoring.go).
 * Counted pods: running, not terminating, in the pod's namespace, selected by the constraint, on nodes that
 * pass the pod's node affinity (nodeAffinityPolicy Honor) and, with nodeTaintsPolicy Honor, tolerate them.
 * Cost: one pass over placed pods and nodes, O((pods + nodes) × constraints), only for pods with constraints.
 */
import type { V1Node, V1Pod, V1TopologySpreadConstraint } from '@kubernetes/client-node';
import { matchesLabelSelector, fromLabelSelectorObject, type LabelSelector } from '../../../k8s/selectors';
import { nodeAffinityFits } from './node-affinity';
import { tolerates } from './taint-toleration';

export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
export const ERR_SPREAD_LABEL = `${ERR_SPREAD} (missing required label)`;
const HOSTNAME = 'kubernetes.io/hostname';

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  /** undefined = the nil selector, which selects nothing */
  selector?: LabelSelector;
  minDomains: number;
  honorTaints: boolean;
}

/**
 * pkg/scheduler/apis/config/v1/defaults.go: the "System" defaulting — hostname maxSkew 3 and zone maxSkew 5,
 * both ScheduleAnyway.
 */
const SYSTEM_DEFAULTS = [
  { topologyKey: HOSTNAME, maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
];

const toConstraint = (c: V1TopologySpreadConstraint): Constraint => ({
  maxSkew: c.maxSkew,
  topologyKey: c.topologyKey,
  selector: c.labelSelector ? fromLabelSelectorObject(c.labelSelector) : undefined,
  minDomains: c.minDomains ?? 1,
  honorTaints: c.nodeTaintsPolicy === 'Honor',
});

export interface SpreadState {
  hard: Constraint[];
  soft: Constraint[];
  systemDefaulted: boolean;
  /** per hard constraint: matching pods per domain value (every eligible domain present, maybe 0) */
  hardCounts: Map<string, number>[];
  /** per soft constraint: domain value and matching pods per eligible node name */
  softPerNode: Map<string, { value: string; count: number }>[];
  selfMatch: boolean[];
}

/**
 * The pod's constraints split by whenUnsatisfiable. `defaultSelector` gives the merged selector of the
 * pod's Services/ReplicaSet (helper.DefaultSelector) and is only called when the pod sets none.
 */
export function spreadConstraintsOf(pod: V1Pod, defaultSelector: () => LabelSelector | undefined): Pick<SpreadState, 'hard' | 'soft' | 'systemDefaulted'> {
  const given = pod.spec?.topologySpreadConstraints ?? [];
  if (given.length)
    return {
      hard: given.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map(toConstraint),
      soft: given.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway').map(toConstraint),
      systemDefaulted: false,
    };
  const selector = defaultSelector();
  // an empty default selector means no owner: upstream skips default spreading then
  if (!selector?.requirements.length) return { hard: [], soft: [], systemDefaulted: true };
  return { hard: [], soft: SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: 1, honorTaints: false })), systemDefaulted: true };
}

const hasKey = (node: V1Node, key: string) => Object.prototype.hasOwnProperty.call(node.metadata?.labels ?? {}, key);
const valueOf = (node: V1Node, key: string) => node.metadata!.labels![key];

function eligible(pod: V1Pod, node: V1Node, c: Constraint): boolean {
  if (!hasKey(node, c.topologyKey) || !nodeAffinityFits(pod, node)) return false;
  if (!c.honorTaints) return true;
  return (node.spec?.taints ?? []).every((t) => (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') || tolerates(pod.spec?.tolerations, t));
}

/**
 * Counts matching pods per node and per domain, once per scheduling attempt. `countsPerNode` gives the
 * non-terminating placed pods of the namespace a selector selects, per node — O(nodes × constraints).
 */
export function prepareSpread(pod: V1Pod, constraints: Pick<SpreadState, 'hard' | 'soft' | 'systemDefaulted'>, nodes: Iterable<V1Node>, countsPerNode: (namespace: string, selector: LabelSelector) => ReadonlyMap<string, number>): SpreadState {
  const all = [...constraints.hard, ...constraints.soft];
  const ns = pod.metadata?.namespace ?? 'default';
  const perNode = all.map(() => new Map<string, number>());
  const nodeList = [...nodes];
  all.forEach((c, i) => {
    const counts = c.selector ? countsPerNode(ns, c.selector) : undefined;
    for (const n of nodeList) if (eligible(pod, n, c)) perNode[i].set(n.metadata!.name!, counts?.get(n.metadata!.name!) ?? 0);
  });
  const byName = new Map(nodeList.map((n) => [n.metadata!.name!, n]));
  const hardCounts = constraints.hard.map((c, i) => {
    const domains = new Map<string, number>();
    for (const [name, count] of perNode[i]) {
      const v = valueOf(byName.get(name)!, c.topologyKey);
      domains.set(v, (domains.get(v) ?? 0) + count);
    }
    return domains;
  });
  return {
    ...constraints,
    hardCounts,
    softPerNode: constraints.soft.map((c, i) => {
      const m = new Map<string, { value: string; count: number }>();
      for (const [name, count] of perNode[constraints.hard.length + i]) m.set(name, { value: valueOf(byName.get(name)!, c.topologyKey), count });
      return m;
    }),
    selfMatch: all.map((c) => !!c.selector && matchesLabelSelector(c.selector, pod.metadata?.labels ?? {})),
  };
}

/** filtering.go Filter: skew = matching pods in the node's domain + self − global minimum must stay ≤ maxSkew. */
export function spreadFilter(node: V1Node, s: SpreadState): { reason: string; unresolvable: boolean } | undefined {
  for (let i = 0; i < s.hard.length; i++) {
    const c = s.hard[i];
    if (!hasKey(node, c.topologyKey)) return { reason: ERR_SPREAD_LABEL, unresolvable: true };
    const counts = s.hardCounts[i];
    // fewer domains than minDomains: the global minimum is taken as 0
    let min = counts.size < c.minDomains ? 0 : Infinity;
    for (const n of counts.values()) min = Math.min(min, n);
    if (min === Infinity) min = 0;
    const skew = (counts.get(valueOf(node, c.topologyKey)) ?? 0) + (s.selfMatch[i] ? 1 : 0) - min;
    if (skew > c.maxSkew) return { reason: ERR_SPREAD, unresolvable: false };
  }
  return undefined;
}

/**
 * scoring.go PreScore + Score: per soft constraint, the matching pods in the node's domain × log(domains + 2)
 * + (maxSkew − 1), summed and rounded; undefined for a node the plugin ignores. Domains are those of the
 * feasible nodes; pods count from every eligible node in them. O((nodes + feasible) × constraints).
 */
export function spreadScores(feasible: V1Node[], s: SpreadState): (number | undefined)[] {
  if (!s.soft.length) return feasible.map(() => undefined);
  // system defaults tolerate nodes without the key; explicit constraints make the plugin ignore them
  const ignored = feasible.map((n) => !s.systemDefaulted && s.soft.some((c) => !hasKey(n, c.topologyKey)));
  const perDomain = s.soft.map((c, i) => {
    const domains = new Map<string, number>();
    feasible.forEach((n, j) => !ignored[j] && hasKey(n, c.topologyKey) && domains.set(valueOf(n, c.topologyKey), 0));
    for (const { value, count } of s.softPerNode[i].values()) if (domains.has(value)) domains.set(value, domains.get(value)! + count);
    return domains;
  });
  return feasible.map((node, k) => {
    if (ignored[k]) return undefined;
    let score = 0;
    s.soft.forEach((c, i) => {
      if (!hasKey(node, c.topologyKey)) return;
      const domains = perDomain[i];
      score += domains.get(valueOf(node, c.topologyKey))! * Math.log(domains.size + 2) + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
}
