/**
 * Stopping one running container from outside its own plan: a failed liveness/startup probe
 * (kuberuntime_manager.go computePodActions → killContainer) or the kernel's OOM killer. The
 * container's state becomes Terminated with the given reason and exit code; under a restarting
 * policy the kubelet's existing exit → back-off → restart path takes over (controllers/kubelet.ts,
 * stage 'exited' with `rt.crashed` naming the container), so restarts count and CrashLoopBackOff
 * follows as for any crash.
 */
import type { V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import type { Cause } from '../types';
import { EXIT_VISIBLE_MS } from '../timings';
import { KUBELET, writePodStatus } from '../controllers/kubelet-pull';

export interface Termination {
  exitCode: number;
  reason: 'Completed' | 'Error' | 'OOMKilled';
  killedByKubelet?: boolean;
}

/** Terminates container `name` of the pod at `key` now. No-op when the kubelet is not running it. */
export function stopContainer(e: Engine, key: string, name: string, t: Termination, cause: Cause): void {
  const pod = e.get<V1Pod>('Pod', key);
  const rt = e.state.kubelet.get(key);
  const prev = pod?.status?.containerStatuses?.find((s) => s.name === name);
  if (!pod || !rt || rt.stage !== 'running' || !prev?.state?.running || pod.metadata?.deletionTimestamp) return;
  const terminated = { exitCode: t.exitCode, reason: t.reason, startedAt: prev.state.running.startedAt, finishedAt: e.iso(), containerID: prev.containerID };
  const policy = pod.spec!.restartPolicy ?? 'Always';
  // a container the kubelet killed (failed probe or hook) is restarted unless the policy is Never
  // (kuberuntime_manager.go computePodActions); an OOM kill restarts like any non-zero exit
  const restarts = policy === 'Always' || (policy === 'OnFailure' && (t.exitCode !== 0 || t.killedByKubelet === true));
  const othersRunning = (pod.status?.containerStatuses ?? []).some((s) => s.name !== name && s.state?.running);
  // restartPolicy Never: the pod ends when its last container has stopped (Failed unless every one exited 0)
  const phase = restarts || othersRunning ? undefined : allExitedZero(pod, name, t.exitCode) ? 'Succeeded' : 'Failed';
  writePodStatus(key, e, cause, (p) => ({
    ...p.status,
    ...(phase ? { phase } : {}),
    containerStatuses: (p.status?.containerStatuses ?? []).map((s) => (s.name === name ? { ...s, ready: false, started: false, state: { terminated } } : s)),
  }));
  if (restarts) {
    rt.stage = 'exited';
    rt.exitedAt = e.time;
    rt.crashed = name;
    rt.due = e.time + EXIT_VISIBLE_MS;
    e.enqueueAt(KUBELET, key, rt.due);
  } else if (phase) rt.stage = 'done';
}

function allExitedZero(pod: V1Pod, name: string, code: number): boolean {
  if (code !== 0) return false;
  return (pod.status?.containerStatuses ?? []).every((s) => s.name === name || s.state?.terminated?.exitCode === 0);
}
