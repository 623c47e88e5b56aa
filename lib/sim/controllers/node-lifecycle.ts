/**
 * Node lifecycle controller + taint-based eviction. A node whose kubelet stopped heartbeating turns
 * Ready=Unknown after nodeMonitorGrace, gets the unreachable NoSchedule/NoExecute taints, its pods
 * become not ready, and after each pod's tolerationSeconds (default 300 s) the pods are deleted
 * (they stay Terminating until the kubelet returns, as on a real cluster). Cordon adds the
 * unschedulable taint.
 */
import type { V1Node, V1NodeCondition, V1Pod, V1Taint } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import type { StoreChange } from '../store';
import type { Cause } from '../types';
import { deletePod } from '../lifecycle';
import { isPodReady } from '../pods';
import { podWith, withCondition } from './pod-status';
import { tolerates } from './scheduler';
import { nodeRuntime } from './node-network';
import { KUBELET } from './kubelet';
import { CNI_POD_LABEL, NOT_READY_FOR_CNI, nodeNetworkReady } from '../kubeadm';

export const NODE_LIFECYCLE = 'node-lifecycle-controller';
export const TAINT_EVICTION = 'taint-eviction-controller';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

const cause = (m: string): Cause => ({ actor: NODE_LIFECYCLE, message: `노드 수명주기 컨트롤러: ${m}`, hop: 'controller' });

/**
 * Sets one condition at `now`. `heartbeat` false is the controller's own write for a silent kubelet: the condition
 * keeps LastHeartbeatTime, the last time the kubelet was heard from (node_lifecycle_controller.go tryUpdateNodeHealth).
 */
function setNodeCondition(conds: V1NodeCondition[] | undefined, c: Omit<V1NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>, now: string, heartbeat = true): V1NodeCondition[] {
  return (conds ?? []).map((x) =>
    x.type === c.type ? { ...x, ...c, lastHeartbeatTime: heartbeat ? now : x.lastHeartbeatTime, lastTransitionTime: x.status === c.status ? x.lastTransitionTime : now } : x,
  );
}

