/**
 * The kubelet's side of lifecycle hooks: the preStop hook when a container is stopped (with its
 * FailedPreStopHook event) and the postStart hook right after a container starts (FailedPostStartHook,
 * then the container is killed and restarted). Events keep the kubelet's wording, which leaves the
 * hook's output out so secrets do not leak (pkg/kubelet/kuberuntime/kuberuntime_container.go).
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import type { Cause } from '../types';
import { runHook } from '../prober/lifecycle-hooks';
import type { EventFn } from './kubelet-pull';

/** Runs the container's preStop hook (if any); returns how long it takes (ms). */
export function preStop(pod: V1Pod, c: V1Container, e: Engine, event: EventFn, cause: (m: string) => Cause): number {
  const hook = c.lifecycle?.preStop;
  if (!hook) return 0;
  const { ms, failed } = runHook(hook, pod, c, e);
  if (failed) event('Warning', 'FailedPreStopHook', 'PreStopHook failed', cause(`컨테이너 ${c.name}의 preStop 훅이 실패 — 그대로 SIGTERM을 보냄`), `spec.containers{${c.name}}`);
  return ms;
}
