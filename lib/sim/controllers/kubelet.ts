/**
 * The kubelets of every node, as one controller keyed by pod: image pull (Pulling/Pulled, or
 * ErrImagePull → ImagePullBackOff with doubling backoff), ContainerCreating → Running → Ready,
 * container exits → CrashLoopBackOff (10 s doubling, capped), graceful termination, pod IPs from
 * the node's podCIDR. Stage deadlines live in PodRuntime and wake the pod through the timer heap.
 */
import type { V1ContainerStatus, V1Node, V1Pod } from '../../k8s/api-types';
import type { Controller, Engine, PodRuntime } from '../engine';
import type { Kind } from '../../k8s/types';
import type { StoreChange } from '../store';
import type { Cause } from '../types';
import { planContainer } from '../images';
import { EXIT_VISIBLE_MS } from '../timings';
import { crashBackOffDelay, recordRestart } from './container-backoff';
import { terminatePod } from './kubelet-terminate';
import { beginInit, stepInit } from './kubelet-init';
import { imageId, sortConditions, statusImage, waitingStatuses, withCondition } from './pod-status';
import { isPodReady } from '../pods';
import { allocatePodIp, nodeInternalIp } from './node-network';
import { finishPull, KUBELET, pullBackOff, startPull, writePodStatus, type EventFn, type KubeletCtx } from './kubelet-pull';
import { volumesReady } from './kubelet-config';

export { KUBELET };

/** lastState of a (re)started container: the instance that just ended, else what it had (kubelet convertToAPIContainerStatuses). */
const lastStateOf = (prev: V1ContainerStatus | undefined) =>
  prev?.state?.terminated ? { lastState: { terminated: prev.state.terminated } } : prev?.lastState?.terminated ? { lastState: prev.lastState } : {};

const fmtDuration = (ms: number) => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}m0s` : ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${(ms % 60_000) / 1000}s` : `${ms / 1000}s`);

