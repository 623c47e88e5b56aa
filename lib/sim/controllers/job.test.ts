/**
 * The Job controller against pkg/controller/job/job_controller.go (syncJob, 1.34) and the Jobs doc
 * (https://kubernetes.io/docs/concepts/workloads/controllers/job/): completions and parallelism, the pod-failure
 * backoff and backoffLimit, activeDeadlineSeconds, SuccessCriteriaMet → Complete and FailureTarget → Failed,
 * ttlSecondsAfterFinished (pkg/controller/ttlafterfinished), labels from the job strategy's generateSelector.
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Job, V1Pod } from '../../k8s/api-types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

function job(name: string, spec: Record<string, unknown>, command: string[]): V1Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command }] } } },
  } as V1Job;
}
const getJob = (sim: Simulator, name: string) => sim.get('Job', name, 'default') as V1Job;
const podsOfJob = (sim: Simulator, name: string) => sim.list('Pod', 'default', { labelSelector: `batch.kubernetes.io/job-name=${name}` }).items as V1Pod[];
const conditions = (j: V1Job) => (j.status?.conditions ?? []).map((c) => `${c.type}/${c.reason}`);
const events = (sim: Simulator, reason: string) => (sim.list('Event', 'default', { fieldSelector: `reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message);

describe('Job controller', () => {
  it('runs completions with parallelism, then SuccessCriteriaMet and Complete (CompletionsReached)', () => {
    const sim = createSimulator({ seed: 101 });
    sim.create(job('pi', { completions: 3, parallelism: 2 }, ['sh', '-c', 'echo done']));
    sim.advance(1_000);
    expect(getJob(sim, 'pi').status).toMatchObject({ active: 2, ready: 0, terminating: 0 });
    sim.advance(60_000);
    const j = getJob(sim, 'pi');
    expect(j.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(j.status!.active).toBeUndefined();
    expect(conditions(j)).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(j.status!.conditions![1].message).toBe('Job has reached the specified number of completions');
    expect(j.status!.completionTime).toBeDefined();
    expect(podsOfJob(sim, 'pi')).toHaveLength(3);
    expect(events(sim, 'Completed')).toEqual(['Job completed']);
    expect(events(sim, 'SuccessfulCreate')).toHaveLength(3);
  });

  it('labels pods and selects them by controller uid (job strategy generateSelector)', () => {
    const sim = createSimulator({ seed: 102 });
    sim.create(job('lbl', {}, ['sh', '-c', 'echo hi']));
    sim.advance(1_000);
    const j = getJob(sim, 'lbl');
    const uid = j.metadata!.uid!;
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(j.spec!.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const [pod] = podsOfJob(sim, 'lbl');
    expect(pod.metadata!.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'lbl', 'controller-uid': uid, 'job-name': 'lbl' });
    expect(pod.metadata!.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'lbl', uid, controller: true, blockOwnerDeletion: true }]);
  });

  it('refuses restartPolicy Always (ValidateJobSpec)', () => {
    const sim = createSimulator({ seed: 103 });
    const bad = job('always', {}, ['true']);
    bad.spec!.template.spec!.restartPolicy = 'Always';
    expect(() => sim.create(bad)).toThrow(/spec\.template\.spec\.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"/);
  });

  it('backs off 10 s, 20 s… between failed pods and fails with BackoffLimitExceeded past backoffLimit', () => {
    const sim = createSimulator({ seed: 104 });
    sim.create(job('flaky', { backoffLimit: 2 }, ['sh', '-c', 'exit 1']));
    sim.advance(5_000);
    expect(podsOfJob(sim, 'flaky').map((p) => p.status!.phase)).toEqual(['Failed']);
    // the replacement waits for the 10 s backoff after the first failure
    sim.advance(4_000);
    expect(podsOfJob(sim, 'flaky')).toHaveLength(1);
    sim.advance(10_000);
    expect(podsOfJob(sim, 'flaky')).toHaveLength(2);
    sim.advance(120_000);
    const j = getJob(sim, 'flaky');
    expect(j.status!.failed).toBe(3);
    expect(conditions(j)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(j.status!.conditions![1].message).toBe('Job has reached the specified backoff limit');
    expect(j.status!.completionTime).toBeUndefined();
    expect(events(sim, 'BackoffLimitExceeded')).toEqual(['Job has reached the specified backoff limit']);
  });

  it('stops running pods after activeDeadlineSeconds and fails with DeadlineExceeded', () => {
    const sim = createSimulator({ seed: 105 });
    sim.create(job('slow', { activeDeadlineSeconds: 20 }, ['sleep', '3600']));
    sim.advance(15_000);
    expect(getJob(sim, 'slow').status!.active).toBe(1);
    sim.advance(10_000);
    expect(conditions(getJob(sim, 'slow'))).toEqual(['FailureTarget/DeadlineExceeded']);
    expect(events(sim, 'SuccessfulDelete')).toHaveLength(1);
    sim.advance(60_000);
    const j = getJob(sim, 'slow');
    expect(conditions(j)).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(j.status!.conditions![1].message).toBe('Job was active longer than specified deadline');
    expect(podsOfJob(sim, 'slow')).toHaveLength(0);
  });

  it('deletes a finished Job and its pods ttlSecondsAfterFinished later', () => {
    const sim = createSimulator({ seed: 106 });
    sim.create(job('once', { ttlSecondsAfterFinished: 30 }, ['sh', '-c', 'echo hi']));
    sim.advance(20_000);
    expect(conditions(getJob(sim, 'once'))).toContain('Complete/CompletionsReached');
    sim.advance(60_000);
    expect(() => sim.get('Job', 'once', 'default')).toThrow();
    expect(podsOfJob(sim, 'once')).toHaveLength(0);
  });
});
