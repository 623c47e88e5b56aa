/**
 * `kubectl create cronjob`, `create job --from=cronjob/…`, `create pdb` and `get cronjob|pdb` in the browser, as
 * k8s.io/kubectl pkg/cmd/create (create_cronjob.go, create_job.go createJobFromCronJob, create_pdb.go Validate and
 * createPodDisruptionBudgets) build the objects and pkg/printers/internalversion/printers.go (printCronJob,
 * printPodDisruptionBudget) prints them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import type { V1CronJob, V1Job, V1PodDisruptionBudget } from '../../k8s/api-types';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string) => kubectl(client, line);

beforeEach(() => {
  client = new SimClient({ seed: 9, autoplay: false });
});

describe('kubectl create cronjob / job --from', () => {
  it('creates a CronJob as create_cronjob.go builds it and prints it with printCronJob', async () => {
    expect((await run('kubectl create cronjob tick --image=busybox:1.36 --schedule="*/1 * * * *" -- date')).stdout).toBe('cronjob.batch/tick created\n');
    const cj = (await client.get('CronJob', 'tick', 'default')) as V1CronJob;
    expect(cj.spec?.jobTemplate?.spec?.template?.spec).toMatchObject({ restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'busybox:1.36', command: ['date'] }] });
    expect((await run('kubectl get cronjob')).stdout).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\ntick\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s\n$/);
    client.advance(61_000);
    expect((await run('kubectl get cj')).stdout).toMatch(/\ntick\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+1\s+\d+s\s+\d+s\n$/);
  });

  it('refuses a missing schedule or image with kubectl’s words', async () => {
    expect((await run('kubectl create cronjob tick --image=busybox')).stderr).toContain('error: --schedule must be specified');
    expect((await run('kubectl create cronjob tick --schedule="* * * * *"')).stderr).toContain('error: --image must be specified');
    expect((await run('kubectl create cronjob tick --image=busybox --schedule="* * *"')).stderr).toContain('spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]');
  });

  it('creates a Job from the CronJob template, marked manual and owned by it', async () => {
    await run('kubectl create cronjob tick --image=busybox:1.36 --schedule="0 0 * * *" -- echo hi');
    expect((await run('kubectl create job once --from=cronjob/tick')).stdout).toBe('job.batch/once created\n');
    const job = (await client.get('Job', 'once', 'default')) as V1Job;
    expect(job.metadata?.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    expect(job.spec?.template?.spec?.containers[0].command).toEqual(['echo', 'hi']);
    expect((await run('kubectl create job twice --from=deploy/web')).stderr).toContain('error: from must be an existing cronjob: deploy/web');
  });
});

describe('kubectl create pdb', () => {
  it('builds the budget as create_pdb.go does and prints it with printPodDisruptionBudget', async () => {
    expect((await run('kubectl create pdb web --selector=app=web --min-available=50%')).stdout).toBe('poddisruptionbudget.policy/web created\n');
    const pdb = (await client.get('PodDisruptionBudget', 'web', 'default')) as V1PodDisruptionBudget;
    expect(pdb.spec).toEqual({ selector: { matchLabels: { app: 'web' } }, minAvailable: '50%' });
    client.advance(1_000);
    expect((await run('kubectl get pdb')).stdout).toMatch(/^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+50%\s+N\/A\s+0\s+\d+s\n$/);
  });

  it('validates its flags in create_pdb.go’s words', async () => {
    expect((await run('kubectl create pdb web --min-available=1')).stderr).toContain('error: a selector must be specified');
    expect((await run('kubectl create pdb web --selector=app=web')).stderr).toContain('error: one of min-available or max-unavailable must be specified');
    expect((await run('kubectl create pdb web --selector=app=web --min-available=1 --max-unavailable=1')).stderr).toContain('error: min-available and max-unavailable cannot be both specified');
    expect((await run('kubectl create pdb web --selector=app=web --max-unavailable=1Gi')).stderr).toContain('error: invalid format specified for max-unavailable');
  });
});
