/**
 * Memory limits: a container whose resident memory goes over `resources.limits.memory` is killed by
 * the kernel's OOM killer in its cgroup; the runtime reports it as Terminated, reason OOMKilled, exit
 * code 137 (128 + SIGKILL), and the kubelet restarts it with its back-off
 * (https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-containers-memory-limit).
 * The process view is sampled shortly after start and then only at the change points it announces
 * (`nextMemoryChange`), so a steady container costs one sample.
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import type { Cause } from '../types';
import { parseMemoryBytes } from '../../k8s/quantity';
import { stopContainer } from './kill';
import type { MemoryChangePoints } from './process-view';

/** ms after start when the process has allocated its working set (first sample) */
export const OOM_FIRST_SAMPLE_MS = 1_000;

export const hasMemoryLimit = (c: V1Container): boolean => c.resources?.limits?.memory !== undefined;

/** Samples the container's memory now; kills it when over the limit. Returns when to sample next, if ever. */
export function checkMemory(e: Engine, podKey: string, pod: V1Pod, c: V1Container, cause: (m: string) => Cause): number | undefined {
  const limit = parseMemoryBytes(c.resources!.limits!.memory);
  const view = e.processView(pod, c);
  const used = view.memoryBytes(e.time);
  if (used > limit) {
    const why = `컨테이너 ${c.name}의 메모리 사용량(${Math.round(used / 2 ** 20)}Mi)이 제한(${c.resources!.limits!.memory})을 넘어 커널이 종료 (OOMKilled, 종료 코드 137)`;
    stopContainer(e, podKey, c.name, { exitCode: 137, reason: 'OOMKilled' }, cause(why));
    return undefined;
  }
  const next = (view as Partial<MemoryChangePoints>).nextMemoryChange?.(e.time);
  return next !== undefined && next > e.time ? next : undefined;
}
