/**
 * Real kubectl (the newest installed) against the sim cluster server, for CronJobs (batch/v1): kubectl create
 * cronjob (k8s.io/kubectl pkg/cmd/create/create_cronjob.go, sent as protobuf), get cronjob with the server's Table
 * (pkg/printers/internalversion/printers.go printCronJob: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE),
 * and create job --from=cronjob/NAME (create_job.go createJobFromCronJob).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl, skipWithoutKubectl } from './kubectl-harness';

const binaries = await findKubectls();
const newest = binaries[binaries.length - 1];
skipWithoutKubectl('Real kubectl CronJob tests', newest);
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };

describe.skipIf(!newest)('real kubectl: cronjobs', () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cronjobs-'));
    const kubeconfig = join(dir, 'kubeconfig');
    server = await startSimServer({ port: 0, seed: 17, workers: 1, kubeconfigPath: kubeconfig, timings: FAST_TIMINGS, tickMs: 50 });
    k = new Kubectl(newest, kubeconfig);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a CronJob and lists it with the server Table', async () => {
    expect(await k.ok('create', 'cronjob', 'tick', '--image=busybox:1.36', '--schedule=0 0 * * *', '--', 'date')).toBe('cronjob.batch/tick created\n');
    expect(await k.ok('get', 'cronjob')).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\ntick\s+0 0 \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s\n$/);
    expect(await k.ok('get', 'cj', 'tick', '-o', 'jsonpath={.spec.concurrencyPolicy} {.spec.successfulJobsHistoryLimit} {.spec.jobTemplate.spec.template.spec.restartPolicy}')).toBe('Allow 3 OnFailure');
  });

  it('runs a Job from it at once with create job --from', async () => {
    expect(await k.ok('create', 'job', 'once', '--from=cronjob/tick')).toBe('job.batch/once created\n');
    expect(await k.ok('get', 'job', 'once', '-o', 'jsonpath={.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} {.metadata.ownerReferences[0].kind}')).toBe('manual CronJob');
    expect(await k.ok('api-resources', '--api-group=batch')).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\ncronjobs\s+cj\s+batch\/v1\s+true\s+CronJob\njobs\s+batch\/v1\s+true\s+Job\n$/);
  });
});
