/**
 * The kubelet's node status report, the heartbeat `kubectl describe node` shows. Every status the kubelet posts
 * stamps LastHeartbeatTime on the conditions it owns (MemoryPressure, DiskPressure, PIDPressure, Ready), and it posts
 * at least every nodeStatusReportFrequency (5 minutes) even when nothing changed. A change (a newly pulled image, Ready
 * turning) goes out at the kubelet's next status sync, within nodeStatusUpdateFrequency (10 s); here at once. A stopped kubelet posts nothing, so its node's heartbeat stays at the last
 * report while the node lifecycle controller turns the conditions Unknown.
 * (kubernetes.io/docs/concepts/architecture/nodes/#node-heartbeats; pkg/kubelet/kubelet_node_status.go
 * tryUpdateNodeStatus; the kubelet's Lease, renewed every 10 s, is not modelled.)
 */
import type { V1Node, V1NodeCondition } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import type { StoreChange } from '../store';
import type { Cause } from '../types';
import { kubeletCause } from './kubelet';

export const NODE_STATUS = 'kubelet-node-status';

/** nodeStatusReportFrequency: the kubelet's default for posting an unchanged node status again. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** The conditions whose heartbeat the kubelet's status setters stamp (NetworkUnavailable belongs to the network plugin). */
const KUBELET_CONDITIONS = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);

/** The conditions as the kubelet posts them at `now`: its own ones carry the heartbeat, the rest stay as they are. */
export function withHeartbeat(conditions: V1NodeCondition[] | undefined, now: string): V1NodeCondition[] | undefined {
  return conditions?.map((c) => (KUBELET_CONDITIONS.has(c.type) && c.lastHeartbeatTime !== now ? { ...c, lastHeartbeatTime: now } : c));
}

/** When the kubelet posts again unasked: its last heartbeat (the Ready condition's) plus the report frequency. */
function nextReport(node: V1Node): number | undefined {
  const beat = node.status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime;
  const t = beat ? Date.parse(String(beat)) : NaN;
  return Number.isNaN(t) ? undefined : t + NODE_STATUS_REPORT_MS;
}

/**
 * The next report of every node whose kubelet is up, for a snapshot made before the reports had wake-ups of their own
 * (its nodes would otherwise wait for their next write to report again).
 */
export function scheduleNodeReports(e: Engine): void {
  for (const node of e.store.values('Node') as Iterable<V1Node>) {
    const name = node.metadata!.name!;
    const due = nextReport(node);
    if (due !== undefined && e.state.nodes[name]?.downSince === undefined) e.routineTimers.add(NODE_STATUS, name, Math.max(due, e.time + 1));
  }
}

export class NodeStatusReporter implements Controller {
  readonly name = NODE_STATUS;
  readonly watches: readonly Kind[] = ['Node'];
  readonly changeTypes = { Node: ['ADDED', 'MODIFIED'] } as const;

  onChange(c: StoreChange, e: Engine): void {
    const due = nextReport(c.object as V1Node);
    if (due !== undefined) e.enqueueRoutineAt(NODE_STATUS, c.key, due);
  }

  reconcile(name: string, e: Engine): void {
    const node = e.get<V1Node>('Node', name);
    if (!node) return;
    // a stopped kubelet reports nothing; when it comes back its first post writes the Node and schedules the next
    if (e.state.nodes[name]?.downSince !== undefined) return;
    const due = nextReport(node);
    if (due === undefined) return;
    if (due > e.time) return e.enqueueRoutineAt(NODE_STATUS, name, due);
    const cause: Cause = { ...kubeletCause(name)('노드 상태 보고 — 바뀐 것이 없어도 5분마다 보내는 하트비트'), routine: true };
    e.updateObject('Node', { ...node, status: { ...node.status, conditions: withHeartbeat(node.status?.conditions, e.iso()) } }, cause, name);
  }
}
