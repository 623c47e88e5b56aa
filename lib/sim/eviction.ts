/**
 * The pods/eviction subresource, as kubernetes pkg/registry/core/pod/storage/eviction.go: an eviction is a delete
 * that first asks the pod's PodDisruptionBudget. A budget with no disruption left answers 429 "Cannot evict pod as it
 * would violate the pod's disruption budget." with a DisruptionBudget cause; otherwise the eviction spends one
 * (status.disruptionsAllowed − 1, the pod noted in status.disruptedPods) and deletes the pod.
 */
import type { V1Pod, V1PodDisruptionBudget, V1PodDisruptionBudgetStatus } from '../k8s/api-types';
import type { Engine } from './engine';
import type { DeleteOptions, WriteOptions } from './types';
import { internalError, notFound, tooManyRequests } from '../k8s/status';
import { labelSelectorObjectMatches } from '../k8s/selectors';
import { isPodReady } from './pods';
import { keyOf } from './store';
import { deleteObject } from './apiserver';

/** The Status message of a refused eviction (eviction.go). */
export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

/**
 * policy/v1 selector semantics: a null selector selects nothing, an empty one ({}) every pod of the namespace
 * (eviction.go getPodDisruptionBudgets and the disruption controller agree on this since policy/v1).
 */
export function pdbSelects(pdb: V1PodDisruptionBudget, labels: Record<string, string> | undefined): boolean {
  const sel = pdb.spec?.selector;
  if (!sel) return false;
  return labelSelectorObjectMatches(sel, labels ?? {});
}

/**
 * pkg/apis/policy/helper UpdateDisruptionAllowedCondition (and the controller's failSafe, with SyncFailed): the
 * DisruptionAllowed condition, True/SufficientPods while disruptions are allowed, else False/InsufficientPods,
 * set as apimachinery's meta.SetStatusCondition does (the transition time moves only when the status flips).
 */
export function withDisruptionAllowedCondition(status: V1PodDisruptionBudgetStatus, now: string, failReason?: string, failMessage?: string): V1PodDisruptionBudgetStatus {
  const allowed = !failReason && (status.disruptionsAllowed ?? 0) > 0;
  const reason = failReason ?? (allowed ? 'SufficientPods' : 'InsufficientPods');
  const previous = status.conditions?.find((c) => c.type === 'DisruptionAllowed');
  const condStatus = allowed ? 'True' : 'False';
  const condition = {
    type: 'DisruptionAllowed',
    status: condStatus,
    reason,
    message: failMessage ?? '',
    observedGeneration: status.observedGeneration,
    lastTransitionTime: previous && previous.status === condStatus ? previous.lastTransitionTime : now,
  };
  const others = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed');
  return { ...status, conditions: [...others, condition] };
}

/** Evicts a pod (POST pods/NAME/eviction), honouring its PodDisruptionBudget. Throws the API server's errors. */
export function evictPod(e: Engine, name: string, namespace: string, opts?: DeleteOptions & WriteOptions): void {
  const pod = e.get<V1Pod>('Pod', keyOf(name, namespace));
  if (!pod) throw notFound('Pod', name);
  // canIgnorePDB: a finished, pending or already terminating pod is deleted without asking a budget
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata?.deletionTimestamp) {
    deleteObject(e, 'Pod', name, namespace, opts);
    return;
  }
  const pdbs = [...(e.store.values('PodDisruptionBudget', namespace) as Iterable<V1PodDisruptionBudget>)].filter((p) => pdbSelects(p, pod.metadata?.labels));
  if (pdbs.length > 1) throw internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  if (pdbs.length === 1 && !mayIgnoreBudget(pod, pdbs[0])) {
    const pdb = pdbs[0];
    const status = checkAndDecrement(pdb, name, e.iso());
    if (!opts?.dryRun) {
      const cause = { actor: 'eviction', message: `축출 API: 파드 ${name}을(를) 축출하며 PDB ${pdb.metadata!.name}의 허용 중단을 하나 씀`, hop: 'apiserver' as const };
      e.updateObject('PodDisruptionBudget', { ...pdb, status }, cause);
    }
  }
  deleteObject(e, 'Pod', name, namespace, opts);
}

/** An unready pod may go without spending the budget: always with AlwaysAllow, with IfHealthyBudget while the budget is met. */
function mayIgnoreBudget(pod: V1Pod, pdb: V1PodDisruptionBudget): boolean {
  if (isPodReady(pod)) return false;
  if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const s = pdb.status;
  return (s?.currentHealthy ?? 0) >= (s?.desiredHealthy ?? 0) && (s?.desiredHealthy ?? 0) > 0;
}

/** checkAndDecrement: refuse while the controller lags the spec or no disruption is left; else spend one. */
function checkAndDecrement(pdb: V1PodDisruptionBudget, podName: string, now: string): V1PodDisruptionBudgetStatus {
  const name = pdb.metadata!.name!;
  const s = pdb.status;
  if ((s?.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) {
    throw tooManyRequests(EVICTION_REFUSED, 10, [{ reason: 'DisruptionBudget', message: `The disruption budget ${name} is still being processed by the server.` }]);
  }
  if (!s || !s.disruptionsAllowed) {
    const message = `The disruption budget ${name} needs ${s?.desiredHealthy ?? 0} healthy pods and has ${s?.currentHealthy ?? 0} currently`;
    throw tooManyRequests(EVICTION_REFUSED, 0, [{ reason: 'DisruptionBudget', message }]);
  }
  const next: V1PodDisruptionBudgetStatus = {
    ...s,
    disruptionsAllowed: s.disruptionsAllowed - 1,
    disruptedPods: { ...s.disruptedPods, [podName]: now },
  };
  return next.disruptionsAllowed === 0 ? withDisruptionAllowedCondition(next, now) : next;
}
