/**
 * kube-scheduler: filter every node (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit,
 * PodTopologySpread, InterPodAffinity — in the framework's order, the first failure names the node's reason),
 * then score the feasible ones like the framework (scheduler/score.ts), ties broken by the seeded rng.
 * Node usage is kept incrementally from pod changes, so a plain pod costs O(nodes); a pod with pod
 * (anti-)affinity or spread constraints (incl. the default spreading of ReplicaSet pods), or any placed pod
 * with anti-affinity, adds one pass over the placed pods: O(nodes + pods × terms).
 */
import type { V1Namespace, V1Node, V1Pod } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import type { StoreChange } from '../store';
import { podCondition, podRequests } from '../pods';
import { UNSCHEDULABLE_RETRY_MS } from '../timings';
import { nodeAffinityScore } from './scheduler/node-affinity';
import { constrainsOthers, hasPodAffinityTerms, interPodAffinityFilter, interPodAffinityScore, prepareInterPodAffinity, type InterPodAffinityState, type PlacedPod } from './scheduler/inter-pod-affinity';
import { preferNoScheduleCount, tolerates } from './scheduler/taint-toleration';
import { nodeRow, staticFilter, type Allocatable, type NodeRow, type Rejection, type Usage } from './scheduler/node-rows';
import { prepareSpread, spreadConstraintsOf, spreadFilter, spreadScores, type SpreadState } from './scheduler/pod-topology-spread';
import { PlacedPodIndex } from './scheduler/placed-pod-index';
import { DefaultSelectorCache } from './scheduler/default-selector';
import { pickHighestScore, type ScoreTable } from './scheduler/score';
import { ERR_NO_NODES, fitErrorMessage, reasonKo } from './scheduler/fit-error';
import { withFields } from '../json';
import { podWith } from './pod-status';
import type { LabelSelector } from '../../k8s/selectors';

