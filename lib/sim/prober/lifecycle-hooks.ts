/**
 * Container lifecycle hooks (https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/),
 * run against the container's process view as pkg/kubelet/lifecycle/handlers.go does:
 * - exec fails on a non-zero exit; httpGet fails only when the connection fails (the answer's status is
 *   ignored); sleep waits its seconds.
 * - preStop runs before SIGTERM and its time counts against the grace period; when it is done the
 *   container gets what is left, at least 2 s (killContainer in pkg/kubelet/kuberuntime/kuberuntime_container.go,
 *   minimumGracePeriodInSeconds).
 */
import type { V1Container, V1LifecycleHandler, V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { resolvePort } from './probe';

/** The kubelet's floor for what is left of the grace period after the preStop hook. */
export const MIN_GRACE_AFTER_HOOK_MS = 2_000;

/** How long the hook runs (ms) and whether it fails. `sleep N` in an exec hook takes N s. */
export function runHook(hook: V1LifecycleHandler, pod: V1Pod, c: V1Container, e: Engine): { ms: number; failed: boolean } {
  if (hook.sleep) return { ms: hook.sleep.seconds * 1000, failed: false };
  const view = e.processView(pod, c);
  if (hook.exec) {
    const command = hook.exec.command ?? [];
    const sleep = /\bsleep\s+(\d+)/.exec(command.join(' '));
    return { ms: sleep ? Number(sleep[1]) * 1000 : 0, failed: view.exec(command, e.time).exitCode !== 0 };
  }
  if (hook.httpGet) {
    const port = resolvePort(hook.httpGet.port as number | string, c);
    return { ms: 0, failed: port === undefined || view.httpGet(hook.httpGet.path ?? '/', port, e.time) === null };
  }
  if (hook.tcpSocket) return { ms: 0, failed: false }; // deprecated, kept for compatibility: the kubelet does nothing
  return { ms: 0, failed: false };
}

/**
 * ms until a running container stops after the kubelet decides to kill it with `graceMs`: its preStop
 * hook (cut at the grace period), then SIGTERM and `afterTermMs` for the process to exit (Infinity when
 * it ignores SIGTERM: SIGKILL when the rest of the grace period — at least 2 s — runs out).
 */
export function stopDelayMs(hookMs: number, graceMs: number, afterTermMs: number): number {
  if (hookMs === 0) return Math.min(afterTermMs, graceMs);
  const hook = Math.min(hookMs, graceMs);
  const rest = Math.max(graceMs - hook, MIN_GRACE_AFTER_HOOK_MS);
  return hook + Math.min(afterTermMs, rest);
}
