/**
 * The kubelets of every node, as one controller keyed by pod: image pull (Pulling/Pulled, or
 * ErrImagePull → ImagePullBackOff with doubling backoff), ContainerCreating → Running → Ready,
 * container exits → CrashLoopBackOff (10 s doubling, capped), graceful termination, pod IPs from
 * the node's podCIDR. Stage deadlines live in PodRuntime and wake the pod through the timer heap.
 */
import type { V1Node, V1Pod } from '../../k8s/api-types';
import type { Controller, Engine, PodRuntime } from '../engine';
import type { Kind } from '../../k8s/types';
import type { StoreChange } from '../store';
import type { Cause } from '../types';
import { terminatePod } from './kubelet-terminate';
import { beginInit, stepInit } from './kubelet-init';
import { sortConditions, statusImage, waitingStatuses, withCondition } from './pod-status';
import { isPodReady } from '../pods';
import { allocatePodIp, nodeInternalIp } from './node-network';
import { finishPull, KUBELET, pullBackOff, startPull, writePodStatus, type KubeletCtx } from './kubelet-pull';
import { restartCrashed, restartOrBackOff, startOrRestart, tickRunning } from './kubelet-containers';
import { volumesReady } from './kubelet-config';
import { withFields } from '../json';

export { KUBELET };

/*
 * The kubelet's cause and event helpers for one reconcile, made by module functions rather than as named arrow
 * constants inside reconcile: under tsx (the benches, the sim cluster server) esbuild's keepNames gives every named
 * closure its name at creation with Object.defineProperty, which cost more than the closure on this path (it runs
 * for every pod change a kubelet sees). The returned arrows are anonymous, so nothing is named per call.
 */
export function kubeletCause(nodeName: string): (message: string) => Cause {
  let cause = causeByNode.get(nodeName);
  if (cause === undefined) {
    const actor = `kubelet/${nodeName}`;
    causeByNode.set(nodeName, (cause = (message) => ({ actor, message: `kubelet(${nodeName}): ${message}`, hop: 'kubelet' })));
  }
  return cause;
}
/** one cause maker per node name (it holds nothing else): a reconcile reuses it instead of a closure and a string each */
const causeByNode = new Map<string, (message: string) => Cause>();

function podEventRecorder(e: Engine, pod: V1Pod, nodeName: string): KubeletCtx['event'] {
  return (type, reason, message, c, fieldPath) =>
    e.recordEvent({ kind: 'Pod', name: pod.metadata!.name!, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid, fieldPath }, type, reason, message, 'kubelet', c, nodeName);
}