export { tolerates };
export const SCHEDULER = 'scheduler';
const FLUSH_KEY = '\u0000flush';
const DEFAULT_CPU_REQUEST = 100; // millicores, for scoring pods without requests
const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function counts(pod: V1Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * Whether a change leaves everything the scheduler's bookkeeping reads unchanged: counted or not, node,
 * requests and affinity (spec), labels and terminating. Writers spread the stored object, so unchanged parts
 * keep their references and this is O(1).
 */
function samePlacement(a: V1Pod, b: V1Pod): boolean {
  return a.spec === b.spec && a.metadata?.labels === b.metadata?.labels && !a.metadata?.deletionTimestamp === !b.metadata?.deletionTimestamp && counts(a) === counts(b);
}

export class Scheduler implements Controller {
  readonly name = SCHEDULER;
  readonly watches: readonly Kind[] = ['Pod', 'Node', 'Service'];
  /** the default spreading's selectors; Services change them */
  private defaultSelectors = new DefaultSelectorCache();
  private usage = new Map<string, Usage>();
  /** pods that failed to schedule, retried when the cluster changes */
  private unschedulable = new Set<string>();
  /** placed pods whose (anti-)affinity terms can constrain or score an incoming pod */
  private constraining = 0;
  /** spreading's per-node counts; a selector's first count reads the namespace's placed pods from the store */
  private placed = new PlacedPodIndex((ns) => this.placedIn(ns));
  /**
   * The nodes in store order with their parsed allocatable and their usage record (the same object `account` updates),
   * so the per-node loop, which runs nodes × pods times, does no lookups. Dropped on any Node change (rare).
   */
  private nodeRows?: NodeRow[];
  /** static filter verdicts per pod spec, for one node table (see staticVerdictsFor) */
  private staticVerdicts = new WeakMap<object, { rows: NodeRow[]; verdicts: (Rejection | undefined)[] }>();
  /**
   * The score table and spreading scores of the cycle being run, reused by every cycle: they hold one entry per
   * feasible node, each cycle runs over every node, and nothing keeps them after the cycle — fresh arrays per pod
   * were a large share of the engine's garbage.
   */
  private readonly table: ScoreTable = { nodes: [], leastAllocated: [] };
  private readonly spreadScratch: (number | undefined)[] = [];
  /** the node table rows of the feasible nodes, index-aligned with `table.nodes` (reused like the table) */
  private readonly feasibleRows: NodeRow[] = [];
  /** the engine's nodes and random stream as functions, built once per engine instead of once per pod */
  private bound?: { e: Engine; allNodes: () => Iterable<V1Node>; random: () => number };
  private readonly countsPerNode = (ns: string, sel: LabelSelector) => this.placed.countsPerNode(ns, sel);

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Service') return this.defaultSelectors.servicesChanged();
    if (c.kind === 'Node') {
      this.nodeRows = undefined;
      if (c.type !== 'DELETED') this.flushSoon(e);
      return;
    }
    if (c.kind !== 'Pod') return;
    const old = c.old as V1Pod | undefined;
    const pod = c.type === 'DELETED' ? undefined : (c.object as V1Pod);
    // most changes are kubelet status writes that leave node, spec and labels as they were: nothing to re-account
    if (!(old && pod && samePlacement(old, pod))) {
      if (old && counts(old)) this.account(old, -1);
      if (pod && counts(pod)) this.account(pod, +1);
    }
    if (old && counts(old) && !(pod && counts(pod))) this.flushSoon(e);
    if (!pod) {
      this.unschedulable.delete(c.key);
      return;
    }
    if (!pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && c.type === 'ADDED' && (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler')
      e.enqueueAt(SCHEDULER, c.key, e.time + e.timings.schedule);
  }

  /** Rebuilds usage after a restore. */
  rebuild(e: Engine): void {
    this.usage.clear();
    this.nodeRows = undefined;
    this.unschedulable.clear();
    this.constraining = 0;
    this.placed.clear();
    this.defaultSelectors.servicesChanged();
    for (const p of e.store.values('Pod') as Iterable<V1Pod>) {
      if (counts(p)) this.account(p, +1);
      if (!p.spec?.nodeName && podCondition(p, 'PodScheduled')?.status === 'False') this.unschedulable.add(`${p.metadata!.namespace}/${p.metadata!.name}`);
    }
  }

  private nodeTable(e: Engine): NodeRow[] {
    if (this.nodeRows) return this.nodeRows;
    const rows: NodeRow[] = [];
    for (const node of e.store.values('Node') as Iterable<V1Node>) rows.push(nodeRow(node, this.usageOf(node.metadata!.name!)));
    return (this.nodeRows = rows);
  }

  /** The node's usage record, created at zero (what a node without pods has). */
  private usageOf(node: string): Usage {
    let u = this.usage.get(node);
    if (!u) this.usage.set(node, (u = { cpu: 0, memory: 0, pods: 0, nzCpu: 0, nzMemory: 0 }));
    return u;
  }

  private flushSoon(e: Engine): void {
    if (this.unschedulable.size) e.enqueueAt(SCHEDULER, FLUSH_KEY, e.time + 1000);
  }

  private account(pod: V1Pod, sign: 1 | -1): void {
    if (sign > 0) this.placed.add(pod);
    else this.placed.remove(pod);
    const u = this.usageOf(pod.spec!.nodeName!);
    const r = podRequests(pod);
    u.cpu += sign * r.cpu;
    u.memory += sign * r.memory;
    u.pods += sign;
    u.nzCpu += sign * (r.cpu || DEFAULT_CPU_REQUEST);
    u.nzMemory += sign * (r.memory || DEFAULT_MEMORY_REQUEST);
    if (constrainsOthers(pod)) this.constraining += sign;
  }

  reconcile(key: string, e: Engine): void {
    if (key === FLUSH_KEY) {
      for (const k of this.unschedulable) e.enqueue(SCHEDULER, k);
      return;
    }
    const pod = e.get<V1Pod>('Pod', key);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) {
      this.unschedulable.delete(key);
      return;
    }
    this.schedule(key, pod, e);
  }

  /**
   * One scheduling cycle: filter every node, then score the feasible ones like the framework
   * (each plugin normalised to 0–100, times its default weight). O(nodes) plus, when pod affinity is
   * in play, one pass over the placed pods.
   */
  private schedule(key: string, pod: V1Pod, e: Engine): void {
    const req = podRequests(pod);
    const nzCpu = req.cpu || DEFAULT_CPU_REQUEST;
    const nzMem = req.memory || DEFAULT_MEMORY_REQUEST;
    let total = 0;
    const affinity = hasPodAffinityTerms(pod) || this.constraining > 0 ? prepareInterPodAffinity(pod, this.placedPods(e), (ns) => e.get<V1Namespace>('Namespace', ns)?.metadata?.labels) : undefined;
    if (this.bound?.e !== e) this.bound = { e, allNodes: () => e.store.values('Node') as Iterable<V1Node>, random: () => e.rng.next() };
    const { allNodes, random } = this.bound;
    const constraints = spreadConstraintsOf(pod, () => this.defaultSelectors.selectorFor(pod, e));
    const spread = constraints.hard.length || constraints.soft.length ? prepareSpread(pod, constraints, allNodes, this.countsPerNode) : undefined;
    const table = this.table;
    let feasible = 0;
    const preferredNodes = !!pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length;
    table.nodeAffinity = preferredNodes ? [] : undefined;
    table.interPodAffinity = affinity ? [] : undefined;
    table.taintToleration = undefined;
    table.podTopologySpread = undefined;
    const rows = this.nodeTable(e);
    const verdicts = this.staticVerdictsFor(pod, rows);
    const feasibleRows = this.feasibleRows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const { node, usage: u, alloc } = row;
      total++;
      // a rejected node is only counted when no node fits (fail asks the filters again): most pods are bound, and
      // the control plane's taint rejects every one of them
      if ((verdicts[i] ?? this.filter(pod, node, req, u, alloc, affinity, spread)) !== undefined) continue;
      const { cpu: capCpu, memory: capMem } = alloc;
      const cpuFree = capCpu ? (capCpu - u.nzCpu - nzCpu) / capCpu : 0;
      const memFree = capMem ? (capMem - u.nzMemory - nzMem) / capMem : 0;
      // TaintToleration only tells nodes apart once one has an untolerated PreferNoSchedule taint
      const preferNo = row.tainted ? preferNoScheduleCount(pod, node) : 0;
      if (preferNo && !table.taintToleration) table.taintToleration = new Array<number>(feasible).fill(0);
      // written by index into the reused arrays, cut to length after the loop
      table.nodes[feasible] = node;
      feasibleRows[feasible] = row;
      table.leastAllocated[feasible] = Math.floor(((Math.max(0, cpuFree) + Math.max(0, memFree)) / 2) * 100);
      feasible++;
      table.taintToleration?.push(preferNo);
      table.nodeAffinity?.push(nodeAffinityScore(pod, node));
      if (affinity) table.interPodAffinity!.push(interPodAffinityScore(node, affinity));
    }
    table.nodes.length = feasible;
    table.leastAllocated.length = feasible;
    feasibleRows.length = feasible;
    if (spread?.soft.length) table.podTopologySpread = spreadScores(feasibleRows, spread, rows, this.spreadScratch);
    const best = pickHighestScore(table, random);
    if (best) return this.bind(key, pod, best, total, e);
    // the filters read only the pod, the node table and the usage records, none of which changed since the loop
    let unresolvable = 0;
    const reasons = new Map<string, number>();
    const taints = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const { node, usage: u, alloc } = rows[i];
      const why = verdicts[i] ?? this.filter(pod, node, req, u, alloc, affinity, spread);
      if (!why) continue;
      if (why.unresolvable) unresolvable++;
      if (why.taint) taints.add(why.taint);
      for (const r of why.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    this.fail(key, pod, total, reasons, unresolvable, taints, e);
  }

  /** The namespace's pods this scheduler counts as placed (what `account` has added), from the store. O(pods of it). */
  private *placedIn(namespace: string): Iterable<V1Pod> {
    for (const p of this.bound!.e.store.values('Pod', namespace) as Iterable<V1Pod>) if (counts(p)) yield p;
  }

  /** Scheduled, still-running pods with their node's labels (for inter-pod affinity). O(pods). */
  private *placedPods(e: Engine): Iterable<PlacedPod> {
    for (const p of e.store.values('Pod') as Iterable<V1Pod>) {
      if (!counts(p)) continue;
      const node = e.get<V1Node>('Node', p.spec!.nodeName!);
      if (node) yield { pod: p, node, nodeLabels: node.metadata?.labels ?? {} };
    }
  }

  /**
   * The verdicts of the filters that read only the pod's spec and the node — NodeUnschedulable, TaintToleration,
   * NodeAffinity, the framework's first three — for every row of the node table. The pods of a ReplicaSet share one
   * spec object until they are bound, so these run once per set and node table instead of once per pod and node.
   */
  private staticVerdictsFor(pod: V1Pod, rows: NodeRow[]): (Rejection | undefined)[] {
    const spec: object = pod.spec ?? pod;
    let hit = this.staticVerdicts.get(spec);
    if (!hit || hit.rows !== rows) this.staticVerdicts.set(spec, (hit = { rows, verdicts: rows.map((r) => staticFilter(pod, r.node)) }));
    return hit.verdicts;
  }

  /** The filters after the static ones: resources, then PodTopologySpread and InterPodAffinity. */
  private filter(pod: V1Pod, node: V1Node, req: { cpu: number; memory: number }, u: Usage, alloc: Allocatable, affinity: InterPodAffinityState | undefined, spread: SpreadState | undefined): Rejection | undefined {
    const tooMany = u.pods + 1 > alloc.pods;
    const noCpu = req.cpu > 0 && u.cpu + req.cpu > alloc.cpu;
    const noMemory = req.memory > 0 && u.memory + req.memory > alloc.memory;
    // runs for every node per pod: the fitting case allocates nothing
    if (tooMany || noCpu || noMemory) {
      const reasons: string[] = [];
      if (tooMany) reasons.push('Too many pods');
      if (noCpu) reasons.push('Insufficient cpu');
      if (noMemory) reasons.push('Insufficient memory');
      // noderesources/fit.go: a request beyond the node's whole allocatable is Unresolvable (no eviction helps)
      return { reasons, unresolvable: (noCpu && req.cpu > alloc.cpu) || (noMemory && req.memory > alloc.memory) };
    }
    // framework order: PodTopologySpread, then InterPodAffinity; the first failing plugin names the node's reason
    const denied = (spread?.hard.length && spreadFilter(node, spread)) || (affinity && interPodAffinityFilter(pod, node, affinity));
    return denied ? { reasons: [denied.reason], unresolvable: denied.unresolvable } : undefined;
  }

  private bind(key: string, pod: V1Pod, node: V1Node, candidates: number, e: Engine): void {
    this.unschedulable.delete(key);
    const nodeName = node.metadata!.name!;
    const now = e.iso();
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
    const name = pod.metadata!.name!;
    const cause = {
      actor: 'scheduler',
      message: `스케줄러: 파드 ${name}을(를) ${nodeName}에 배치 (노드 ${candidates}개 중 필터를 통과하고 점수(자원 여유·어피니티·분산)가 가장 높은 노드)`,
      hop: 'scheduler' as const,
    };
    // withFields, not a spread: a spread that adds nodeName gives every bound pod's spec a hidden class of its own
    const bound = e.updateObject('Pod', podWith(pod, withFields(pod.spec!, { nodeName }), withFields(pod.status, { conditions })), cause, key);
    e.recordEvent(
      { kind: 'Pod', name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid, resourceVersion: bound.metadata!.resourceVersion },
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata!.namespace}/${name} to ${nodeName}`,
      'default-scheduler',
      cause,
    );
  }

  private fail(key: string, pod: V1Pod, total: number, reasons: Map<string, number>, unresolvable: number, taints: Set<string>, e: Engine): void {
    this.unschedulable.add(key);
    const message = total ? fitErrorMessage(total, reasons, unresolvable) : ERR_NO_NODES;
    const name = pod.metadata!.name!;
    const ko = [...reasons.entries()].map(([r, n]) => `${reasonKo(r, taints)} ${n}개`).join(', ') || '노드 없음';
    const cause = { actor: 'scheduler', message: `스케줄러: 파드 ${name}을(를) 놓을 노드가 없어 Pending 유지 (${ko})`, hop: 'scheduler' as const };
    const prev = podCondition(pod, 'PodScheduled');
    if (prev?.status !== 'False' || prev.message !== message) {
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conditions.push({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: e.iso() });
      e.updateObject('Pod', podWith(pod, pod.spec, withFields(pod.status, { phase: 'Pending', conditions })), cause);
    }
    e.recordEvent({ kind: 'Pod', name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid }, 'Warning', 'FailedScheduling', message, 'default-scheduler', cause);
    e.enqueueAt(SCHEDULER, key, e.time + UNSCHEDULABLE_RETRY_MS);
  }
}