export class NodeLifecycleController implements Controller {
  readonly name = NODE_LIFECYCLE;
  readonly watches: readonly Kind[] = ['Node', 'Pod'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Pod') {
      // a CNI pod (calico-node) that starts, turns ready or goes away changes its node's network readiness
      const pod = (c.object ?? c.old) as V1Pod;
      const node = pod.spec?.nodeName;
      if (node && e.state.nodes[node]?.cniRequired && pod.metadata?.labels?.[CNI_POD_LABEL[0]] === CNI_POD_LABEL[1]) e.enqueue(NODE_LIFECYCLE, node);
      return;
    }
    if (c.kind !== 'Node' || c.type === 'DELETED') return;
    const node = c.object as V1Node;
    const old = c.old as V1Node | undefined;
    if (!old || old.spec?.unschedulable !== node.spec?.unschedulable) e.enqueue(NODE_LIFECYCLE, c.key);
  }

  reconcile(name: string, e: Engine): void {
    const node = e.get<V1Node>('Node', name);
    if (!node) return;
    const rt = nodeRuntime(e, name);
    const now = e.iso();
    let taints = [...(node.spec?.taints ?? [])];
    let conditions = node.status?.conditions;
    const messages: string[] = [];
    // cordon ↔ unschedulable taint
    const hasUnsched = taints.some((t) => t.key === UNSCHEDULABLE);
    if (node.spec?.unschedulable && !hasUnsched) {
      taints.push({ key: UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: now });
      messages.push(`노드 ${name}이(가) cordon되어 unschedulable 테인트 추가`);
    } else if (!node.spec?.unschedulable && hasUnsched) {
      taints = taints.filter((t) => t.key !== UNSCHEDULABLE);
      messages.push(`노드 ${name}의 cordon이 풀려 unschedulable 테인트 제거`);
    }
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    let event: { reason: string; message: string } | undefined;
    let podsNotReady = false;
    if (rt.downSince !== undefined) {
      const due = rt.downSince + e.timings.nodeMonitorGrace;
      if (e.time < due) e.enqueueAt(NODE_LIFECYCLE, name, due);
      else if (ready?.status !== 'Unknown') {
        for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'])
          conditions = setNodeCondition(conditions, { type, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }, now, false);
        taints = taints.filter((t) => t.key !== UNREACHABLE);
        taints.push({ key: UNREACHABLE, effect: 'NoSchedule', timeAdded: now }, { key: UNREACHABLE, effect: 'NoExecute', timeAdded: now });
        messages.push(`노드 ${name}이(가) ${e.timings.nodeMonitorGrace / 1000}초 동안 응답이 없어 NotReady로 표시하고 unreachable 테인트 추가`);
        event = { reason: 'NodeNotReady', message: `Node ${name} status is now: NodeNotReady` };
        podsNotReady = true;
      }
    } else if (!nodeNetworkReady(e, name)) {
      // kubelet up, no CNI config: Ready=False with the runtime's message and the not-ready taint (TaintNodesByCondition)
      if (ready?.status !== 'False' || ready.reason !== NOT_READY_FOR_CNI.reason) {
        conditions = setNodeCondition(conditions, { type: 'Ready', status: 'False', reason: NOT_READY_FOR_CNI.reason, message: NOT_READY_FOR_CNI.message }, now);
        event = { reason: 'NodeNotReady', message: `Node ${name} status is now: NodeNotReady` };
        messages.push(`노드 ${name}에 네트워크 플러그인(CNI)이 없어 NotReady`);
      }
      if (!taints.some((t) => t.key === NOT_READY_FOR_CNI.taint)) {
        taints.push({ key: NOT_READY_FOR_CNI.taint, effect: 'NoSchedule', timeAdded: now });
        messages.push(`노드 ${name}에 not-ready 테인트 추가`);
      }
    } else if (ready && ready.status !== 'True') {
      conditions = setNodeCondition(conditions, { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }, now);
      for (const [type, reason, message] of [
        ['MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
        ['DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
        ['PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ])
        conditions = setNodeCondition(conditions, { type, status: 'False', reason, message }, now);
      taints = taints.filter((t) => t.key !== UNREACHABLE && t.key !== 'node.kubernetes.io/not-ready');
      messages.push(rt.cniRequired && ready.reason === NOT_READY_FOR_CNI.reason ? `노드 ${name}에서 네트워크 플러그인(CNI)이 동작해 Ready로 바꾸고 not-ready 테인트 제거` : `노드 ${name}의 kubelet이 돌아와 Ready로 복구하고 테인트 제거`);
      event = { reason: 'NodeReady', message: `Node ${name} status is now: NodeReady` };
      for (const key of e.store.podsByNode.get(name) ?? []) e.enqueue(KUBELET, key);
    }
    if (!messages.length) return;
    const c = cause(messages.join(', '));
    const updated = e.updateObject('Node', { ...node, spec: { ...node.spec, taints: taints.length ? taints : undefined }, status: { ...node.status, conditions } }, c);
    if (event) e.recordEvent({ kind: 'Node', name, uid: updated.metadata!.uid }, event.reason === 'NodeReady' ? 'Normal' : 'Normal', event.reason, event.message, 'node-controller', c);
    if (podsNotReady) this.markPodsNotReady(name, e);
    for (const key of e.store.podsByNode.get(name) ?? []) e.enqueue(TAINT_EVICTION, key);
  }

  /** MarkPodsNotReady: pods on an unreachable node stop receiving traffic. */
  private markPodsNotReady(nodeName: string, e: Engine): void {
    const now = e.iso();
    for (const key of [...(e.store.podsByNode.get(nodeName) ?? [])]) {
      const pod = e.get<V1Pod>('Pod', key)!;
      if (!isPodReady(pod)) continue;
      const c = cause(`노드 ${nodeName}에 연결할 수 없어 파드 ${pod.metadata!.name}을(를) Ready=False로 표시`);
      const conditions = withCondition(pod.status?.conditions, 'Ready', 'False', now);
      e.updateObject('Pod', podWith(pod, pod.spec, { ...pod.status, conditions }), c);
      e.recordEvent({ kind: 'Pod', name: pod.metadata!.name!, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid }, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller', c);
    }
  }
}

/** Evicts pods from nodes with NoExecute taints they do not tolerate (or tolerate only for a while). */
export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION;
  readonly watches: readonly Kind[] = ['Pod', 'Node'];
  /** a pod matters when it lands on a node, a node when its taints change */
  readonly changeTypes = { Pod: ['ADDED', 'MODIFIED'], Node: ['MODIFIED'] } as const;

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Node' && c.type === 'MODIFIED' && (c.old as V1Node).spec?.taints !== (c.object as V1Node).spec?.taints) {
      // `kubectl taint … :NoExecute` evicts running pods too
      if ((c.object as V1Node).spec?.taints?.some((t) => t.effect === 'NoExecute')) for (const key of e.store.podsByNode.get(c.key) ?? []) e.enqueue(TAINT_EVICTION, key);
      return;
    }
    if (c.kind !== 'Pod' || c.type === 'DELETED') return;
    const pod = c.object as V1Pod;
    if (pod.spec?.nodeName && pod.spec.nodeName !== (c.old as V1Pod | undefined)?.spec?.nodeName) {
      const node = e.get<V1Node>('Node', pod.spec.nodeName);
      if (node?.spec?.taints?.some((t) => t.effect === 'NoExecute')) e.enqueue(TAINT_EVICTION, c.key);
    }
  }

  reconcile(key: string, e: Engine): void {
    const pod = e.get<V1Pod>('Pod', key);
    if (!pod?.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    const node = e.get<V1Node>('Node', pod.spec.nodeName);
    const noExecute = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (!noExecute.length) return;
    let evictAt = Infinity;
    let untolerated: V1Taint | undefined;
    for (const t of noExecute) {
      const tol = (pod.spec.tolerations ?? []).filter((x) => tolerates([x], t));
      if (!tol.length) {
        untolerated = t;
        break;
      }
      const secs = Math.min(...tol.map((x) => (x.tolerationSeconds ?? Infinity) as number));
      if (secs !== Infinity) evictAt = Math.min(evictAt, Date.parse(String(t.timeAdded ?? e.iso())) + Math.max(0, secs) * 1000);
    }
    if (!untolerated && evictAt > e.time) {
      if (evictAt !== Infinity) e.enqueueAt(TAINT_EVICTION, key, evictAt);
      return;
    }
    const name = pod.metadata!.name!;
    const why = untolerated ? `테인트 ${untolerated.key}:NoExecute를 허용하지 않아` : `톨러레이션 시간(tolerationSeconds)이 지나`;
    const c: Cause = { actor: TAINT_EVICTION, message: `테인트 축출 컨트롤러: 노드 ${pod.spec.nodeName}의 ${why} 파드 ${name} 축출`, hop: 'controller' };
    e.recordEvent({ kind: 'Pod', name, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata!.namespace}/${name}`, 'taint-eviction-controller', c);
    deletePod(e, pod, c);
  }
}

