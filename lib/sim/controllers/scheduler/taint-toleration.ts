/**
 * The TaintToleration plugin (pkg/scheduler/framework/plugins/tainttoleration): NoSchedule/NoExecute
 * taints a pod doesn't tolerate filter a node out; untolerated PreferNoSchedule taints lower its score.
 */
import type { V1Node, V1Pod, V1Taint, V1Toleration } from '../../../k8s/api-types';

/** True when a toleration matches a taint (operator Exists/Equal, effect empty = all). */
export function tolerates(tolerations: V1Toleration[] | undefined, taint: V1Taint): boolean {
  for (const t of tolerations ?? []) {
    if (t.effect && t.effect !== taint.effect) continue;
    if (t.operator === 'Exists') {
      if (!t.key || t.key === taint.key) return true;
    } else if (t.key === taint.key && (t.value ?? '') === (taint.value ?? '')) return true;
  }
  return false;
}

/** Untolerated PreferNoSchedule taints (the TaintToleration score, lower is better). */
export function preferNoScheduleCount(pod: V1Pod, node: V1Node): number {
  let n = 0;
  for (const t of node.spec?.taints ?? []) if (t.effect === 'PreferNoSchedule' && !tolerates(pod.spec?.tolerations, t)) n++;
  return n;
}
