/** `kubectl describe job`, line by line as k8s.io/kubectl pkg/describe/describe.go describeJob prints it (1.34). */
import type { V1Job } from '../../k8s/api-types';
import { formatAge } from '../../k8s/age';
import { selectorString } from '../../k8s/table';
import { annotationLines, controllerOf, mapLines, rfc1123 } from './describe-format';
import { podTemplateLines } from './describe-containers';

export function jobLines(job: V1Job): string[] {
  const spec = job.spec!;
  const status = job.status ?? {};
  const lines = [`Name:\t${job.metadata?.name ?? ''}`, `Namespace:\t${job.metadata?.namespace ?? ''}`, `Selector:\t${selectorString(spec.selector)}`];
  lines.push(...mapLines('Labels', job.metadata?.labels), ...annotationLines(job.metadata?.annotations));
  const controller = controllerOf(job);
  if (controller) lines.push(`Controlled By:\t${controller}`);
  if (spec.template.spec?.priorityClassName) lines.push(`Priority Class Name:\t${spec.template.spec.priorityClassName}`);
  lines.push(`Parallelism:\t${spec.parallelism ?? 1}`, `Completions:\t${spec.completions ?? '<unset>'}`);
  if (spec.completionMode) lines.push(`Completion Mode:\t${spec.completionMode}`);
  if (spec.suspend != null) lines.push(`Suspend:\t${spec.suspend}`);
  if (spec.backoffLimit != null) lines.push(`Backoff Limit:\t${spec.backoffLimit}`);
  if (spec.ttlSecondsAfterFinished != null) lines.push(`TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (status.startTime) lines.push(`Start Time:\t${rfc1123(status.startTime)}`);
  if (status.completionTime) lines.push(`Completed At:\t${rfc1123(status.completionTime)}`);
  if (status.startTime && status.completionTime) lines.push(`Duration:\t${formatAge(new Date(status.completionTime).getTime() - new Date(status.startTime).getTime())}`);
  if (spec.activeDeadlineSeconds != null) lines.push(`Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  lines.push(`Pods Statuses:\t${status.active ?? 0} Active${status.ready != null ? ` (${status.ready} Ready)` : ''} / ${counts}`);
  lines.push(...podTemplateLines(spec.template));
  return lines;
}
