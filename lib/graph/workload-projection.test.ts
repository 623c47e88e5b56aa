import { describe, expect, it } from 'vitest';
import type { V1DaemonSet, V1Job } from '../k8s/types';
import { projectDaemonSet, projectJob } from './workload-projection';

const job = (spec: V1Job['spec'], status: V1Job['status']): V1Job => ({ metadata: { name: 'pi', namespace: 'default' }, spec: spec as V1Job['spec'], status });

describe('projectJob', () => {
  // kubectl get jobs: COMPLETIONS is succeeded/completions and STATUS comes from the conditions
  // (pkg/printers/internalversion/printers.go printJob).
  it('shows progress toward completions while the Job runs', () => {
    const v = projectJob('Job/default/pi', job({ completions: 3, parallelism: 1, template: {} as never }, { succeeded: 2, active: 1 }));
    expect(v).toMatchObject({ completions: '2/3', succeeded: 2, target: 3, active: 1, status: 'Running', statusKo: '실행 중', tone: 'running' });
  });
  it('says Complete and Failed from the conditions, in Korean too', () => {
    const done = projectJob('k', job({ completions: 3, template: {} as never }, { succeeded: 3, conditions: [{ type: 'Complete', status: 'True' }] }));
    expect(done).toMatchObject({ completions: '3/3', status: 'Complete', statusKo: '완료', tone: 'complete' });
    const failed = projectJob('k', job({ backoffLimit: 1, template: {} as never }, { failed: 2, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] }));
    expect(failed).toMatchObject({ completions: '0/1', failed: 2, status: 'Failed', statusKo: '실패', tone: 'failed', target: null });
  });
});

describe('projectDaemonSet', () => {
  it('carries the per-node counts kubectl get daemonsets prints', () => {
    const ds: V1DaemonSet = {
      metadata: { name: 'log-agent', namespace: 'default' },
      status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 2, numberMisscheduled: 0 },
    };
    expect(projectDaemonSet('DaemonSet/default/log-agent', ds)).toEqual({
      key: 'DaemonSet/default/log-agent',
      name: 'log-agent',
      namespace: 'default',
      desired: 2,
      current: 2,
      ready: 1,
      available: 1,
      updated: 2,
      misscheduled: 0,
    });
  });
});
