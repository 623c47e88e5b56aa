/** kubectl against the real simulator (SimClient, time stepped by the test). */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../cluster/sim-client';
import type { V1Deployment } from '../k8s/types';
import { TEMPLATES } from '../yaml/templates';
import { kubectl } from './testing/run';

let client: SimClient;
const files = new Map<string, string>();
const run = (line: string, signal?: AbortSignal) => kubectl(client, line, { files, signal });

beforeEach(async () => {
  client = new SimClient({ seed: 7, autoplay: false });
  await client.ready;
  files.clear();
  files.set('deployment.yaml', TEMPLATES.find((t) => t.id === 'deployment')!.content);
});

const podLines = (stdout: string) => stdout.trim().split('\n').slice(1);

describe('kubectl on the simulator', () => {
  it('run → the pod becomes Running as time passes', async () => {
    expect((await run('kubectl run webserver --image=nginx:latest')).stdout).toBe('pod/webserver created\n');
    client.advance(30_000);
    expect((await run('kubectl get pods')).stdout).toMatch(/^webserver\s+1\/1\s+Running\s+0\s+30s$/m);
  });

  it('apply from the editor → 3 pods; scale → 5; re-apply is unchanged', async () => {
    expect((await run('kubectl apply -f deployment.yaml')).stdout).toBe('deployment.apps/web created\n');
    expect((await run('kubectl apply -f deployment.yaml')).stdout).toBe('deployment.apps/web unchanged\n');
    client.advance(30_000);
    expect(podLines((await run('kubectl get pods -l app=web')).stdout)).toHaveLength(3);
    expect((await run('kubectl scale deploy/web --replicas=5')).stdout).toBe('deployment.apps/web scaled\n');
    client.advance(30_000);
    const pods = podLines((await run('kubectl get pods -l app=web')).stdout);
    expect(pods).toHaveLength(5);
    expect(pods.every((l) => /1\/1\s+Running/.test(l))).toBe(true);
  });

  // kubectl scale takes TYPE NAME..., or TYPE with -l/--all, and scales each object it visits; none visited is
  // "no objects passed to scale" (kubernetes/kubectl pkg/cmd/scale/scale.go RunScale)
  it('scale -l scales every matching ReplicaSet in turn, and says when the selector matches none', async () => {
    await run('kubectl apply -f deployment.yaml');
    client.advance(30_000);
    const rs = (await run('kubectl get rs -l app=web -o name')).stdout.trim();
    expect(rs).toMatch(/^replicaset\.apps\/web-[a-z0-9]+$/);
    expect((await run('kubectl scale rs -l app=web --replicas=5')).stdout).toBe(`${rs} scaled\n`);
    const none = await run('kubectl scale rs -l app=nothing --replicas=5');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('error: no objects passed to scale');
    expect((await run('kubectl scale deploy web web2 --replicas=2')).stderr).toContain('"web2" not found');
  });

  it('re-applying an edited file configures the object and drops fields removed from the file', async () => {
    const original = files.get('deployment.yaml')!;
    await run('kubectl apply -f deployment.yaml');
    files.set('deployment.yaml', original.replace('replicas: 3', 'replicas: 4').replace('  labels:\n    app: web\nspec:', 'spec:'));
    expect((await run('kubectl apply -f deployment.yaml')).stdout).toBe('deployment.apps/web configured\n');
    const d = (await client.get('Deployment', 'web', 'default')) as V1Deployment;
    expect(d.spec?.replicas).toBe(4);
    expect(d.metadata?.labels?.app).toBeUndefined();
    await run('kubectl create deployment made --image=nginx');
    files.set('made.yaml', (await run('kubectl get deploy made -o yaml')).stdout);
    const adopted = await run('kubectl apply -f made.yaml');
    expect(adopted.stderr).toContain('Warning: resource deployments.apps/made is missing the kubectl.kubernetes.io/last-applied-configuration annotation');
  });

  it('set image takes an image with a repository path (kubelab/hello:2.0), as kubectl does', async () => {
    // kubectl set image: args with "=" are container=image pairs (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetResourcesAndPairs)
    await run('kubectl apply -f deployment.yaml');
    expect((await run('kubectl set image deploy/web web=kubelab/hello:2.0')).stdout).toBe('deployment.apps/web image updated\n');
    const d = (await client.get('Deployment', 'web', 'default')) as V1Deployment;
    expect(d.spec?.template?.spec?.containers[0].image).toBe('kubelab/hello:2.0');
  });

  it('set image rolls out, rollout status waits for it, rollout undo brings the old image back', async () => {
    await run('kubectl apply -f deployment.yaml');
    client.advance(30_000);
    expect((await run('kubectl set image deploy/web web=nginx:1.25')).stdout).toBe('deployment.apps/web image updated\n');
    const abort = new AbortController();
    const status = run('kubectl rollout status deploy/web', abort.signal);
    for (let i = 0; i < 120; i++) {
      client.advance(1_000);
      await new Promise((r) => setTimeout(r, 0));
    }
    const result = await status;
    expect(result.stdout).toMatch(/^Waiting for deployment/);
    expect(result.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: \d+ (out of 3 new replicas have been updated|old replicas are pending termination|of 3 updated replicas are available)\.\.\.$/m);
    expect(result.stdout.trimEnd().split('\n').pop()).toBe('deployment "web" successfully rolled out');
    expect(result.exitCode).toBe(0);
    expect((await run('kubectl get deploy web -o wide')).stdout).toContain('nginx:1.25');
    expect((await run('kubectl rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await run('kubectl rollout undo deploy/web')).stdout).toBe('deployment.apps/web rolled back\n');
    client.advance(90_000);
    const d = (await client.get('Deployment', 'web', 'default')) as V1Deployment;
    expect(d.spec?.template?.spec?.containers[0].image).toBe('nginx:1.24');
    expect(d.spec?.template?.metadata?.labels?.['pod-template-hash']).toBeUndefined();
    expect((await run('kubectl rollout undo deploy/web --to-revision=9')).stderr).toContain('unable to find specified revision 9 in history');
  });

  it('get -w streams rows until Ctrl+C', async () => {
    const abort = new AbortController();
    const watching = run('kubectl get pods -w', abort.signal);
    await new Promise((r) => setTimeout(r, 0));
    await run('kubectl run w --image=nginx');
    client.advance(20_000);
    await new Promise((r) => setTimeout(r, 0));
    abort.abort();
    const { stdout, stderr, exitCode } = await watching;
    expect(stderr).toBe('No resources found in default namespace.\n');
    expect(stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(stdout).toMatch(/^w\s+0\/1\s+Pending/m);
    expect(stdout).toMatch(/^w\s+1\/1\s+Running/m);
    expect(exitCode).toBe(0);
  });

  it('delete waits until the pod has terminated, like kubectl --wait', async () => {
    await run('kubectl run w --image=nginx');
    client.advance(20_000);
    let finished = false;
    const deleting = run('kubectl delete pod w', new AbortController().signal).then((r) => {
      finished = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(finished).toBe(false);
    for (let i = 0; i < 60 && !finished; i++) {
      client.advance(1_000);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect((await deleting).stdout).toBe('pod "w" deleted from default namespace\n');
    expect((await run('kubectl get pods')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('errors print like kubectl, then one Korean hint', async () => {
    const missing = await run('kubectl get pods nope');
    expect(missing.stderr).toBe("Error from server (NotFound): pods \"nope\" not found\n힌트: 'kubectl get pods'로 지금 있는 이름을 확인해 보세요.\n");
    expect(missing.exitCode).toBe(1);
    const dup = await run('kubectl create deployment web --image=nginx');
    expect(dup.exitCode).toBe(0);
    const again = await run('kubectl create deployment web --image=nginx');
    expect(again.stderr.split('\n')[0]).toBe('Error from server (AlreadyExists): deployments.apps "web" already exists');
    const badType = await run('kubectl get pdos');
    expect(badType.stderr).toContain('error: the server doesn\'t have a resource type "pdos"');
    expect(badType.stderr).toContain("힌트: 혹시 'pods'인가요?");
  });

  it('broken YAML reports line:column and leaves the cluster unchanged', async () => {
    files.set('broken.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\n spec: {}\n');
    const before = JSON.stringify([...client.cached().keys()].sort());
    const r = await run('kubectl apply -f broken.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line 5: /);
    expect(r.stderr).toMatch(/힌트: broken\.yaml 5:\d+ — YAML 문법 오류/);
    expect(JSON.stringify([...client.cached().keys()].sort())).toBe(before);
  });

  it('unknown fields are rejected like strict decoding, with a did-you-mean hint', async () => {
    files.set('typo.yaml', TEMPLATES.find((t) => t.id === 'deployment')!.content.replace('replicas: 3', 'replica: 3'));
    const r = await run('kubectl apply -f typo.yaml');
    expect(r.stderr).toContain('Error from server (BadRequest): error when creating "typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
    expect(r.stderr).toContain('replicas를 말씀하신 건가요?');
    await expect(client.get('Deployment', 'web', 'default')).rejects.toThrow();
  });

  it('describe shows the kubectl sections and the events table', async () => {
    await run('kubectl create deployment web --image=nginx:1.24 --replicas=2');
    client.advance(30_000);
    const { stdout } = await run('kubectl describe deployment web');
    expect(stdout).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    expect(stdout).toMatch(/^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$/m);
    expect(stdout).toMatch(/^Events:\n  Type\s+Reason\s+Age\s+From\s+Message\n/m);
    expect(stdout).toContain('ScalingReplicaSet');
    const pod = await run('kubectl describe pods -l app=web');
    expect(pod.stdout).toMatch(/^Status:\s+Running$/m);
    expect(pod.stdout).toMatch(/^Controlled By:\s+ReplicaSet\/web-/m);
  });
});
