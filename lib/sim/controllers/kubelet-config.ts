/**
 * The kubelet's use of ConfigMaps and Secrets (lib/sim/pod-config.ts computes what a container gets):
 * - volumes are set up before the sandbox (pkg/kubelet/kubelet.go SyncPod → volumeManager.WaitForAttachAndMount):
 *   a missing source keeps the pod ContainerCreating with a `FailedMount` Warning each attempt, retried with the
 *   operation executor's exponential back-off (pkg/volume/util/nestedpendingoperations: 500 ms doubling to 2m2s);
 * - env is built when a container is created (pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer →
 *   generateContainerConfig → makeEnvironmentVariables): a missing object or key leaves the container waiting
 *   with reason `CreateContainerConfigError`, a `Failed` Warning `Error: <message>`, and the pod worker retries
 *   after its back-off period (pkg/kubelet/pod_workers.go, 10 s).
 * Simplification: a pod with any container that cannot be configured starts none of its containers.
 */
import type { V1Container, V1Pod, V1Service } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { configSourceOf, resolveContainerEnv, resolveContainerFiles, volumeSetupError, type ConfigSource } from '../pod-config';
import { KUBELET, writePodStatus, type KubeletCtx } from './kubelet-pull';
import { waitingStatuses } from './pod-status';

const MOUNT_RETRY_FIRST_MS = 500;
const MOUNT_RETRY_MAX_MS = 2 * 60_000 + 2_000;
const CONFIG_RETRY_MS = 10_000;

/** The engine's store as a ConfigSource. */
export function engineConfigSource(e: Engine): ConfigSource {
  return configSourceOf((kind, key) => e.get(kind, key), (ns) => e.store.values('Service', ns) as Iterable<V1Service>);
}

/**
 * Whether the pod's ConfigMap and Secret volumes can be set up. When not: ContainerCreating (written once), a
 * FailedMount event, and a retry after the back-off; the caller waits (stage `mounting`).
 */
export function volumesReady(ctx: KubeletCtx, pod: V1Pod): boolean {
  const { key, rt, e, cause, event } = ctx;
  const error = pod.spec?.volumes?.length ? volumeSetupError(engineConfigSource(e), pod) : undefined;
  if (!error) {
    delete rt.mountFailures;
    // mounted: the pod moves on (pulls or init containers set their own stage; `mounting` must not linger)
    rt.stage = 'pulling';
    return true;
  }
  const c = cause(`파드 ${pod.metadata!.name}의 볼륨을 준비하지 못해 기다림: ${error}`);
  if (!rt.mountFailures)
    writePodStatus(key, e, c, (p) => ({ ...p.status, phase: 'Pending', containerStatuses: waitingStatuses(p, 'ContainerCreating') }));
  event('Warning', 'FailedMount', error, c);
  rt.mountFailures = (rt.mountFailures ?? 0) + 1;
  rt.stage = 'mounting';
  rt.due = e.time + Math.min(MOUNT_RETRY_MAX_MS, MOUNT_RETRY_FIRST_MS * 2 ** (rt.mountFailures - 1));
  e.enqueueAt(KUBELET, key, rt.due);
  return false;
}

/**
 * A container without envFrom, env valueFrom or volume mounts cannot fail to configure and has no warnings (literal
 * values and the Service variables always resolve), so the kubelet need not build its environment to start it.
 */
const resolvesPlainly = (c: V1Container): boolean => !c.envFrom?.length && !c.volumeMounts?.length && !c.env?.some((v) => v.valueFrom);

/**
 * Whether every container's env and files resolve. When not: each failing container waits with
 * CreateContainerConfigError, a `Failed` event names the error, and the kubelet tries again in 10 s.
 * On success, skipped envFrom keys are reported as InvalidEnvironmentVariableNames (once per start).
 */
export function containersConfigured(ctx: KubeletCtx, pod: V1Pod): boolean {
  const { key, rt, e, cause, event } = ctx;
  // the common pod (no envFrom, no volume mounts, no valueFrom): nothing to resolve, and no source, Map or Set built
  const containers = pod.spec!.containers;
  let plain = true;
  for (let i = 0; i < containers.length && plain; i++) plain = resolvesPlainly(containers[i]);
  if (plain) return true;
  const source = engineConfigSource(e);
  const failures = new Map<string, string>();
  const warnings: string[] = [];
  for (const c of pod.spec!.containers) {
    if (resolvesPlainly(c)) continue;
    const env = resolveContainerEnv(source, pod, c);
    const files = env.ok ? resolveContainerFiles(source, pod, c) : env;
    if (!files.ok) failures.set(c.name, files.error);
    else if (env.ok) warnings.push(...env.warnings);
  }
  if (failures.size === 0) {
    for (const w of new Set(warnings)) event('Warning', 'InvalidEnvironmentVariableNames', w, cause(`envFrom의 일부 키가 환경 변수 이름으로 쓸 수 없어 건너뜀`));
    return true;
  }
  const [first] = failures.values();
  const c = cause(`컨테이너 설정을 만들지 못해 시작하지 못함 (CreateContainerConfigError): ${first}`);
  writePodStatus(key, e, c, (p) => ({
    ...p.status,
    containerStatuses: waitingStatuses(p, 'ContainerCreating').map((s) =>
      failures.has(s.name) ? { ...s, state: { waiting: { reason: 'CreateContainerConfigError', message: failures.get(s.name)! } } } : s,
    ),
  }));
  for (const [name, message] of failures) event('Warning', 'Failed', `Error: ${message}`, c, `spec.containers{${name}}`);
  rt.due = e.time + CONFIG_RETRY_MS;
  e.enqueueAt(KUBELET, key, rt.due);
  return false;
}
