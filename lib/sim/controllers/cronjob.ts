/**
 * CronJob controller, as kubernetes pkg/controller/cronjob (cronjob_controllerv2.go syncCronJob, utils.go
 * mostRecentScheduleTime, getJobFromTemplate2): at each scheduled time it creates a Job named
 * `<cronjob>-<scheduled time in minutes since the epoch>`, honouring suspend, startingDeadlineSeconds and
 * concurrencyPolicy (Allow, Forbid, Replace); it keeps status.active and lastScheduleTime/lastSuccessfulTime, and
 * deletes finished Jobs beyond the history limits. O(changes): it is woken by its CronJobs and their Jobs, and by a
 * timer at the next scheduled time (never by polling).
 */
import type { V1CronJob, V1Job, V1ObjectReference } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind, KubeObject } from '../../k8s/types';
import { isTimeZone, nextTime, parseSchedule, type CronSchedule } from '../../k8s/cron';
import { keyOf, type StoreChange } from '../store';
import { createObject, deleteObject } from '../apiserver';
import { deepEqual } from '../json';

export const CRONJOB = 'cronjob-controller';
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: the controller wakes 100 ms after a scheduled time. */
const NEXT_SCHEDULE_DELTA_MS = 100;

const ms = (t: unknown) => (t ? new Date(String(t)).getTime() : undefined);
const finishedCondition = (j: V1Job) => j.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;

/** getJobName: the scheduled time in minutes makes the name deterministic, so one run is never created twice. */
export const jobNameFor = (cronJob: string, scheduledMs: number) => `${cronJob}-${Math.floor(scheduledMs / 60_000)}`;

