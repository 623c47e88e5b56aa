/**
 * What the kubelet needs to schedule a container: when its process exits and how (from run-container.ts),
 * and whether PID 1 stops on SIGTERM. Cached per container spec and pod, so a tick costs O(1).
 */
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { processArgv, runContainer, runsImageProgram } from './run-container';
import { appModelFor } from './registry';

export interface ContainerPlan {
  /** ms the container runs before exiting; Infinity = until stopped */
  runMs: number;
  exitCode: number;
  /** terminated reason when not Completed/Error (StartError: the executable doesn't exist) */
  reason?: 'StartError';
  message?: string;
}

const planCache = new WeakMap<object, Map<string, ContainerPlan>>();
const NO_POD: V1Pod = { metadata: { name: '' } };
/** Plans of image programs (nginx, redis…), shared by every pod that runs the same argv: 5,000 replicas plan once. */
const byProgram = new Map<string, ContainerPlan>();

/** A key for the image's own program: its plan depends only on image, argv and which variables are set. */
export function programKey(c: V1Container): string | undefined {
  const model = appModelFor(c.image ?? '');
  if (!model) return undefined;
  const argv = processArgv(c, model);
  if (!runsImageProgram(model, argv)) return undefined;
  const set = (c.env ?? []).filter((e) => e.value || e.valueFrom).map((e) => e.name);
  return [c.image, ...argv, '', ...set.sort()].join('\0');
}

/** When and how the container's process exits. Pure; cached per (container spec, pod name). */
export function planContainer(c: V1Container, pod: V1Pod = NO_POD): ContainerPlan {
  let byPod = planCache.get(c);
  if (!byPod) planCache.set(c, (byPod = new Map()));
  const podName = pod.metadata?.name ?? '';
  let plan = byPod.get(podName);
  if (!plan) {
    const key = programKey(c);
    plan = key !== undefined ? byProgram.get(key) : undefined;
    if (!plan) {
      const run = runContainer(pod, c, 0);
      plan = run ? { runMs: run.result.exitAtMs, exitCode: run.result.exitCode, ...(run.reason ? { reason: run.reason, message: run.message } : {}) } : { runMs: Infinity, exitCode: 0 };
      if (key !== undefined) {
        if (byProgram.size > 1_000) byProgram.clear();
        byProgram.set(key, plan);
      }
    }
    byPod.set(podName, plan);
  }
  return plan;
}

/** `trap '…' TERM` in a shell command: the script handles SIGTERM itself. */
const TRAPS_TERM = /\btrap\b.*\b(TERM|SIGTERM|15)\b/;

/**
 * Whether the container's main process stops on SIGTERM (else it runs until SIGKILL at the end of the grace
 * period). Servers install a handler; a shell or `sleep` as PID 1 gets no default signal action from the
 * kernel, so it ignores SIGTERM (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 */
export function stopsOnSigterm(c: V1Container, _pod: V1Pod = NO_POD): boolean {
  const model = appModelFor(c.image ?? '');
  if (!model) return true;
  const argv = processArgv(c, model);
  if (runsImageProgram(model, argv)) return model.sigterm === 'exit';
  return TRAPS_TERM.test(argv.join(' '));
}
