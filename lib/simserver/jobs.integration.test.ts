/**
 * The real kubectl (the newest installed) against the sim cluster server, for Jobs (batch/v1): kubectl create job
 * (k8s.io/kubectl pkg/cmd/create/create_job.go, sent as protobuf), get jobs with the server's Table
 * (pkg/printers/internalversion/printers.go printJob: NAME STATUS COMPLETIONS DURATION AGE), describe job, and the
 * job-name label on its pods (https://kubernetes.io/docs/concepts/workloads/controllers/job/).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl } from './kubectl-harness';

const binaries = await findKubectls();
const newest = binaries[binaries.length - 1];
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };

describe.skipIf(!newest)('real kubectl: jobs', () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-jobs-'));
    const kubeconfig = join(dir, 'kubeconfig');
    server = await startSimServer({ port: 0, seed: 13, workers: 2, kubeconfigPath: kubeconfig, timings: FAST_TIMINGS, tickMs: 50 });
    k = new Kubectl(newest, kubeconfig);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a Job that runs its command to completion', async () => {
    expect(await k.ok('create', 'job', 'hello', '--image=busybox:1.36', '--', 'echo', 'hi')).toBe('job.batch/hello created\n');
    await k.until((o) => /hello\s+Complete\s+1\/1/.test(o), ['get', 'jobs']);
    expect(await k.ok('get', 'jobs')).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nhello\s+Complete\s+1\/1\s+\d+s\s+\d+s\n$/);
    expect(await k.ok('get', 'pods', '-l', 'job-name=hello')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nhello-\w{5}\s+0\/1\s+Completed\s+0\s+\S+\n$/);
    const described = await k.ok('describe', 'job', 'hello');
    expect(described).toMatch(/Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed/);
    expect(described).toMatch(/Normal\s+Completed\s+\S+\s+job-controller\s+Job completed/);
    expect(await k.ok('get', 'job', 'hello', '-o', 'jsonpath={.status.conditions[*].type}')).toBe('SuccessCriteriaMet Complete');
  });

  it('lists jobs in kubectl get all and in api-resources under batch/v1', async () => {
    expect(await k.ok('get', 'all')).toMatch(/\njob\.batch\/hello\s+Complete\s+1\/1/);
    expect(await k.ok('api-resources', '--api-group=batch')).toMatch(/\njobs\s+batch\/v1\s+true\s+Job\n$/);
  });
});
