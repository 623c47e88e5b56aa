/**
 * kubectl create job / get jobs / describe job against the simulator, as kubectl 1.34 prints them:
 * k8s.io/kubectl pkg/cmd/create/create_job.go (the Job it builds), kubernetes pkg/printers/internalversion/printers.go
 * printJob (NAME STATUS COMPLETIONS DURATION AGE) and k8s.io/kubectl pkg/describe/describe.go describeJob.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string) => kubectl(client, line);

beforeEach(async () => {
  client = new SimClient({ seed: 11, autoplay: false });
  await client.ready;
});

describe('kubectl and Jobs', () => {
  it('create job --dry-run=client -o yaml prints the Job kubectl builds', async () => {
    const { stdout } = await run('kubectl create job hello --image=busybox:1.36 --dry-run=client -o yaml -- echo hi');
    expect(stdout).toBe(
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: hello\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - command:\n        - echo\n        - hi\n        image: busybox:1.36\n        name: hello\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
  });

  it('create job runs to Complete; get jobs and describe job show it', async () => {
    expect((await run('kubectl create job hello --image=busybox:1.36 -- echo hi')).stdout).toBe('job.batch/hello created\n');
    expect((await run('kubectl get jobs')).stdout).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nhello\s+Running\s+0\/1\s+0s\n$/);
    client.advance(30_000);
    const table = (await run('kubectl get jobs')).stdout;
    expect(table).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nhello\s+Complete\s+1\/1\s+4s\s+30s\n$/);
    const described = (await run('kubectl describe job hello')).stdout;
    expect(described).toMatch(/^Name:\s+hello\nNamespace:\s+default\nSelector:\s+batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\nLabels:\s+batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\n\s+batch\.kubernetes\.io\/job-name=hello\n\s+controller-uid=[0-9a-f-]{36}\n\s+job-name=hello\nAnnotations:\s+<none>\n/);
    expect(described).toMatch(/Parallelism:\s+1\nCompletions:\s+1\nCompletion Mode:\s+NonIndexed\nSuspend:\s+false\nBackoff Limit:\s+6\nStart Time:\s+\w{3}, \d\d \w{3} \d{4} [\d:]{8} \+0000\nCompleted At:\s+.+\nDuration:\s+\d+s\nPods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed\nPod Template:\n/);
    expect(described).toMatch(/Normal\s+SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: hello-\w{5}\n/);
    expect(described).toMatch(/Normal\s+Completed\s+\S+\s+job-controller\s+Job completed\n/);
  });
});
