/**
 * Job (batch/v1): runs pods to completion. Names and categories as pkg/registry/batch/job/storage/storage.go
 * registers them (no short name, category `all`); columns and cells as pkg/printers/internalversion/printers.go
 * (jobColumnDefinitions, printJob) prints them in 1.34: STATUS from the conditions, COMPLETIONS `succeeded/completions`
 * (`n/1 of P` for a work queue), DURATION from startTime to completionTime (or now).
 */
import type { V1Job, V1JobCondition } from '../api-types';
import { ageSince, formatAge } from '../age';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { formatLabelSelector, nameOf, templateCells } from './printing';

const has = (conditions: V1JobCondition[] | undefined, type: string) => !!conditions?.some((c) => c.type === type && c.status === 'True');

/** printJob's STATUS: the first that holds of Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet, else Running. */
export function jobStatus(job: V1Job): string {
  const c = job.status?.conditions;
  if (has(c, 'Complete')) return 'Complete';
  if (has(c, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (has(c, 'Suspended')) return 'Suspended';
  if (has(c, 'FailureTarget')) return 'FailureTarget';
  if (has(c, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** printJob's COMPLETIONS. */
export function jobCompletions(job: V1Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions != null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** printJob's DURATION: empty before the start, running time until completion, then the time it took. */
export function jobDuration(job: V1Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return formatAge((end ? new Date(end).getTime() : now) - new Date(start).getTime());
}

export const JOB = {
  kind: 'Job',
  group: 'batch',
  version: 'v1',
  plural: 'jobs',
  singular: 'job',
  shortNames: [],
  categories: ['all'],
  namespaced: true,
  generation: true,
  ko: '잡',
  verbs: ALL_VERBS,
  subresources: [statusSubresource('Job')],
  columns: columns([
    ['Name'],
    ['Status', 'string', 0, 'Status of the job.'],
    ['Completions', 'string', 0, 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'],
    ['Duration', 'string', 0, 'Time required to complete the job.'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'],
  ]),
  cells: (job: V1Job, now: number) => [
    nameOf(job),
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    ageSince(job.metadata?.creationTimestamp, now),
    ...templateCells(job.spec?.template?.spec?.containers),
    formatLabelSelector(job.spec?.selector),
  ],
  fieldsKo: {
    Job: {
      '': '잡은 파드를 실행해 끝까지 완료시키는 일을 맡아요. 정해진 수만큼 성공하면 잡도 완료돼요.',
      spec: '잡의 원하는 상태.',
      status: '잡의 현재 상태. 잡 컨트롤러가 채우는 읽기 전용 필드예요.',
    },
    JobSpec: {
      '': '잡의 원하는 상태예요.',
      completions: '성공해야 하는 파드 수 (기본 1). 비워 두면 파드 하나가 성공할 때 잡이 끝나는 작업 큐 방식이에요.',
      parallelism: '한 번에 함께 실행할 파드 수 (기본 1).',
      backoffLimit: '잡을 실패로 보기 전에 다시 시도할 횟수 (기본 6). 실패한 파드마다 10초, 20초, 40초… 늘어나는 간격(최대 6분)을 두고 다시 만들어요.',
      activeDeadlineSeconds: '잡이 시작된 뒤 이 시간(초)이 지나면 실행 중인 파드를 멈추고 DeadlineExceeded로 실패 처리해요.',
      ttlSecondsAfterFinished: '잡이 끝나고(완료든 실패든) 이 시간(초)이 지나면 잡과 그 파드를 자동으로 지워요.',
      template: '잡이 만들 파드의 틀(템플릿). restartPolicy는 Never 또는 OnFailure여야 해요.',
      selector: '잡이 셀 파드를 고르는 셀렉터. 보통 비워 두면 시스템이 controller-uid 레이블로 채워요.',
      manualSelector: 'true면 selector를 직접 정해요. 보통은 쓰지 않아요.',
      suspend: 'true면 파드를 만들지 않고 실행 중인 파드도 멈춰요.',
      completionMode: 'NonIndexed(기본): 성공한 파드 수만 세요. Indexed: 파드마다 0부터 번호를 붙여요.',
      backoffLimitPerIndex: 'Indexed 잡에서 번호(인덱스)마다 다시 시도할 횟수.',
      maxFailedIndexes: 'Indexed 잡에서 실패해도 되는 인덱스 수.',
      podFailurePolicy: '파드가 실패한 이유(종료 코드, 조건)에 따라 무시·재시도·잡 실패를 정하는 규칙.',
      podReplacementPolicy: '실패한 파드의 대체 파드를 언제 만들지: TerminatingOrFailed(기본) 또는 Failed.',
      successPolicy: '일부 인덱스만 성공해도 잡을 성공으로 보는 규칙 (Indexed 잡).',
      managedBy: '이 잡을 관리하는 컨트롤러. 비우면 기본 잡 컨트롤러예요.',
    },
    JobStatus: {
      '': '잡의 현재 상태예요.',
      active: '지금 실행 중인(끝나지 않은) 파드 수.',
      ready: '실행 중이면서 준비된(Ready) 파드 수.',
      succeeded: '성공(Succeeded)한 파드 수.',
      failed: '실패(Failed)한 파드 수.',
      terminating: '종료 중인 파드 수.',
      startTime: '잡 컨트롤러가 이 잡을 처음 처리한 시각.',
      completionTime: '잡이 완료된 시각. 실패한 잡에는 없어요.',
      conditions: '잡의 조건: Complete, Failed, SuccessCriteriaMet, FailureTarget, Suspended.',
      uncountedTerminatedPods: '끝났지만 아직 succeeded/failed에 세지 않은 파드의 UID.',
      completedIndexes: 'Indexed 잡에서 성공한 인덱스.',
      failedIndexes: 'Indexed 잡에서 실패한 인덱스.',
    },
    JobCondition: {
      '': '잡의 한 가지 조건이에요.',
      type: 'Complete, Failed, SuccessCriteriaMet, FailureTarget, Suspended 중 하나.',
      status: 'True, False, Unknown.',
      reason: '조건이 바뀐 이유 (예: BackoffLimitExceeded, DeadlineExceeded, CompletionsReached).',
      message: '사람이 읽을 설명.',
      lastProbeTime: '조건을 마지막으로 확인한 시각.',
      lastTransitionTime: '조건이 마지막으로 바뀐 시각.',
    },
  },
} as const satisfies KindDef;
