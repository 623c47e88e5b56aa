/**
 * Paces the control-plane flow panel so it keeps up with the cluster. A rollout writes dozens of objects in bursts
 * (a ReplicaSet creates three pods, the scheduler binds them, three kubelets report); animating each write hop by
 * hop falls further behind with every burst. So changes made the same way by the same actor while earlier ones are
 * still on screen are summarised into one group ("레플리카셋 컨트롤러: 파드 3개 생성"), and hops go faster while
 * groups wait, so the panel never lags more than a couple of seconds at 1×. Only past `maxWaiting` distinct groups
 * (very high speeds) are the oldest dropped, and counted.
 * Pure: wall time is passed in. push is O(waiting groups), tick O(hops advanced).
 */
import type { Kind } from '../k8s/types';
import { KIND_KO } from '../k8s/kind-names';
import { withoutSpeaker, type FlowHop, type FlowPath } from './control-plane-flow';

/** Changes of one kind made the same way (verb) by the same actor, shown as one path. */
export interface FlowGroup {
  key: string;
  first: FlowPath;
  last: FlowPath;
  /** How many changes the group stands for. */
  count: number;
  /** Distinct object names, in arrival order. */
  names: string[];
  /** Changes per worker node, from the kubelet hops (the scheduler's bindings, the kubelets' reports). */
  perNode: Record<string, number>;
  /** Wall ms the first change arrived. */
  since: number;
}

export const groupKey = (p: FlowPath): string => `${p.cause.actor}|${p.verb}|${p.kind}`;

function nodeOf(p: FlowPath): string | undefined {
  return p.hops.find((h) => h.hop === 'kubelet')?.node;
}

function newGroup(p: FlowPath, now: number): FlowGroup {
  const node = nodeOf(p);
  return { key: groupKey(p), first: p, last: p, count: 1, names: [p.name], perNode: node ? { [node]: 1 } : {}, since: now };
}

function addToGroup(g: FlowGroup, p: FlowPath): void {
  g.count++;
  g.last = p;
  if (!g.names.includes(p.name)) g.names.push(p.name);
  const node = nodeOf(p);
  if (node) g.perNode[node] = (g.perNode[node] ?? 0) + 1;
}

const ko = (kind: Kind) => KIND_KO[kind] ?? kind;

/** "파드 3개 생성", "파드 3개를 노드에 배치 (worker-1 2개, worker-2 1개)", … */
function summary(g: FlowGroup): string {
  if (g.count === 1) return g.first.hops[0].caption;
  const kind = ko(g.first.kind);
  const n = g.names.length;
  const spread = Object.entries(g.perNode).map(([node, k]) => `${node} ${k}개`).join(', ');
  switch (g.first.verb) {
    case 'create':
      return `${kind} ${n}개 생성`;
    case 'delete':
      return `${kind} ${n}개 삭제 완료`;
    case 'terminate':
      return `${kind} ${n}개 종료 시작 (Terminating)`;
    case 'bind':
      return `${kind} ${n}개를 노드에 배치${spread ? ` (${spread})` : ''}`;
    case 'update':
      return n === 1 ? `${withoutSpeaker(g.last.cause.message)} (${g.count}번 갱신)` : `${kind} ${n}개 갱신 (${g.count}번)`;
  }
}

/** The group's path with summary captions: one line per hop, however many changes it stands for. */
export function groupHops(g: FlowGroup): FlowHop[] {
  if (g.count === 1) return g.first.hops;
  const kind = ko(g.first.kind);
  const nodes = Object.keys(g.perNode);
  return g.first.hops.map((h, i): FlowHop => {
    if (i === 0) return { ...h, caption: h.hop === 'apiserver' && g.first.cause.actor === 'kubectl' ? `kubectl 요청 ${g.count}건 — ${summary(g)}` : summary(g) };
    if (h.hop === 'apiserver') return { ...h, caption: `${g.first.hops[0].label}의 요청 ${g.count}건을 검증하고 받아들입니다` };
    if (h.hop === 'etcd') return { ...h, caption: g.first.verb === 'delete' ? `${kind} ${g.names.length}개 삭제` : `${kind} ${g.names.length}개 저장 (${g.count}번 기록)` };
    if (h.hop === 'scheduler') return { ...h, caption: `노드가 아직 없는 ${kind} ${g.names.length}개 — 놓을 노드를 고릅니다` };
    if (h.hop === 'kubelet' && nodes.length > 1) return { ...h, node: undefined, label: `kubelet(${nodes.join(', ')})`, caption: h.caption };
    return h;
  });
}

