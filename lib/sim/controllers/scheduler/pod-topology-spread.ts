/**
 * The PodTopologySpread plugin (pkg/scheduler/framework/plugins/podtopologyspread): DoNotSchedule
 * constraints filter (filtering.go), ScheduleAnyway constraints — or, for a pod without constraints,
 * the system defaults over the selectors of its Services and ReplicaSet — score (scoring.go).
 * Counted pods: running, not terminating, in the pod's namespace, selected by the constraint, on nodes that
 * pass the pod's node affinity (nodeAffinityPolicy Honor) and, with nodeTaintsPolicy Honor, tolerate them.
 * Cost: one pass over placed pods and nodes, O((pods + nodes) × constraints), only for pods with constraints.
 */
import type { V1Node, V1Pod, V1TopologySpreadConstraint } from '../../../k8s/api-types';
import { matchesLabelSelector, fromLabelSelectorObject, type LabelSelector } from '../../../k8s/selectors';
import { nodeAffinityFits } from './node-affinity';
import { tolerates } from './taint-toleration';
import { HOSTNAME_LABEL as HOSTNAME, type NodeRow } from './node-rows';

export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
export const ERR_SPREAD_LABEL = `${ERR_SPREAD} (missing required label)`;

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
  pod: V1Pod;
  hard: Constraint[];
  soft: Constraint[];
  systemDefaulted: boolean;
  /** per hard constraint: matching pods per domain value (every eligible domain present, maybe 0) */
  hardCounts: Map<string, number>[];
  /** per soft constraint: matching non-terminating pods per node name, straight from the placed-pod index */
  softCounts: ReadonlyMap<string, number>[];
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
  let soft = systemDefaultsFor.get(selector);
  if (!soft) systemDefaultsFor.set(selector, (soft = SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: 1, honorTaints: false }))));
  return { hard: [], soft, systemDefaulted: true };
}
/** the system default constraints per (cached) default selector, so pods of one ReplicaSet share them */
const systemDefaultsFor = new WeakMap<LabelSelector, Constraint[]>();

const hasKey = (node: V1Node, key: string): boolean => {
  const labels = node.metadata?.labels;
  return labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key);
};
const valueOf = (node: V1Node, key: string) => node.metadata!.labels![key];

