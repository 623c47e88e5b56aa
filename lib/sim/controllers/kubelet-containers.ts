/**
 * The kubelet's containers once the pod's sandbox and images are ready: start, readiness without probes, exit per
 * restartPolicy, and the CrashLoopBackOff wait before a restart (kubelet pkg/kubelet/kuberuntime, back-off from
 * container-backoff.ts). Each function is one step of the kubelet's reconcile for one pod.
 */
import type { V1Container, V1ContainerStatus, V1Pod } from '../../k8s/api-types';
import type { PodRuntime } from '../engine';
import { instancePlan, recordNetworkedMains } from './kubelet-networked-main';
import { EXIT_VISIBLE_MS } from '../timings';
import { crashBackOffDelay, recordRestart } from './container-backoff';
import { KUBELET, writePodStatus, type KubeletCtx } from './kubelet-pull';
import { imageId, statusImage } from './pod-status';
import { containerFieldPath, startedMessage } from './kubelet-strings';

/** lastState of a (re)started container: the instance that just ended, else what it had (kubelet convertToAPIContainerStatuses). */
const lastStateOf = (prev: V1ContainerStatus | undefined) =>
  prev?.state?.terminated ? { lastState: { terminated: prev.state.terminated } } : prev?.lastState?.terminated ? { lastState: prev.lastState } : {};

const fmtDuration = (ms: number) => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}m0s` : ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${(ms % 60_000) / 1000}s` : `${ms / 1000}s`);

/** A container exited and its pod restarts it: at once the first time, else after CrashLoopBackOff's back-off. */
export function restartOrBackOff(ctx: KubeletCtx): void {
  const { key, rt, e, cause, event } = ctx;
  const backoff = crashBackOffDelay(rt, rt.exitedAt ?? e.time, e.timings);
  // no back-off entry yet (first crash, or it ran 10 minutes): the kubelet restarts at once
  if (backoff === 0) return restartCrashed(ctx);
  const current = e.get<V1Pod>('Pod', key)!;
  const name = current.metadata!.name!;
  const crashed = current.spec!.containers[exitingIndex(current, rt)];
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

/** Restarts the exited container and records the restart in its back-off entry. */
export function restartCrashed(ctx: KubeletCtx): void {
  const { key, rt, e, cause, event } = ctx;
  recordRestart(rt, rt.exitedAt ?? e.time, e.time, e.timings);
  const current = e.get<V1Pod>('Pod', key)!;
  const c = current.spec!.containers[exitingIndex(current, rt)];
  const cc = cause(`컨테이너 ${c.name}을(를) 다시 시작 (재시작 ${rt.crashes}회째)`);
  event('Normal', 'Pulled', `Container image "${c.image}" already present on machine`, cc, `spec.containers{${c.name}}`);
  event('Normal', 'Created', `Created container ${c.name}`, cc, `spec.containers{${c.name}}`);
  rt.stage = 'starting';
  rt.due = e.time;
  return start(ctx, c.name);
}


/** Index of the container that will exit first (the one a crash loop is about). */
function exitingIndex(pod: V1Pod, rt: PodRuntime): number {
  const named = rt.crashed ? pod.spec!.containers.findIndex((c) => c.name === rt.crashed) : -1;
  if (named >= 0) return named;
  let idx = 0;
  let min = Infinity;
  pod.spec!.containers.forEach((c, i) => {
    const plan = instancePlan(rt, c, pod);
    if (plan.runMs < min) {
      min = plan.runMs;
      idx = i;
    }
  });
  return idx;
}


/** Starts the containers, or only the one `kubectl set image` changed. */
export function startOrRestart(ctx: KubeletCtx): void {
  const { rt } = ctx;
  const restart = rt.restart;
  delete rt.restart;
  if (restart?.length === 1) return start(ctx, restart[0]);
  return start(ctx);
}


/** Containers start; a container without probes is ready at once (after readinessDelay when a lesson sets one). */
function start(ctx: KubeletCtx, only?: string): void {
  const { key, rt, e, cause, event } = ctx;
  const pod = e.get<V1Pod>('Pod', key)!;
  const now = e.iso();
  const restarted = only !== undefined;
  const containers = pod.spec!.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (!only || c.name === only) event('Normal', 'Started', startedMessage(c.name), cause(`컨테이너 ${c.name} 시작`), containerFieldPath(c.name));
  }
  const started = (rt.started = { ...(rt.started ?? {}) });
  for (let i = 0; i < containers.length; i++) if (!only || containers[i].name === only) started[containers[i].name] = e.time;
  // With no readiness or startup probe a running container is ready at once (the prober manager's UpdatePodStatus:
  // no readiness worker → ready), so the first Running status already reads 1/1 unless a lesson's timings delay it.
  const readyAtStart = (c: V1Container) => !c.readinessProbe && !c.startupProbe && e.timings.readinessDelay <= 0;
  const message = restarted
    ? `컨테이너 ${only} 재시작됨`
    : containers.every(readyAtStart)
      ? `파드 ${pod.metadata!.name}이(가) 준비됨 (Running과 동시에 Ready — 준비성 프로브가 없음)`
      : `파드 ${pod.metadata!.name}의 컨테이너가 실행 중 (Running)`;
  writePodStatus(key, e, cause(message), (p) => ({
    ...p.status,
    phase: 'Running',
    containerStatuses: p.spec!.containers.map((c): V1ContainerStatus => {
      const prev = p.status?.containerStatuses?.find((s) => s.name === c.name);
      if (only && c.name !== only && prev?.state?.running) return prev;
      return {
        name: c.name,
        image: statusImage(c.image!),
        imageID: imageId(c.image!),
        containerID: `containerd://${e.rng.hex(64)}`,
        ready: readyAtStart(c),
        restartCount: (prev?.restartCount ?? 0) + (restarted && c.name === only ? 1 : 0),
        // a startup probe holds `started` (and so the other probes) until it succeeds
        started: !c.startupProbe,
        state: { running: { startedAt: now } },
        ...lastStateOf(prev),
      };
    }),
  }));
  recordNetworkedMains(e, rt, pod, pod.spec!.containers.filter((c) => !only || c.name === only));
  rt.stage = 'running';
  rt.due = e.time;
  tickRunning(ctx);
}