/** time.RFC3339 in the schedule's zone (`2026-01-01T09:00:00+09:00`, `Z` for UTC). */
function rfc3339In(at: number, timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const local = Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'), +get('second'));
  const off = Math.round((local - at) / 60_000);
  const sign = off < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const zone = off === 0 ? 'Z' : `${sign}${pad(off / 60)}:${pad(Math.abs(off) % 60)}`;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${zone}`;
}

/**
 * mostRecentScheduleTime: the latest scheduled time in (earliest, now], where earliest is the last schedule (or the
 * creation) moved up to now − startingDeadlineSeconds; with how many were missed.
 */
function mostRecentScheduleTime(cj: V1CronJob, now: number, sched: CronSchedule): { time?: number; missed: number; earliest: number } {
  let earliest = ms(cj.status?.lastScheduleTime) ?? ms(cj.metadata?.creationTimestamp) ?? now;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
  let time: number | undefined;
  let missed = 0;
  for (let t = nextTime(sched, earliest, cj.spec?.timeZone); t !== undefined && t <= now && missed <= 100; t = nextTime(sched, t, cj.spec?.timeZone)) {
    time = t;
    missed++;
  }
  return { time, missed, earliest };
}

export class CronJobController implements Controller {
  readonly name = CRONJOB;
  readonly watches: readonly Kind[] = ['CronJob', 'Job'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'CronJob') return e.enqueue(CRONJOB, c.key);
    const owner = (c.object.metadata?.ownerReferences ?? c.old?.metadata?.ownerReferences)?.find((o) => o.controller && o.kind === 'CronJob');
    if (c.kind === 'Job' && owner) e.enqueue(CRONJOB, keyOf(owner.name, c.object.metadata!.namespace));
  }

  reconcile(key: string, e: Engine): void {
    const cj = e.get<V1CronJob>('CronJob', key);
    if (!cj) return;
    const ns = cj.metadata!.namespace!;
    const name = cj.metadata!.name!;
    const involved = { kind: 'CronJob' as const, name, namespace: ns, uid: cj.metadata!.uid };
    const cause = (m: string) => ({ actor: CRONJOB, message: `크론잡 컨트롤러: 크론잡 ${name} ${m}`, hop: 'controller' as const });
    const event = (type: 'Normal' | 'Warning', reason: string, message: string, why: string) => e.recordEvent(involved, type, reason, message, CRONJOB, cause(why));
    const jobs = [...(e.store.values('Job', ns) as Iterable<V1Job>)].filter((j) => j.metadata?.ownerReferences?.some((o) => o.controller && o.uid === cj.metadata!.uid));
    const status = { ...cj.status };
    let active = [...(status.active ?? [])];
    // finished Jobs leave the active list; a missing one too
    for (const j of jobs) {
      const condition = finishedCondition(j);
      if (!condition || !active.some((a) => a.uid === j.metadata!.uid)) continue;
      active = active.filter((a) => a.uid !== j.metadata!.uid);
      event('Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata!.name}, condition: ${condition}`, `— 잡 ${j.metadata!.name} 끝남(${condition})`);
      const done = ms(j.status?.completionTime);
      if (condition === 'Complete' && done !== undefined && done > (ms(status.lastSuccessfulTime) ?? -Infinity)) status.lastSuccessfulTime = j.status!.completionTime;
    }
    active = active.filter((a) => jobs.some((j) => j.metadata!.uid === a.uid));
    status.active = active.length ? active : undefined;
    this.cleanupFinished(e, cj, jobs, event);
    if (cj.metadata?.deletionTimestamp) return this.writeStatus(e, cj, status, cause);
    const tz = cj.spec?.timeZone;
    if (tz !== undefined && !isTimeZone(tz)) {
      event('Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`, '— 알 수 없는 시간대');
      return this.writeStatus(e, cj, status, cause);
    }
    if (cj.spec?.suspend) return this.writeStatus(e, cj, status, cause);
    let sched: CronSchedule;
    try {
      sched = parseSchedule(cj.spec?.schedule ?? '');
    } catch (err) {
      event('Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule}" : ${(err as Error).message}`, '— 일정을 읽을 수 없음');
      return this.writeStatus(e, cj, status, cause);
    }
    const now = e.time;
    const recent = mostRecentScheduleTime({ ...cj, status }, now, sched);
    const wakeAfter = (from: number) => {
      const next = nextTime(sched, from, tz);
      if (next !== undefined) e.enqueueAt(CRONJOB, key, next + NEXT_SCHEDULE_DELTA_MS);
    };
    if (recent.missed > 100) event('Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', '— 놓친 회차가 너무 많음');
    const scheduled = recent.time;
    wakeAfter(scheduled ?? Math.max(recent.earliest, now));
    if (scheduled === undefined) return this.writeStatus(e, cj, status, cause);
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null && scheduled + deadline * 1000 < now) {
      event('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(scheduled).toUTCString().replace('GMT', '+0000')}`, '— 시작 기한을 넘겨 이번 회차를 건너뜀');
      return this.writeStatus(e, cj, status, cause);
    }
    const jobName = jobNameFor(name, scheduled);
    if (active.some((a) => a.name === jobName) || jobs.some((j) => j.metadata!.name === jobName)) return this.writeStatus(e, cj, status, cause);
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length > 0) {
      event('Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', '— 이전 잡이 실행 중이라 이번 회차를 건너뜀(Forbid)');
      return this.writeStatus(e, cj, status, cause);
    }
    if (policy === 'Replace') {
      for (const a of active) {
        if (e.get('Job', keyOf(a.name!, ns))) deleteObject(e, 'Job', a.name!, ns, { actor: CRONJOB, propagationPolicy: 'Background' });
        event('Normal', 'SuccessfulDelete', `Deleted job ${a.name}`, `— 이전 잡 ${a.name}을(를) 지움(Replace)`);
      }
      active = [];
    }
    const tmpl = cj.spec!.jobTemplate!;
    const created = createObject(e, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: ns,
        labels: { ...tmpl.metadata?.labels },
        annotations: { ...tmpl.metadata?.annotations, [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, tz) },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name, uid: cj.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: structuredClone(tmpl.spec),
    } as KubeObject, { actor: CRONJOB }) as V1Job;
    event('Normal', 'SuccessfulCreate', `Created job ${jobName}`, `— 예정 시각의 잡 ${jobName} 생성`);
    const ref: V1ObjectReference = { apiVersion: 'batch/v1', kind: 'Job', name: jobName, namespace: ns, uid: created.metadata!.uid, resourceVersion: created.metadata!.resourceVersion };
    status.active = [...active, ref];
    status.lastScheduleTime = new Date(scheduled).toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.writeStatus(e, cj, status, cause);
  }

  /** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed Jobs. */
  private cleanupFinished(e: Engine, cj: V1CronJob, jobs: V1Job[], event: (type: 'Normal', reason: string, message: string, why: string) => void): void {
    const ns = cj.metadata!.namespace!;
    const limits: [string, number | undefined][] = [['Complete', cj.spec?.successfulJobsHistoryLimit], ['Failed', cj.spec?.failedJobsHistoryLimit]];
    for (const [condition, limit] of limits) {
      if (limit == null) continue;
      const finished = jobs.filter((j) => finishedCondition(j) === condition && !j.metadata?.deletionTimestamp);
      finished.sort((a, b) => (ms(a.status?.startTime) ?? 0) - (ms(b.status?.startTime) ?? 0));
      for (const j of finished.slice(0, Math.max(0, finished.length - limit))) {
        deleteObject(e, 'Job', j.metadata!.name!, ns, { actor: CRONJOB, propagationPolicy: 'Background' });
        event('Normal', 'SuccessfulDelete', `Deleted job ${j.metadata!.name}`, `— 오래된 잡 ${j.metadata!.name} 정리`);
      }
    }
  }

  private writeStatus(e: Engine, cj: V1CronJob, status: NonNullable<V1CronJob['status']>, cause: (m: string) => { actor: string; message: string; hop: 'controller' }): void {
    const next = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== undefined));
    if (deepEqual(next, cj.status ?? {})) return;
    e.updateObject('CronJob', { ...cj, status: next }, cause('상태 갱신'));
  }
}
