/**
 * CronJob (batch/v1): creates Jobs on a cron schedule. Names as pkg/registry/batch/cronjob/storage/storage.go
 * registers them (short name `cj`, category `all`); columns and cells as pkg/printers/internalversion/printers.go
 * (cronJobColumnDefinitions, printCronJob) prints them in 1.34: TIMEZONE `<none>` when unset, SUSPEND through
 * printBoolPtr, ACTIVE the number of running Jobs, LAST SCHEDULE `<none>` before the first run. Defaults as
 * pkg/apis/batch/v1/defaults.go SetDefaults_CronJob; validation as pkg/apis/batch/validation ValidateCronJobSpec.
 */
import type { V1CronJob } from '../api-types';
import { ageSince } from '../age';
import { isTimeZone, parseSchedule } from '../cron';
import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from '../field-errors';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { formatLabelSelector, nameOf, templateCells } from './printing';

const POLICIES = ['Allow', 'Forbid', 'Replace'];

/** SetDefaults_CronJob: concurrencyPolicy Allow, suspend false, keep 3 successful and 1 failed Job. */
export function defaultCronJob(cj: V1CronJob): V1CronJob {
  const spec = cj.spec;
  if (!spec) return cj;
  return {
    ...cj,
    spec: {
      ...spec,
      concurrencyPolicy: spec.concurrencyPolicy ?? 'Allow',
      suspend: spec.suspend ?? false,
      successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit ?? 3,
      failedJobsHistoryLimit: spec.failedJobsHistoryLimit ?? 1,
    },
  };
}

/** ValidateCronJobSpec's own rules (the job template is the Job's, checked by the engine when each Job is made). */
export function validateCronJob(cj: V1CronJob): FieldError[] {
  const spec = cj.spec;
  const errs: FieldError[] = [];
  if ((cj.metadata?.name ?? '').length > 52) errs.push(fieldInvalid('metadata.name', cj.metadata?.name, 'must be no more than 52 characters'));
  if (!spec?.schedule) errs.push(fieldRequired('spec.schedule'));
  else {
    try {
      parseSchedule(spec.schedule);
    } catch (e) {
      errs.push(fieldInvalid('spec.schedule', spec.schedule, (e as Error).message));
    }
  }
  if (spec?.timeZone !== undefined && !isTimeZone(spec.timeZone)) errs.push(fieldInvalid('spec.timeZone', spec.timeZone, 'unknown time zone ' + spec.timeZone));
  if (spec?.concurrencyPolicy !== undefined && !POLICIES.includes(spec.concurrencyPolicy)) errs.push(fieldNotSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, POLICIES));
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    const v = spec?.[f];
    if (v !== undefined && v < 0) errs.push(fieldInvalid(`spec.${f}`, v, 'must be greater than or equal to 0'));
  }
  if (!spec?.jobTemplate?.spec?.template) errs.push(fieldRequired('spec.jobTemplate.spec.template'));
  return errs;
}

const suspendCell = (v: boolean | undefined) => (v === undefined ? '<unset>' : v ? 'True' : 'False');

export const CRONJOB = {
  kind: 'CronJob',
  group: 'batch',
  version: 'v1',
  plural: 'cronjobs',
  singular: 'cronjob',
  shortNames: ['cj'],
  categories: ['all'],
  namespaced: true,
  generation: true,
  ko: '크론잡',
  verbs: ALL_VERBS,
  subresources: [statusSubresource('CronJob')],
  columns: columns([
    ['Name'],
    ['Schedule', 'string', 0, 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'],
    ['Timezone', 'string', 0,
      'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'],
    ['Suspend', 'boolean', 0, 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'],
    ['Active', 'integer', 0, 'A list of pointers to currently running jobs.'],
    ['Last Schedule', 'string', 0, 'Information when was the last time the job was successfully scheduled.'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'],
  ]),
  cells: (cj: V1CronJob, now: number) => [
    nameOf(cj),
    cj.spec?.schedule ?? '',
    cj.spec?.timeZone ?? '<none>',
    suspendCell(cj.spec?.suspend),
    cj.status?.active?.length ?? 0,
    cj.status?.lastScheduleTime ? ageSince(cj.status.lastScheduleTime, now) : '<none>',
    ageSince(cj.metadata?.creationTimestamp, now),
    ...templateCells(cj.spec?.jobTemplate?.spec?.template?.spec?.containers),
    formatLabelSelector(cj.spec?.jobTemplate?.spec?.selector),
  ],
  strategy: { prepare: defaultCronJob, validate: validateCronJob },
  fieldsKo: {
    CronJob: {
      '': '크론잡은 크론 형식의 일정에 따라 잡을 만들어요. 예: "*/5 * * * *"는 5분마다.',
      spec: '크론잡의 원하는 상태.',
      status: '크론잡의 현재 상태. 크론잡 컨트롤러가 채우는 읽기 전용 필드예요.',
    },
    CronJobSpec: {
      '': '크론잡의 원하는 상태예요.',
      schedule: '크론 형식 일정: 분 시 일 월 요일 (예: "0 * * * *"는 매시 정각). @hourly, @daily 같은 약어도 돼요.',
      timeZone: '일정을 해석할 시간대 (예: Asia/Seoul). 비우면 컨트롤러 매니저의 시간대(여기서는 UTC)예요.',
      startingDeadlineSeconds: '예정 시각을 놓쳤을 때 이 시간(초) 안이면 늦게라도 시작해요. 지나면 그 회차는 건너뛰어요.',
      concurrencyPolicy: '이전 잡이 아직 실행 중일 때: Allow(함께 실행, 기본), Forbid(이번 회차 건너뜀), Replace(이전 잡을 지우고 새로 실행).',
      suspend: 'true면 다음 회차부터 잡을 만들지 않아요. 이미 시작한 잡은 그대로예요.',
      jobTemplate: '회차마다 만들 잡의 틀(템플릿).',
      successfulJobsHistoryLimit: '남겨 둘 성공한 잡 수 (기본 3).',
      failedJobsHistoryLimit: '남겨 둘 실패한 잡 수 (기본 1).',
    },
    CronJobStatus: {
      '': '크론잡의 현재 상태예요.',
      active: '지금 실행 중인 잡들의 참조.',
      lastScheduleTime: '마지막으로 잡을 예약한 시각.',
      lastSuccessfulTime: '마지막으로 잡이 성공적으로 끝난 시각.',
    },
    JobTemplateSpec: {
      '': '크론잡이 만들 잡의 틀이에요.',
      metadata: '만들 잡의 메타데이터 (레이블, 어노테이션).',
      spec: '만들 잡의 스펙.',
    },
  },
} as const satisfies KindDef;
