/**
 * What the DaemonSet controller decides per node, as pkg/controller/daemon does: whether a node should run the
 * daemon pod (daemon_controller.go NodeShouldRunDaemonPod: node name, nodeSelector, taints with the tolerations
 * the controller adds itself, util/daemonset_util.go AddOrUpdateDaemonPodTolerations), whether a pod is of the
 * current template (util.IsPodUpdated: `controller-revision-hash` or `pod-template-generation`), and the pod it
 * makes for a node (util.CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity).
 */
import type { V1DaemonSet, V1Node, V1Pod, V1Taint, V1Toleration } from '../../k8s/api-types';
import { fnv32a } from '../../k8s/names';
import { canonicalJson, withFields } from '../json';
import { tolerates } from './scheduler';

/** The annotation the API server keeps the template generation in (apps/v1 has no spec.templateGeneration). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** AddOrUpdateDaemonPodTolerations: daemon pods ride out node problems instead of being evicted or refused. */
export function daemonPodTolerations(ds: V1DaemonSet): V1Toleration[] {
  const own = ds.spec?.template?.spec?.tolerations ?? [];
  const added: V1Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ...(ds.spec?.template?.spec?.hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }] : []),
  ];
  const same = (a: V1Toleration, b: V1Toleration) => a.key === b.key && a.effect === b.effect && a.operator === b.operator;
  return [...own, ...added.filter((t) => !own.some((o) => same(o, t)))];
}

/**
 * NodeShouldRunDaemonPod: `shouldRun` — a new daemon pod belongs here; `shouldContinueRunning` — an existing one
 * may stay (an untolerated NoSchedule taint stops new pods only, an untolerated NoExecute taint both).
 */
export function nodeShouldRunDaemonPod(node: V1Node, ds: V1DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec?.template?.spec;
  if (spec?.nodeName && spec.nodeName !== node.metadata!.name) return { shouldRun: false, shouldContinueRunning: false };
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonPodTolerations(ds);
  const untolerated = (effect: string) => (node.spec?.taints ?? []).some((t: V1Taint) => t.effect === effect && !tolerates(tolerations, t));
  if (untolerated('NoExecute')) return { shouldRun: false, shouldContinueRunning: false };
  if (untolerated('NoSchedule')) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** The template generation the API server stamped on the DaemonSet (1 on create, +1 per template change). */
export const templateGeneration = (ds: V1DaemonSet): string => ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1';

/** A short stable hash of the pod template, in the alphabet ControllerRevision names use. */
export function templateHash(ds: V1DaemonSet): string {
  const h = fnv32a(canonicalJson(ds.spec?.template ?? {}));
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let n = h;
  let s = '';
  for (let i = 0; i < 10; i++) {
    s += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) || fnv32a(`${h}#${i}`);
  }
  return s;
}

/** util.IsPodUpdated: the pod was made from the DaemonSet's current template. */
export function isPodUpdated(ds: V1DaemonSet, pod: V1Pod): boolean {
  const labels = pod.metadata?.labels ?? {};
  return labels[TEMPLATE_GENERATION_LABEL] === templateGeneration(ds) || labels[REVISION_HASH_LABEL] === templateHash(ds);
}

/** The pod spec/metadata the controller creates on `nodeName` (without name: the caller adds one). */
export function daemonPodFor(ds: V1DaemonSet, nodeName: string): V1Pod {
  const template = ds.spec!.template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(template.metadata ?? {}),
      namespace: ds.metadata!.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: templateHash(ds), [TEMPLATE_GENERATION_LABEL]: templateGeneration(ds) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata!.name!, uid: ds.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
    },
    // withFields: a spread adding nodeName gave each daemon pod's spec a hidden class of its own (json.ts)
    spec: withFields(template.spec!, {
      // the real controller lets the scheduler bind it through this affinity; the simulator binds it directly
      affinity: {
        ...(template.spec?.affinity ?? {}),
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } },
      },
      tolerations: daemonPodTolerations(ds),
      nodeName,
    }),
  };
}