function eligible(pod: V1Pod, node: V1Node, c: Constraint): boolean {
  if (!hasKey(node, c.topologyKey) || !nodeAffinityFits(pod, node)) return false;
  if (!c.honorTaints) return true;
  return (node.spec?.taints ?? []).every((t) => (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') || tolerates(pod.spec?.tolerations, t));
}

/**
 * filtering.go PreFilter: matching pods per domain for the DoNotSchedule constraints — O(nodes × hard constraints),
 * only for pods that have them. ScheduleAnyway constraints just take the per-node counts the index keeps; their
 * domains are built in spreadScores over the feasible nodes. `countsPerNode` gives the non-terminating placed pods
 * of the namespace a selector selects, per node.
 */
export function prepareSpread(pod: V1Pod, constraints: Pick<SpreadState, 'hard' | 'soft' | 'systemDefaulted'>, nodes: () => Iterable<V1Node>, countsPerNode: (namespace: string, selector: LabelSelector) => ReadonlyMap<string, number>): SpreadState {
  const ns = pod.metadata?.namespace ?? 'default';
  // inline arrows, not a named helper: tsx's keepNames would name one per call (this runs once per pod)
  const hardCounts = constraints.hard.map((c) => {
    const perNode = c.selector ? countsPerNode(ns, c.selector) : NONE;
    const domains = new Map<string, number>();
    for (const n of nodes()) {
      if (!eligible(pod, n, c)) continue;
      const v = valueOf(n, c.topologyKey);
      domains.set(v, (domains.get(v) ?? 0) + (perNode.get(n.metadata!.name!) ?? 0));
    }
    return domains;
  });
  return {
    pod,
    ...constraints,
    hardCounts,
    softCounts: constraints.soft.map((c) => (c.selector ? countsPerNode(ns, c.selector) : NONE)),
    // the default selector is made of selectors that match the pod, so only explicit constraints need the check
    selfMatch: constraints.systemDefaulted ? constraints.soft.map(() => true) : [...constraints.hard, ...constraints.soft].map((c) => !!c.selector && matchesLabelSelector(c.selector, pod.metadata?.labels ?? {})),
  };
}
const NONE: ReadonlyMap<string, number> = new Map();

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
 * feasible nodes (with the system defaults a feasible node without the key is the "" domain, as upstream's
 * topologyPair map makes it); pods count from every eligible node in them. The hostname key needs no domain
 * pass: a node is its own domain, as in upstream's Score. So the default spreading over nodes without zone
 * labels costs O(feasible) per attempt; a zone-like key that some node carries adds one pass over the nodes.
 * Reads nodes through their table rows (`rows` is the whole table), whose names and labels are parsed once.
 */
export function spreadScores(feasible: readonly NodeRow[], s: SpreadState, rows: readonly NodeRow[], raw: (number | undefined)[] = []): (number | undefined)[] {
  const n = feasible.length;
  // `raw` may be a reused array (the scheduler's): every entry is written before it is read; undefined marks an
  // ignored node, and the sums run in unboxed doubles (in `raw`, which also holds undefined, every fractional sum
  // was a heap number of its own, one per node and constraint for every pod): `raw` gets only the rounded totals
  if (sums.length < n) sums = new Float64Array(Math.max(n, 2 * sums.length));
  const acc = sums;
  for (let k = 0; k < n; k++) {
    raw[k] = 0;
    acc[k] = 0;
  }
  raw.length = n;
  let considered = n;
  // system defaults tolerate nodes without the key; explicit constraints make the plugin ignore them
  if (!s.systemDefaulted)
    for (let k = 0; k < n; k++)
      if (s.soft.some((c) => !feasible[k].labels.has(c.topologyKey))) {
        raw[k] = undefined;
        considered--;
      }
  // plain loops: this runs for every ReplicaSet pod (the system default spreading) over every feasible node
  for (let i = 0; i < s.soft.length; i++) {
    const c = s.soft[i];
    const key = c.topologyKey;
    const counts = s.softCounts[i];
    const domains = key === HOSTNAME ? undefined : domainCounts(feasible, raw, c, counts, s, rows);
    if (domains === null) continue;
    const weight = Math.log((domains ? domains.size : considered) + 2);
    for (let k = 0; k < n; k++) {
      const row = feasible[k];
      const value = key === HOSTNAME ? row.hostname : row.labels.get(key);
      if (raw[k] === undefined || value === undefined) continue;
      const count = domains ? domains.get(value)! : (counts.get(row.name) ?? 0);
      acc[k] = acc[k] + count * weight + (c.maxSkew - 1);
    }
  }
  for (let k = 0; k < n; k++) if (raw[k] !== undefined) raw[k] = Math.round(acc[k]);
  return raw;
}
/** spreadScores' running sums, reused across calls (grown to the largest feasible count seen) */
let sums = new Float64Array(128);

/** Whether any node of the table carries the label key, cached per table (the default zone key usually is on none). */
function tableHasKey(rows: readonly NodeRow[], key: string): boolean {
  let keys = keysByTable.get(rows);
  if (!keys) keysByTable.set(rows, (keys = new Set(rows.flatMap((r) => [...r.labels.keys()]))));
  return keys.has(key);
}
const keysByTable = new WeakMap<readonly NodeRow[], Set<string>>();

/**
 * Matching pods per domain of a non-hostname soft constraint, domains taken from the considered feasible nodes;
 * null when none of them carries the key (the constraint then scores nothing). O(1) when no node of the table
 * carries it, else O(feasible + nodes).
 */
function domainCounts(feasible: readonly NodeRow[], raw: (number | undefined)[], c: Constraint, counts: ReadonlyMap<string, number>, s: SpreadState, rows: readonly NodeRow[]): Map<string, number> | null {
  const key = c.topologyKey;
  if (!tableHasKey(rows, key)) return null;
  let anyKeyed = false;
  for (let k = 0; k < feasible.length && !anyKeyed; k++) anyKeyed = raw[k] !== undefined && feasible[k].labels.has(key);
  if (!anyKeyed) return null;
  const domains = new Map<string, number>();
  for (let k = 0; k < feasible.length; k++) if (raw[k] !== undefined) domains.set(feasible[k].labels.get(key) ?? '', 0);
  for (const row of rows) {
    if (!eligible(s.pod, row.node, c)) continue;
    const v = row.labels.get(key)!;
    const sum = domains.get(v);
    if (sum !== undefined) domains.set(v, sum + (counts.get(row.name) ?? 0));
  }
  return domains;
}