export class Kubelet implements Controller {
  readonly name = KUBELET;
  readonly watches: readonly Kind[] = ['Pod'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind !== 'Pod') return;
    if (c.type === 'DELETED') {
      e.state.kubelet.delete(c.key);
      return;
    }
    const pod = c.object as V1Pod;
    const old = c.old as V1Pod | undefined;
    if (!pod.spec?.nodeName) return;
    // React to binding, deletion and spec edits; our own status writes need no wake-up. Readiness can only have been
    // lost when the conditions changed (writers keep the array otherwise), so most status writes skip that look.
    if (
      !old ||
      old.spec?.nodeName !== pod.spec.nodeName ||
      old.metadata?.deletionTimestamp !== pod.metadata?.deletionTimestamp ||
      old.spec !== pod.spec ||
      (old.status?.conditions !== pod.status?.conditions && isPodReady(old) && !isPodReady(pod))
    )
      e.enqueue(KUBELET, c.key);
  }

  reconcile(key: string, e: Engine): void {
    const pod = e.get<V1Pod>('Pod', key);
    let rt: PodRuntime | undefined = e.state.kubelet.get(key);
    if (!pod) {
      e.state.kubelet.delete(key);
      return;
    }
    if (rt && rt.uid !== pod.metadata!.uid) rt = undefined;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    // no such node, or its kubelet is not running: nothing happens to the pod
    if (!e.store.get('Node', nodeName) || e.state.nodes[nodeName]?.downSince !== undefined) return;
    const cause = kubeletCause(nodeName);
    const event = podEventRecorder(e, pod, nodeName);
    const name = pod.metadata!.name!;

    if (pod.metadata!.deletionTimestamp) return terminatePod(key, pod, rt, e, cause, event);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (!rt || (rt.stage === 'mounting' && e.time >= rt.due)) {
      if (!rt) e.state.kubelet.set(key, (rt = { uid: pod.metadata!.uid!, stage: 'mounting', due: e.time, pullFailures: 0, crashes: 0 }));
      if (!volumesReady({ key, rt, e, cause, event }, pod)) return;
      this.sandbox(pod, nodeName, e, cause(`파드 ${name}의 샌드박스를 만들고 IP를 할당`));
      if (!beginInit({ key, rt, e, cause, event })) startPull({ key, rt, e, cause, event });
      return;
    }
    const ctx: KubeletCtx = { key, rt, e, cause, event };
    if (rt.init) return stepInit(ctx);
    if (rt.stage === 'running' || rt.stage === 'crashBackOff' || rt.stage === 'exited') {
      // `kubectl set image` on a pod: the kubelet kills the changed containers and starts the new image
      const changed = pod.spec!.containers.filter((c) => {
        const s = pod.status?.containerStatuses?.find((x) => x.name === c.name);
        return s && s.image !== statusImage(c.image!);
      });
      if (changed.length) {
        for (const c of changed)
          event('Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`, cause(`컨테이너 ${c.name}의 이미지가 ${c.image}(으)로 바뀌어 다시 시작`), `spec.containers{${c.name}}`);
        rt.restart = changed.map((c) => c.name);
        return startPull(ctx);
      }
    }
    if (e.time < rt.due) {
      this.heal(key, rt, e, cause);
      if (rt.due !== Infinity) e.enqueueAt(KUBELET, key, rt.due);
      return;
    }
    switch (rt.stage) {
      case 'pulling':
        return finishPull(ctx);
      case 'errImagePull':
        return pullBackOff(ctx);
      case 'imagePullBackOff':
        return startPull(ctx);
      case 'starting':
        return startOrRestart(ctx);
      case 'running':
        return tickRunning(ctx);
      case 'exited':
        return restartOrBackOff(ctx);
      case 'crashBackOff':
        return restartCrashed(ctx);
      default:
        return;
    }
  }

  /** Pod sandbox: IP from the node's podCIDR, host IP, start time, ContainerCreating. */
  private sandbox(pod: V1Pod, nodeName: string, e: Engine, cause: Cause): void {
    const node = e.get<V1Node>('Node', nodeName);
    const hostIP = node ? nodeInternalIp(node) : '';
    const podIP = pod.spec?.hostNetwork ? hostIP : allocatePodIp(e, nodeName);
    const now = e.iso();
    let conditions = withCondition(pod.status?.conditions, 'PodReadyToStartContainers', 'True', now);
    conditions = withCondition(conditions, 'Initialized', 'True', now);
    const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    // withFields: the first status with an IP adds keys, and a spread adding keys makes a hidden class per pod (json.ts)
    writePodStatus(key, e, cause, (p) =>
      withFields(p.status, {
        phase: 'Pending',
        conditions: sortConditions(conditions),
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP,
        podIPs: [{ ip: podIP }],
        startTime: now,
        containerStatuses: waitingStatuses(p, 'ContainerCreating'),
      }),
    );
  }

  /** Restores readiness the node controller took away while the node was unreachable. */
  private heal(key: string, rt: PodRuntime, e: Engine, cause: (m: string) => Cause): void {
    const pod = e.get<V1Pod>('Pod', key)!;
    if (rt.stage !== 'running' || isPodReady(pod)) return;
    const allReady = (pod.status?.containerStatuses ?? []).every((s) => s.ready);
    if (allReady && (pod.status?.containerStatuses?.length ?? 0) > 0)
      writePodStatus(key, e, cause(`노드가 돌아와 파드 ${pod.metadata!.name}을(를) 다시 Ready로 보고`), (p) => ({ ...p.status }));
  }
}
