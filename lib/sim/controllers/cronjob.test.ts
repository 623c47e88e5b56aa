/**
 * The CronJob controller against kubernetes 1.34 pkg/controller/cronjob (cronjob_controllerv2.go syncCronJob,
 * utils.go getJobFromTemplate2 / getTimeHashInMinutes / mostRecentScheduleTime) and the CronJob doc
 * (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/): Jobs named after the scheduled minute,
 * the scheduled-timestamp annotation, status.active and lastScheduleTime, concurrencyPolicy Forbid and Replace,
 * suspend, startingDeadlineSeconds (MissSchedule), the history limits; defaults from SetDefaults_CronJob.
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1CronJob, V1Job } from '../../k8s/api-types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const START = Date.parse('2026-01-01T10:00:30Z');

function cronJob(name: string, spec: Record<string, unknown>, command = ['sh', '-c', 'echo hi']): V1CronJob {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name },
    spec: { schedule: '*/1 * * * *', ...spec, jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command }] } } } } },
  } as V1CronJob;
}
const sim0 = () => createSimulator({ seed: 5, startTime: START });
const jobs = (sim: Simulator) => (sim.list('Job', 'default').items as V1Job[]).filter((j) => !j.metadata?.deletionTimestamp).map((j) => j.metadata!.name!).sort();
const getCj = (sim: Simulator, name = 'tick') => sim.get('CronJob', name, 'default') as V1CronJob;
const events = (sim: Simulator, reason: string) =>
  (sim.list('Event', 'default', { fieldSelector: `reason=${reason}` }).items as CoreV1Event[]).filter((e) => e.involvedObject.kind === 'CronJob').map((e) => e.message);

describe('CronJob controller', () => {
  it('defaults the spec and creates one Job per scheduled minute, named after it', () => {
    const sim = sim0();
    const t0 = sim.now();
    sim.create(cronJob('tick', {}));
    expect(getCj(sim).spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    const firstMinute = Math.floor(t0 / 60_000) + 1;
    sim.advance(61_000);
    expect(jobs(sim)).toEqual([`tick-${firstMinute}`]);
    const job = sim.get('Job', `tick-${firstMinute}`, 'default') as V1Job;
    expect(job.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(new Date(firstMinute * 60_000).toISOString().replace('.000Z', 'Z'));
    expect(job.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    expect(getCj(sim).status?.lastScheduleTime).toBe(new Date(firstMinute * 60_000).toISOString().replace('.000Z', 'Z'));
    expect(events(sim, 'SuccessfulCreate')).toEqual([`Created job tick-${firstMinute}`]);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs and empties status.active when they finish', () => {
    const sim = sim0();
    sim.create(cronJob('tick', { successfulJobsHistoryLimit: 2 }));
    sim.advance(5 * 60_000 + 30_000);
    expect(jobs(sim)).toHaveLength(2);
    expect(getCj(sim).status?.active).toBeUndefined();
    expect(getCj(sim).status?.lastSuccessfulTime).toBeDefined();
    expect(events(sim, 'SawCompletedJob')[0]).toMatch(/^Saw completed job: tick-\d+, condition: Complete$/);
  });

  it('Forbid skips a run while the previous Job runs; Replace deletes it', () => {
    const forbid = sim0();
    forbid.create(cronJob('tick', { concurrencyPolicy: 'Forbid' }, ['sleep', '3600']));
    forbid.advance(3 * 60_000);
    expect(jobs(forbid)).toHaveLength(1);
    expect(getCj(forbid).status?.active).toHaveLength(1);
    expect(events(forbid, 'JobAlreadyActive')[0]).toBe('Not starting job because prior execution is running and concurrency policy is Forbid');
    const replace = sim0();
    replace.create(cronJob('tick', { concurrencyPolicy: 'Replace' }, ['sleep', '3600']));
    replace.advance(2 * 60_000 + 10_000);
    expect(jobs(replace)).toHaveLength(1);
    expect(events(replace, 'SuccessfulDelete')).toHaveLength(1);
  });

  it('creates nothing while suspended, and resumes on the next schedule', () => {
    const sim = sim0();
    sim.create(cronJob('tick', { suspend: true }));
    sim.advance(3 * 60_000);
    expect(jobs(sim)).toEqual([]);
    sim.patch('CronJob', 'tick', 'default', { spec: { suspend: false } }, 'merge');
    sim.advance(1_000);
    // the most recent missed time (no startingDeadlineSeconds) is run at once, then one per minute
    expect(jobs(sim)).toHaveLength(1);
  });

  it('does not start a run missed by more than startingDeadlineSeconds, only the next one', () => {
    const sim = sim0();
    sim.create(cronJob('tick', { suspend: true, startingDeadlineSeconds: 10 }));
    sim.advance(110_000); // 10:02:20: the 10:02:00 run is 20 s late
    sim.patch('CronJob', 'tick', 'default', { spec: { suspend: false } }, 'merge');
    sim.advance(1_000);
    expect(jobs(sim)).toEqual([]);
    sim.advance(40_000); // past 10:03:00
    expect(jobs(sim)).toEqual([`tick-${Date.parse('2026-01-01T10:03:00Z') / 60_000}`]);
  });

  it('rejects a schedule ParseStandard cannot read', () => {
    const sim = sim0();
    expect(() => sim.create(cronJob('bad', { schedule: '* * *' }))).toThrow('spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]');
  });
});
