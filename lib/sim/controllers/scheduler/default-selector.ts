/**
 * helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the selector the default
 * topology spreading counts with — the selectors of the Services that select the pod, merged, plus its
 * ReplicaSet's selector. Here the ReplicaSet is the pod's controller (upstream lists every ReplicaSet
 * whose selector matches, which a controller-owned pod almost always equals).
 * Cost: O(Services) per scheduling attempt of a pod without its own spread constraints.
 */
import type { V1Pod, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { fromLabelSelectorObject, type LabelSelector, type Requirement } from '../../../k8s/selectors';
import type { Engine } from '../../engine';

export function defaultSpreadSelector(pod: V1Pod, e: Engine): LabelSelector {
  const ns = pod.metadata?.namespace ?? 'default';
  const labels = pod.metadata?.labels ?? {};
  const requirements: Requirement[] = [];
  const merged: Record<string, string> = {};
  for (const svc of e.store.values('Service') as Iterable<V1Service>) {
    const sel = svc.spec?.selector;
    if (svc.metadata?.namespace !== ns || !sel || !Object.keys(sel).length) continue;
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(merged, sel);
  }
  for (const [key, value] of Object.entries(merged)) requirements.push({ key, operator: '=', values: [value] });
  const owner = pod.metadata?.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
  const rs = owner && e.get<V1ReplicaSet>('ReplicaSet', `${ns}/${owner.name}`);
  if (rs?.spec?.selector) requirements.push(...fromLabelSelectorObject(rs.spec.selector).requirements);
  return { requirements };
}
