/**
 * `kubectl describe daemonset` as k8s.io/kubectl pkg/describe/describe.go describeDaemonSet prints it: the node
 * counts from status (lines without a tab, so they are not aligned), pods of this DaemonSet by phase
 * (getPodStatusForController: selector and controller uid), then the pod template.
 */
import type { V1DaemonSet, V1Pod } from '../../k8s/api-types';
import { labelSelectorObjectMatches } from '../../k8s/selectors';
import { formatLabels, selectorString } from '../../k8s/table';
import { podTemplateLines } from './describe-containers';
import { annotationLines, mapLines } from './describe-format';

export function daemonSetLines(ds: V1DaemonSet, pods: V1Pod[]): string[] {
  const s = ds.status;
  const lines = [
    `Name:\t${ds.metadata?.name ?? ''}`,
    `Namespace:\t${ds.metadata?.namespace ?? ''}`,
    `Selector:\t${selectorString(ds.spec?.selector)}`,
    `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}`,
    ...mapLines('Labels', ds.metadata?.labels),
    ...annotationLines(ds.metadata?.annotations),
    `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}`,
    `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}`,
    `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}`,
    `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}`,
  ];
  const owned = pods.filter(
    (p) => labelSelectorObjectMatches(ds.spec?.selector, p.metadata?.labels) && p.metadata?.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata?.uid),
  );
  const count = (phase: string) => owned.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  lines.push(`Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`);
  lines.push(...podTemplateLines(ds.spec?.template));
  return lines;
}
