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

/** programKey per container spec object (specs are replaced, never mutated): each new pod of a set plans for free. */
const programKeys = new WeakMap<V1Container, string | null>();
function cachedProgramKey(c: V1Container): string | undefined {
  let key = programKeys.get(c);
  if (key === undefined) programKeys.set(c, (key = programKey(c) ?? null));
  return key ?? undefined;
}

/**
 * When and how the container's process exits. Pure; an image program's plan is shared by every container with the
 * same program (no per-pod entry), anything else (a shell command may read the pod) is cached per (spec, pod name).
 */
export function planContainer(c: V1Container, pod: V1Pod = NO_POD): ContainerPlan {
  const key = cachedProgramKey(c);
  if (key !== undefined) {
    let plan = byProgram.get(key);
    if (!plan) {
      if (byProgram.size > 1_000) byProgram.clear();
      byProgram.set(key, (plan = planOf(c, pod)));
    }
    return plan;
  }
  let byPod = planCache.get(c);
  if (!byPod) planCache.set(c, (byPod = new Map()));
  const podName = pod.metadata?.name ?? '';
  let plan = byPod.get(podName);
  if (!plan) byPod.set(podName, (plan = planOf(c, pod)));
  return plan;
}

function planOf(c: V1Container, pod: V1Pod): ContainerPlan {
  const run = runContainer(pod, c, 0);
  return run ? { runMs: run.result.exitAtMs, exitCode: run.result.exitCode, ...(run.reason ? { reason: run.reason, message: run.message } : {}) } : { runMs: Infinity, exitCode: 0 };
}

/** `trap '…' TERM` in a shell command: the script handles SIGTERM itself. */
const TRAPS_TERM = /\btrap\b.*\b(TERM|SIGTERM|15)\b/;

/**
 * Whether the container's main process stops on SIGTERM (else it runs until SIGKILL at the end of the grace
 * period). Servers install a handler; a shell or `sleep` as PID 1 gets no default signal action from the
 * kernel, so it ignores SIGTERM (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 */
export function stopsOnSigterm(c: V1Container, _pod: V1Pod = NO_POD): boolean {
  let stops = stopsBySpec.get(c);
  if (stops === undefined) stopsBySpec.set(c, (stops = stopsOnSigtermUncached(c)));
  return stops;
}
/** per container spec object: the answer depends on the spec alone */
const stopsBySpec = new WeakMap<V1Container, boolean>();

function stopsOnSigtermUncached(c: V1Container): boolean {
  const model = appModelFor(c.image ?? '');
  if (!model) return true;
  const argv = processArgv(c, model);
  if (runsImageProgram(model, argv)) return model.sigterm === 'exit';
  return TRAPS_TERM.test(argv.join(' '));
}
