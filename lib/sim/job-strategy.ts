/**
 * The API server's rules for Jobs (batch/v1), kept beside the engine's other write rules:
 * - defaults as pkg/apis/batch/v1/defaults.go SetDefaults_Job: completions and parallelism 1 when both are unset
 *   (parallelism alone makes a work queue: completions stays unset), backoffLimit 6, completionMode NonIndexed,
 *   suspend and manualSelector false, podReplacementPolicy TerminatingOrFailed (Failed with a podFailurePolicy);
 * - the generated selector as pkg/registry/batch/job/strategy.go generateSelector: the template gets job-name,
 *   batch.kubernetes.io/job-name, controller-uid and batch.kubernetes.io/controller-uid labels, and the selector
 *   matches batch.kubernetes.io/controller-uid = the Job's uid; a Job without labels takes the template's;
 * - validation as pkg/apis/batch/validation ValidateJobSpec: non-negative counts, restartPolicy OnFailure or Never.
 */
import type { V1Job, V1PodTemplateSpec } from '../k8s/api-types';
import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../k8s/field-errors';
import { labelSelectorObjectMatches } from '../k8s/selectors';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

/** SetDefaults_Job; `template` is the caller's pod-template defaulting (shared with the other workloads). */
export function defaultJob(job: V1Job, template: (t: V1PodTemplateSpec | undefined) => V1PodTemplateSpec): V1Job {
  const spec = job.spec ?? ({} as NonNullable<V1Job['spec']>);
  const bothUnset = spec.completions == null && spec.parallelism == null;
  return {
    ...job,
    spec: {
      ...spec,
      ...(bothUnset ? { completions: 1 } : {}),
      parallelism: spec.parallelism ?? 1,
      backoffLimit: spec.backoffLimit ?? (spec.backoffLimitPerIndex != null ? 2147483647 : 6),
      completionMode: spec.completionMode ?? 'NonIndexed',
      suspend: spec.suspend ?? false,
      manualSelector: spec.manualSelector ?? false,
      podReplacementPolicy: spec.podReplacementPolicy ?? (spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'),
      template: template(spec.template),
    },
  };
}

/** generateSelector (unless manualSelector): labels the template and selects on the Job's uid. */
export function generateJobSelector(job: V1Job, uid: string): V1Job {
  if (job.spec?.manualSelector) return job;
  const name = job.metadata!.name!;
  const tmpl = job.spec!.template;
  const labels = { ...(tmpl.metadata?.labels ?? {}) };
  // labels the user set are kept (a conflict is then a validation error, as upstream)
  labels[LEGACY_JOB_NAME_LABEL] ??= name;
  labels[JOB_NAME_LABEL] ??= name;
  labels[LEGACY_CONTROLLER_UID_LABEL] ??= uid;
  labels[CONTROLLER_UID_LABEL] ??= uid;
  const matchLabels = { ...(job.spec!.selector?.matchLabels ?? {}) };
  matchLabels[CONTROLLER_UID_LABEL] ??= uid;
  // SetDefaults_Job gives a Job without labels its template's; the API server applies it on every read from
  // storage, so the generated labels show up on the Job too
  const metadata = Object.keys(job.metadata?.labels ?? {}).length ? job.metadata : { ...job.metadata, labels };
  return { ...job, metadata, spec: { ...job.spec!, selector: { ...job.spec!.selector, matchLabels }, template: { ...tmpl, metadata: { ...tmpl.metadata, labels } } } };
}

const nonNegative = (v: unknown, path: string): FieldError[] =>
  v == null ? [] : typeof v !== 'number' || !Number.isInteger(v) ? [fieldInvalid(path, v, 'must be an integer')] : v < 0 ? [fieldInvalid(path, v, 'must be greater than or equal to 0')] : [];

/** ValidateJobSpec's rules the simulator needs; `podSpec` validates the template's pod spec. */
export function validateJobSpec(job: V1Job, podSpec: (t: V1PodTemplateSpec | undefined) => FieldError[]): FieldError[] {
  const spec = job.spec;
  const errs: FieldError[] = [
    ...nonNegative(spec?.parallelism, 'spec.parallelism'),
    ...nonNegative(spec?.completions, 'spec.completions'),
    ...nonNegative(spec?.backoffLimit, 'spec.backoffLimit'),
    ...nonNegative(spec?.ttlSecondsAfterFinished, 'spec.ttlSecondsAfterFinished'),
  ];
  if (spec?.activeDeadlineSeconds != null && !(spec.activeDeadlineSeconds > 0)) errs.push(fieldInvalid('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be greater than 0'));
  if (!spec?.selector) errs.push(fieldRequired('spec.selector'));
  else if (!labelSelectorObjectMatches(spec.selector, spec.template?.metadata?.labels ?? {}))
    errs.push(fieldInvalid('spec.template.metadata.labels', spec.template?.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
  errs.push(...podSpec(spec?.template));
  const rp = spec?.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(fieldNotSupported('spec.template.spec.restartPolicy', rp ?? '', ['OnFailure', 'Never']));
  return errs;
}