export class Kubelet implements Controller {
  readonly name = KUBELET;
  readonly watches: readonly Kind[] = ['Pod'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind !== 'Pod') return;
    if (c.type === 'DELETED') {
      delete e.state.kubelet[c.key];
      return;
    }
    const pod = c.object as V1Pod;
    const old = c.old as V1Pod | undefined;
    if (!pod.spec?.nodeName) return;
    // React to binding, deletion and spec edits; our own status writes need no wake-up.
    if (!old || old.spec?.nodeName !== pod.spec.nodeName || old.metadata?.deletionTimestamp !== pod.metadata?.deletionTimestamp || old.spec !== pod.spec || (isPodReady(old) && !isPodReady(pod)))
      e.enqueue(KUBELET, c.key);
  }

  reconcile(key: string, e: Engine): void {
    const pod = e.get<V1Pod>('Pod', key);
    let rt: PodRuntime | undefined = e.state.kubelet[key];
    if (!pod) {
      delete e.state.kubelet[key];
      return;
    }
    if (rt && rt.uid !== pod.metadata!.uid) rt = undefined;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    // no such node, or its kubelet is not running: nothing happens to the pod
    if (!e.store.get('Node', nodeName) || e.state.nodes[nodeName]?.downSince !== undefined) return;
    const actor = `kubelet/${nodeName}`;
    const cause = (message: string): Cause => ({ actor, message: `kubelet(${nodeName}): ${message}`, hop: 'kubelet' });
    const event = (type: 'Normal' | 'Warning', reason: string, message: string, c: Cause, fieldPath?: string) =>
      e.recordEvent({ kind: 'Pod', name: pod.metadata!.name!, namespace: pod.metadata!.namespace, uid: pod.metadata!.uid, fieldPath }, type, reason, message, 'kubelet', c, nodeName);
    const name = pod.metadata!.name!;

    if (pod.metadata!.deletionTimestamp) return terminatePod(key, pod, rt, e, cause, event);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (!rt || (rt.stage === 'mounting' && e.time >= rt.due)) {
      rt ??= e.state.kubelet[key] = { uid: pod.metadata!.uid!, stage: 'mounting', due: e.time, pullFailures: 0, crashes: 0 };
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
        return this.startOrRestart(key, rt, e, cause, event);
      case 'running':
        return this.tick(key, rt, e, cause);
      case 'exited': {
        const backoff = crashBackOffDelay(rt, rt.exitedAt ?? e.time, e.timings);
        // no back-off entry yet (first crash, or it ran 10 minutes): the kubelet restarts at once
        if (backoff === 0) return this.restartCrashed(key, rt, e, cause, event);
        const current = e.get<V1Pod>('Pod', key)!;
        const crashed = current.spec!.containers[this.exitingIndex(current, rt)];
        const c = cause(`컨테이너 ${crashed.name}이(가) 종료되어 ${fmtDuration(backoff)} 뒤 재시작 (CrashLoopBackOff)`);
        writePodStatus(key, e, c, (p) => ({
          ...p.status,
          containerStatuses: (p.status?.containerStatuses ?? []).map((s) =>
            s.name === crashed.name
              ? {
                  ...s,
                  ready: false,
                  started: false,
                  lastState: { terminated: s.state?.terminated },
                  state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${fmtDuration(backoff)} restarting failed container=${s.name} pod=${name}_${p.metadata!.namespace}(${p.metadata!.uid})` } },
                }
              : s,
          ),
        }));
        event('Warning', 'BackOff', `Back-off restarting failed container ${crashed.name} in pod ${name}_${current.metadata!.namespace}(${current.metadata!.uid})`, c, `spec.containers{${crashed.name}}`);
        rt.stage = 'crashBackOff';
        // the wait counts from the container's finish time, like IsInBackOffSince(key, FinishedAt)
        rt.due = Math.max(e.time, (rt.exitedAt ?? e.time) + backoff);
        return e.enqueueAt(KUBELET, key, rt.due);
      }
      case 'crashBackOff':
        return this.restartCrashed(key, rt, e, cause, event);
      default:
        return;
    }
  }

  /** Restarts the exited container and records the restart in its back-off entry. */
  private restartCrashed(key: string, rt: PodRuntime, e: Engine, cause: (m: string) => Cause, event: EventFn): void {
    recordRestart(rt, rt.exitedAt ?? e.time, e.time, e.timings);
    const current = e.get<V1Pod>('Pod', key)!;
    const c = current.spec!.containers[this.exitingIndex(current, rt)];
    const cc = cause(`컨테이너 ${c.name}을(를) 다시 시작 (재시작 ${rt.crashes}회째)`);
    event('Normal', 'Pulled', `Container image "${c.image}" already present on machine`, cc, `spec.containers{${c.name}}`);
    event('Normal', 'Created', `Created container ${c.name}`, cc, `spec.containers{${c.name}}`);
    rt.stage = 'starting';
    rt.due = e.time;
    return this.start(key, rt, e, cause, event, c.name);
  }

  /** Index of the container that will exit first (the one a crash loop is about). */
  private exitingIndex(pod: V1Pod, rt: PodRuntime): number {
    const named = rt.crashed ? pod.spec!.containers.findIndex((c) => c.name === rt.crashed) : -1;
    if (named >= 0) return named;
    let idx = 0;
    let min = Infinity;
    pod.spec!.containers.forEach((c, i) => {
      const plan = planContainer(c, pod);
      if (plan.runMs < min) {
        min = plan.runMs;
        idx = i;
      }
    });
    return idx;
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
    writePodStatus(key, e, cause, (p) => ({
      ...p.status,
      phase: 'Pending',
      conditions: sortConditions(conditions),
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: now,
      containerStatuses: waitingStatuses(p, 'ContainerCreating'),
    }));
  }

  private startOrRestart(key: string, rt: PodRuntime, e: Engine, cause: (m: string) => Cause, event: EventFn): void {
    const restart = rt.restart;
    delete rt.restart;
    if (restart?.length === 1) return this.start(key, rt, e, cause, event, restart[0]);
    return this.start(key, rt, e, cause, event);
  }

  /** Containers start; readiness follows after readinessDelay (+ probe initialDelaySeconds). */
  private start(key: string, rt: PodRuntime, e: Engine, cause: (m: string) => Cause, event: EventFn, only?: string): void {
    const pod = e.get<V1Pod>('Pod', key)!;
    const now = e.iso();
    const restarted = only !== undefined;
    for (const c of pod.spec!.containers)
      if (!only || c.name === only) event('Normal', 'Started', `Started container ${c.name}`, cause(`컨테이너 ${c.name} 시작`), `spec.containers{${c.name}}`);
    rt.started = { ...(rt.started ?? {}) };
    for (const c of pod.spec!.containers) if (!only || c.name === only) rt.started[c.name] = e.time;
    const hex = () => `containerd://${e.rng.hex(64)}`;
    writePodStatus(key, e, cause(restarted ? `컨테이너 ${only} 재시작됨` : `파드 ${pod.metadata!.name}의 컨테이너가 실행 중 (Running)`), (p) => ({
      ...p.status,
      phase: 'Running',
      containerStatuses: p.spec!.containers.map((c): V1ContainerStatus => {
        const prev = p.status?.containerStatuses?.find((s) => s.name === c.name);
        if (only && c.name !== only && prev?.state?.running) return prev;
        return {
          name: c.name,
          image: statusImage(c.image!),
          imageID: imageId(c.image!),
          containerID: hex(),
          ready: false,
          restartCount: (prev?.restartCount ?? 0) + (restarted && c.name === only ? 1 : 0),
          // a startup probe holds `started` (and so the other probes) until it succeeds
          started: !c.startupProbe,
          state: { running: { startedAt: now } },
          ...lastStateOf(prev),
        };
      }),
    }));
    rt.stage = 'running';
    rt.due = e.time;
    this.tick(key, rt, e, cause);
  }

  /** While running: flip to Ready when due, exit containers whose plan says so. */
  private tick(key: string, rt: PodRuntime, e: Engine, cause: (m: string) => Cause): void {
    const pod = e.get<V1Pod>('Pod', key)!;
    const statuses = pod.status?.containerStatuses ?? [];
    let next = Infinity;
    let exiting: { i: number; code: number } | undefined;
    const readyNow: string[] = [];
    pod.spec!.containers.forEach((c, i) => {
      const s = statuses.find((x) => x.name === c.name);
      const startedAt = s?.state?.running ? rt.started?.[c.name] : undefined;
      if (startedAt === undefined) return;
      const plan = planContainer(c, pod);
      const exitAt = startedAt + plan.runMs;
      const readyAt = startedAt + e.timings.readinessDelay + (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000;
      if (exitAt <= e.time) {
        if (!exiting) exiting = { i, code: plan.exitCode };
      } else {
        next = Math.min(next, exitAt);
        // with a readiness or startup probe the prober decides readiness (prober/prober.ts)
        if (c.readinessProbe || c.startupProbe) return;
        if (readyAt <= e.time) {
          if (!s!.ready) readyNow.push(c.name);
        } else next = Math.min(next, readyAt);
      }
    });
    if (exiting) return this.exit(key, rt, e, cause, exiting.i, exiting.code);
    if (readyNow.length) {
      const ready = new Set(readyNow);
      writePodStatus(key, e, cause(`파드 ${pod.metadata!.name}이(가) 준비됨 (Ready)`), (p) => ({
        ...p.status,
        containerStatuses: (p.status?.containerStatuses ?? []).map((s) => (ready.has(s.name) ? { ...s, ready: true } : s)),
      }));
    }
    rt.due = next;
    if (next !== Infinity) e.enqueueAt(KUBELET, key, next);
  }

  /** A container exited: restart per restartPolicy, or finish the pod. */
  private exit(key: string, rt: PodRuntime, e: Engine, cause: (m: string) => Cause, index: number, code: number): void {
    const pod = e.get<V1Pod>('Pod', key)!;
    const c = pod.spec!.containers[index];
    const policy = pod.spec!.restartPolicy ?? 'Always';
    const now = e.iso();
    const prev = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    const plan = planContainer(c, pod);
    const terminated = {
      exitCode: code,
      reason: plan.reason ?? (code === 0 ? 'Completed' : 'Error'),
      ...(plan.message ? { message: plan.message } : {}),
      startedAt: prev?.state?.running?.startedAt,
      finishedAt: now,
      containerID: prev?.containerID,
    };
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    if (restart) {
      writePodStatus(key, e, cause(`컨테이너 ${c.name}이(가) 종료 코드 ${code}로 끝남`), (p) => ({
        ...p.status,
        containerStatuses: (p.status?.containerStatuses ?? []).map((s) => (s.name === c.name ? { ...s, ready: false, started: false, state: { terminated } } : s)),
      }));
      rt.stage = 'exited';
      rt.exitedAt = e.time;
      rt.crashed = c.name;
      rt.due = e.time + EXIT_VISIBLE_MS;
      return e.enqueueAt(KUBELET, key, rt.due);
    }
    const phase = code === 0 ? 'Succeeded' : 'Failed';
    writePodStatus(key, e, cause(`파드 ${pod.metadata!.name}의 컨테이너가 종료 코드 ${code}로 끝나 ${phase}`), (p) => ({
      ...p.status,
      phase,
      containerStatuses: (p.status?.containerStatuses ?? []).map((s) => ({ ...s, ready: false, started: false, state: { terminated: { ...terminated, startedAt: s.state?.running?.startedAt } } })),
    }));
    rt.stage = 'done';
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