/** Heading of a group: "Pod web-abc12" or "파드 3개". */
export function groupTitle(g: FlowGroup): string {
  return g.names.length === 1 ? `${g.first.kind} ${g.first.name}` : `${ko(g.first.kind)} ${g.names.length}개`;
}

export interface FlowQueueOptions {
  /** Wall ms per hop when nothing waits. */
  baseHopMs?: number;
  /** Fastest hop, while a backlog waits. */
  minHopMs?: number;
  /** Past this age of the oldest waiting group, hops go at minHopMs. */
  maxLagMs?: number;
  /** Distinct groups that may wait; older ones beyond it are dropped and counted. */
  maxWaiting?: number;
  recentSize?: number;
}

export interface FlowFrame {
  group: FlowGroup | null;
  hops: FlowHop[];
  /** The lit hop; hops.length once the path is done. */
  hopIndex: number;
  waiting: number;
  skipped: number;
  /** Most recent groups first. */
  recent: FlowGroup[];
}

export interface FlowQueueStats {
  /** Largest wait between a change arriving and its group reaching the screen. */
  maxLagMs: number;
  maxWaiting: number;
  shownChanges: number;
}

export class FlowQueue {
  private readonly o: Required<FlowQueueOptions>;
  private waiting: FlowGroup[] = [];
  private frameValue: FlowFrame = { group: null, hops: [], hopIndex: 0, waiting: 0, skipped: 0, recent: [] };
  private hopStartedAt = 0;
  readonly stats: FlowQueueStats = { maxLagMs: 0, maxWaiting: 0, shownChanges: 0 };

  constructor(options: FlowQueueOptions = {}) {
    this.o = { baseHopMs: 450, minHopMs: 100, maxLagMs: 2000, maxWaiting: 16, recentSize: 8, ...options };
  }

  frame(): FlowFrame {
    return this.frameValue;
  }

  /** A change arrived: join the waiting group with the same actor, verb and kind, or wait as a new group. */
  push(path: FlowPath, now: number): void {
    const key = groupKey(path);
    const same = this.waiting.find((g) => g.key === key);
    if (same) addToGroup(same, path);
    else this.waiting.push(newGroup(path, now));
    let skipped = this.frameValue.skipped;
    while (this.waiting.length > this.o.maxWaiting) skipped += this.waiting.shift()!.count;
    this.stats.maxWaiting = Math.max(this.stats.maxWaiting, this.waiting.length);
    this.frameValue = { ...this.frameValue, waiting: this.waiting.length, skipped };
  }

  /** Forget everything waiting (e.g. a fast-forward is replaying hundreds of changes). */
  clear(): void {
    this.waiting = [];
    this.frameValue = { ...this.frameValue, waiting: 0 };
  }

  /**
   * Move the animation to wall time `now`; returns true when the frame changed. At most one step per call (a hop,
   * or the next group), so every hop of every group is on screen for at least one frame even when the page is slow.
   */
  tick(now: number): boolean {
    const f = this.frameValue;
    if (f.group && f.hopIndex < f.hops.length) {
      if (now - this.hopStartedAt < this.hopMs(now)) return false;
      this.hopStartedAt = now;
      // The last hop done: stay on the finished path until something new arrives.
      if (f.hopIndex + 1 < f.hops.length || this.waiting.length === 0) {
        this.frameValue = { ...f, hopIndex: f.hopIndex + 1 };
        return true;
      }
    }
    const next = this.waiting.shift();
    if (!next) return false;
    this.stats.maxLagMs = Math.max(this.stats.maxLagMs, now - next.since);
    this.stats.shownChanges += next.count;
    const recent = f.group ? [f.group, ...f.recent].slice(0, this.o.recentSize) : f.recent;
    this.frameValue = { group: next, hops: groupHops(next), hopIndex: 0, waiting: this.waiting.length, skipped: f.skipped, recent };
    this.hopStartedAt = now;
    return true;
  }

  private hopMs(now: number): number {
    const oldest = this.waiting[0];
    if (!oldest) return this.o.baseHopMs;
    if (now - oldest.since > this.o.maxLagMs) return this.o.minHopMs;
    return Math.max(this.o.minHopMs, this.o.baseHopMs / (1 + this.waiting.length));
  }
}
