/**
 * Graceful pod termination on the kubelet (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer):
 * a Killing event "Stopping container NAME" per running container, SIGTERM, then SIGKILL when the
 * pod's grace period (deletionGracePeriodSeconds) runs out. A process that handles SIGTERM stops after
 * `timings.terminationGrace`; one that ignores it (a shell or `sleep` as PID 1) runs the whole grace
 * period; a container whose own command ends first stops then. A preStop hook runs first and its time
 * counts against the grace period. The pod is removed when all have stopped. When each container got SIGTERM is
 * kept (PodRuntime.sigtermAt): a server that handles it closes its listening socket then (network/connect.ts).
 */
import type { V1Pod } from '../../k8s/api-types';
import type { Engine, PodRuntime } from '../engine';
import type { Cause } from '../types';
import { planContainer, stopsOnSigterm } from '../images';
import { KUBELET, type EventFn } from './kubelet-pull';
import { preStop } from './kubelet-hooks';
import { stopDelayMs } from '../prober/lifecycle-hooks';
import { containerFieldPath, stoppingMessage } from './kubelet-strings';

/**
 * When the running container `name` gets SIGTERM (after its preStop hook, cut at the grace period) and how many ms
 * until it stops: then `timings.terminationGrace` if it handles SIGTERM, else at SIGKILL (at most the grace period,
 * +2 s after a hook).
 */
function stopAfter(pod: V1Pod, name: string, rt: PodRuntime | undefined, graceMs: number, e: Engine, event: EventFn, cause: (m: string) => Cause): { sigtermMs: number; stopMs: number } {
  const c = pod.spec!.containers.find((x) => x.name === name);
  if (!c) return { sigtermMs: 0, stopMs: 0 };
  let ms = stopsOnSigterm(c, pod) ? e.timings.terminationGrace : Infinity;
  const started = rt?.started?.[name];
  const runMs = planContainer(c, pod).runMs;
  if (started !== undefined && runMs !== Infinity) ms = Math.min(ms, Math.max(0, started + runMs - e.time));
  const hookMs = preStop(pod, c, e, event, cause);
  return { sigtermMs: Math.min(hookMs, graceMs), stopMs: stopDelayMs(hookMs, graceMs, ms) };
}

export function terminatePod(key: string, pod: V1Pod, rt: PodRuntime | undefined, e: Engine, cause: (m: string) => Cause, event: EventFn): void {
  const name = pod.metadata!.name!;
  const graceSeconds = pod.metadata!.deletionGracePeriodSeconds ?? 30;
  if (!rt || rt.stage !== 'terminating') {
    let stopMs = 0;
    const sigtermAt: Record<string, number> = {};
    for (const s of pod.status?.containerStatuses ?? []) {
      if (!s.state?.running) continue;
      event('Normal', 'Killing', stoppingMessage(s.name), cause(`파드 ${name} 삭제 요청으로 컨테이너 ${s.name}에 SIGTERM을 보내고 최대 ${graceSeconds}초 대기`), containerFieldPath(s.name));
      const stop = stopAfter(pod, s.name, rt, graceSeconds * 1000, e, event, cause);
      stopMs = Math.max(stopMs, stop.stopMs);
      sigtermAt[s.name] = e.time + stop.sigtermMs;
    }
    rt = { uid: pod.metadata!.uid!, stage: 'terminating', due: e.time + stopMs, pullFailures: 0, crashes: rt?.crashes ?? 0, terminatingGrace: graceSeconds, sigtermAt };
    e.state.kubelet.set(key, rt);
  } else if (graceSeconds < (rt.terminatingGrace ?? Infinity)) {
    // a second delete with a shorter --grace-period: SIGKILL comes sooner
    rt.due = Math.min(rt.due, e.time + graceSeconds * 1000);
    rt.terminatingGrace = graceSeconds;
  }
  if (e.time < rt.due) return e.enqueueAt(KUBELET, key, rt.due);
  e.state.kubelet.delete(key);
  e.removeObject('Pod', name, pod.metadata!.namespace, cause(`파드 ${name}의 컨테이너가 모두 멈춰 삭제 완료`), key);
}
