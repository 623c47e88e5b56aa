/**
 * `kubectl annotate` and the change-cause it records: rollout history reads `kubernetes.io/change-cause` from
 * each ReplicaSet (ViewHistory in staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go), and the
 * Deployment controller copies the Deployment's annotations onto its current ReplicaSet
 * (SetNewReplicaSetAnnotations in pkg/controller/deployment/util/deployment_util.go). Output and errors as in
 * staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string) => kubectl(client, line);

beforeEach(async () => {
  client = new SimClient({ seed: 5, autoplay: false });
  await client.ready;
});
afterEach(() => client.dispose());

describe('kubectl annotate', () => {
  it('records a change-cause that rollout history shows for the current revision', async () => {
    await run('kubectl create deployment web --image=nginx:1.14.2 --replicas=3');
    client.advance(30_000);
    await run('kubectl set image deployment/web nginx=nginx:1.16.1');
    const r = await run("kubectl annotate deployment/web kubernetes.io/change-cause='nginx 1.16.1로 업데이트'");
    expect(r).toMatchObject({ exitCode: 0, stdout: 'deployment.apps/web annotated\n', stderr: '' });
    client.advance(30_000);
    const history = await run('kubectl rollout history deployment/web');
    expect(history.stdout).toMatch(/^REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+nginx 1\.16\.1로 업데이트\n/m);
    expect((await run('kubectl rollout history deployment/web --revision=2')).stdout).toMatch(/^  Annotations:\tkubernetes\.io\/change-cause: nginx 1\.16\.1로 업데이트$/m);
  });

  it('needs --overwrite to change a value, removes with KEY-, and keeps resources before changes', async () => {
    await run('kubectl create deployment web --image=nginx:1.14.2');
    await run('kubectl annotate deploy web team=blue');
    const clash = await run('kubectl annotate deploy web team=red');
    expect(clash.exitCode).toBe(1);
    expect(clash.stderr.split('\n')[0]).toBe("error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (blue)");
    expect((await run('kubectl annotate deploy web team=red --overwrite')).stdout).toBe('deployment.apps/web annotated\n');
    expect((await client.get('Deployment', 'web', 'default')).metadata?.annotations?.team).toBe('red');
    await run('kubectl annotate deploy web team-');
    expect((await client.get('Deployment', 'web', 'default')).metadata?.annotations).not.toHaveProperty('team');
    expect((await run('kubectl annotate team=x deploy web')).stderr.split('\n')[0]).toBe('error: all resources must be specified before annotation changes: deploy');
    expect((await run('kubectl annotate deploy web')).stderr.split('\n')[0]).toBe('error: at least one annotation update is required');
  });
});