/** While running: flip to Ready when due, exit containers whose plan says so. */
export function tickRunning(ctx: KubeletCtx): void {
  const { key, rt, e, cause } = ctx;
  const pod = e.get<V1Pod>('Pod', key)!;
  const statuses = pod.status?.containerStatuses ?? [];
  let next = Infinity;
  let exiting: { i: number; code: number } | undefined;
  const readyNow: string[] = [];
  pod.spec!.containers.forEach((c, i) => {
    const s = statuses.find((x) => x.name === c.name);
    const startedAt = s?.state?.running ? rt.started?.[c.name] : undefined;
    if (startedAt === undefined) return;
    const plan = instancePlan(rt, c, pod);
    // `exit` typed in an attached shell (apps/attach.ts) ends PID 1 now, with the code typed
    const attached = rt.attachExit?.container === c.name ? rt.attachExit : undefined;
    const exitAt = attached ? e.time : startedAt + plan.runMs;
    const readyAt = startedAt + e.timings.readinessDelay + (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000;
    if (exitAt <= e.time) {
      if (!exiting) exiting = { i, code: attached ? attached.code : plan.exitCode };
    } else {
      next = Math.min(next, exitAt);
      // with a readiness or startup probe the prober decides readiness (prober/prober.ts)
      if (c.readinessProbe || c.startupProbe) return;
      if (readyAt <= e.time) {
        if (!s!.ready) readyNow.push(c.name);
      } else next = Math.min(next, readyAt);
    }
  });
  if (exiting) return exitContainer(ctx, exiting.i, exiting.code);
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
function exitContainer(ctx: KubeletCtx, index: number, code: number): void {
  const { key, rt, e, cause } = ctx;
  const pod = e.get<V1Pod>('Pod', key)!;
  const c = pod.spec!.containers[index];
  const policy = pod.spec!.restartPolicy ?? 'Always';
  const now = e.iso();
  const prev = pod.status?.containerStatuses?.find((s) => s.name === c.name);
  const plan = instancePlan(rt, c, pod);
  delete rt.attachExit;
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
