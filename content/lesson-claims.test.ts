/**
 * What the lessons tell students about the cluster in front of them, checked against that cluster: each test
 * replays a lesson's commands on its starting cluster (seed + setup, editor files loaded) and checks the output
 * the text describes. A lesson that says "you will see X" must show X.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { lessonOutline } from '@/lib/lessons/outline';
import { kubectl } from '@/lib/kubectl/testing/run';
import { clients, disposeLessonClusters, lesson, start } from './lesson-cluster';

afterEach(disposeLessonClusters);

describe('lesson claims', () => {
  it('what-is-kubernetes: one control-plane node and the workers worker-1 and worker-2', async () => {
    const { run } = await start('what-is-kubernetes');
    const { stdout } = await run('kubectl get nodes');
    expect(stdout).toMatch(/^control-plane\s+Ready\s+control-plane\s/m);
    expect(stdout).toMatch(/^worker-1\s+Ready\s+<none>\s/m);
    expect(stdout).toMatch(/^worker-2\s+Ready\s+<none>\s/m);
  });

  it('cluster-architecture: control-plane pods named after their node, kube-proxy and calico-node on every node, containerd runtime', async () => {
    const { run } = await start('cluster-architecture');
    const pods = (await run('kubectl get pods -n kube-system -o wide')).stdout;
    for (const c of ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager']) expect(pods).toMatch(new RegExp(`^${c}-control-plane\\s.*\\scontrol-plane\\s`, 'm'));
    for (const ds of ['kube-proxy', 'calico-node']) expect(pods.match(new RegExp(`^${ds}-`, 'gm'))).toHaveLength(3);
    expect(pods).toMatch(/^coredns-/m);
    expect(pods).not.toMatch(/^(kubelet|containerd)/m);
    expect((await run('kubectl get nodes -o wide')).stdout).toMatch(/^worker-1\s.*\scontainerd:\/\/\S+$/m);
  });

  it('pods: describe shows Scheduled → Pulling → Pulled → Created → Started, and the two-container pod is 2/2', async () => {
    const { client, run } = await start('pods');
    await run('kubectl run webserver --image=nginx:latest');
    client.time.step(30_000);
    const events = (await run('kubectl describe pod webserver')).stdout.split('Events:')[1];
    const reasons = [...events.matchAll(/^\s+Normal\s+(\w+)/gm)].map((m) => m[1]);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    await run('kubectl apply -f two-containers.yaml');
    client.time.step(30_000);
    expect((await run('kubectl get pod web-with-helper')).stdout).toMatch(/^web-with-helper\s+2\/2\s+Running\s/m);
  });

  // https://kubernetes.io/docs/concepts/workloads/pods/#how-pods-manage-multiple-containers — containers in a Pod share
  // the network namespace and "can communicate with one another using localhost".
  it('pods: the helper prints the time every 5 s, reaches nginx on localhost:80, and nginx logs the request from 127.0.0.1', async () => {
    const { client, run } = await start('pods');
    await run('kubectl apply -f two-containers.yaml');
    client.time.step(30_000);
    const helperLog = (await run('kubectl logs web-with-helper -c helper')).stdout.trim().split('\n');
    expect(helperLog.length).toBeGreaterThanOrEqual(4);
    for (const line of helperLog) expect(line).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
    expect((await run('kubectl exec web-with-helper -c helper -- wget -qO- localhost:80')).stdout).toContain('Welcome to nginx!');
    expect((await run('kubectl logs web-with-helper -c nginx --tail=1')).stdout).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 /);
  });

  it('replicasets: a selector that does not match the template labels is refused by the API server', async () => {
    const { run } = await start('replicasets');
    const files = lessonOutline(lesson('replicasets').body).editorFiles;
    const broken = files['frontend-rs.yaml'].replace(/labels:\n(\s+)app: frontend/, 'labels:\n$1app: web');
    let stderr = '';
    const { executeKubectl } = await import('@/lib/kubectl');
    const client = clients[clients.length - 1];
    await executeKubectl('kubectl apply -f broken.yaml', { client, files: new Map([['broken.yaml', broken]]), write: (t, s) => void (s === 'stderr' && (stderr += t)), now: () => client.time.now() });
    expect(stderr).toContain('`selector` does not match template `labels`');
    expect((await run('kubectl get rs')).stderr).toMatch(/No resources found/);
  });

  it('replicasets: a failed node turns NotReady within a minute, and its pods are replaced after five more minutes', async () => {
    const { client, run } = await start('replicasets');
    await run('kubectl apply -f frontend-rs.yaml');
    client.time.step(30_000);
    const onWorker1 = ((await client.list('Pod', 'default')) as V1Pod[]).filter((p) => p.spec?.nodeName === 'worker-1').length;
    expect(onWorker1).toBeGreaterThan(0);
    await client.failures.failNode('worker-1');
    for (let t = 0; t < 60_000; t += 5_000) client.time.step(5_000);
    expect((await run('kubectl get nodes')).stdout).toMatch(/^worker-1\s+NotReady\s/m);
    for (let t = 0; t < 300_000; t += 5_000) client.time.step(5_000);
    const running = ((await client.list('Pod', 'default')) as V1Pod[]).filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running');
    expect(running.filter((p) => p.spec?.nodeName === 'worker-2')).toHaveLength(3);
  });

  it('deployments: the first rollout step scales the new ReplicaSet up and the old one down at the same instant', async () => {
    const { client, run } = await start('deployments');
    await run('kubectl apply -f web-deploy.yaml');
    await run('kubectl rollout status deployment/web');
    const before = client.time.now();
    await kubectl(client, 'kubectl set image deployment/web nginx=nginx:1.16.1');
    client.time.step(100); // controller passes only, long before any new pod can be ready
    const scaling = ((await client.list('Event', 'default')) as { reason?: string; message?: string; lastTimestamp?: string }[])
      .filter((e) => e.reason === 'ScalingReplicaSet' && Date.parse(e.lastTimestamp ?? '') >= before - 1_000)
      .map((e) => e.message!.replace(/web-\w+/, 'RS'));
    // new 0→1 and old 3→2 together; then the surge budget (4 in total) lets the new one grow to 2
    expect(scaling).toEqual(['Scaled up replica set RS from 0 to 1', 'Scaled down replica set RS from 3 to 2', 'Scaled up replica set RS from 1 to 2']);
    const ready = ((await client.list('Pod', 'default')) as V1Pod[]).filter((p) => p.spec?.containers[0].image === 'nginx:1.16.1' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    expect(ready).toHaveLength(0);
  });

  it('deployments: change-cause shows in rollout history, and undo gives revision 3 without one', async () => {
    const { client, run, body } = await start('deployments');
    const annotate = lessonOutline(body).runCommands.find((c) => c.startsWith('kubectl annotate'))!;
    await run('kubectl apply -f web-deploy.yaml');
    await run('kubectl rollout status deployment/web');
    const first = await run('kubectl rollout history deployment/web');
    expect(first.stdout + first.stderr).toMatch(/^1\s+<none>$/m);
    await run('kubectl set image deployment/web nginx=nginx:1.16.1');
    await run('kubectl rollout status deployment/web');
    expect((await run(annotate)).stdout).toBe('deployment.apps/web annotated\n');
    client.time.step(1_000); // the deployment controller copies the annotation onto the current ReplicaSet
    expect((await run('kubectl rollout history deployment/web')).stdout).toMatch(/^2\s+nginx 1\.16\.1로 업데이트$/m);
    await run('kubectl rollout undo deployment/web');
    await run('kubectl rollout status deployment/web');
    const history = (await run('kubectl rollout history deployment/web')).stdout;
    expect(history).toMatch(/^REVISION\s+CHANGE-CAUSE\n2\s+nginx 1\.16\.1로 업데이트\n3\s+<none>\n/m);
  });

  it('relationships: revisionHistoryLimit defaults to 10 and older ReplicaSets are pruned', async () => {
    const { client, run } = await start('relationships');
    expect((await run('kubectl get deployment web -o yaml')).stdout).toMatch(/^ {2}revisionHistoryLimit: 10$/m);
    for (let i = 0; i < 12; i++) {
      await run('kubectl rollout restart deployment/web');
      for (let t = 0; t < 60_000; t += 1_000) client.time.step(1_000); // old pods finish terminating
    }
    expect(await client.list('ReplicaSet', 'default', { labelSelector: 'app=web' })).toHaveLength(11);
  });

  it('relationships: the Deployment controller puts back a ReplicaSet scaled by hand', async () => {
    const { client, run } = await start('relationships');
    const rs = (await run('kubectl get rs -l app=web -o name')).stdout.trim();
    await run(`kubectl scale ${rs} --replicas=5`);
    client.time.step(1_000);
    expect((await run(`kubectl get ${rs}`)).stdout).toMatch(/^web-\S+\s+3\s/m);
    // "kubectl describe deployment web의 Events에 Scaled down replica set … from 5 to 3이 남습니다"
    expect((await run('kubectl describe deployment web')).stdout).toMatch(new RegExp(`ScalingReplicaSet .*Scaled down replica set ${rs.replace('replicaset.apps/', '')} from 5 to 3$`, 'm'));
  });

  it('services: get endpoints shows the pod IPs on :80, under the v1.33+ deprecation warning', async () => {
    const { client, run } = await start('services');
    await run('kubectl apply -f web-svc.yaml');
    client.time.step(10_000);
    const r = await run('kubectl get endpoints web');
    expect(r.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(r.stdout).toMatch(/^web\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80\s/m);
  });

  it('best-practices: describe deployment shows Limits, Requests, Liveness and Readiness, with the defaulted probe numbers', async () => {
    const { client, run } = await start('best-practices');
    await run('kubectl apply -f frontend.yaml');
    client.time.step(30_000);
    const { stdout } = await run('kubectl describe deployment frontend');
    expect(stdout).toMatch(/^ {4}Limits:\n {6}cpu:\s+500m\n {6}memory:\s+128Mi\n {4}Requests:\n {6}cpu:\s+100m\n {6}memory:\s+64Mi$/m);
    expect(stdout).toMatch(/^ {4}Liveness:\s+http-get http:\/\/:80\/ delay=10s timeout=1s period=10s #success=1 #failure=3$/m);
    expect(stdout).toMatch(/^ {4}Readiness:\s+http-get http:\/\/:80\/ delay=2s timeout=1s period=5s #success=1 #failure=3$/m);
    expect((await run('kubectl describe nodes')).stdout).toMatch(/Non-terminated Pods:.*\n(.*\n)*\s+default\s+frontend-\S+\s+100m \(\d+%\)\s+500m \(\d+%\)\s+64Mi \(\d+%\)\s+128Mi/);
  });

  it('best-practices: a Deployment selector cannot be changed after creation', async () => {
    const { run } = await start('best-practices');
    await run('kubectl apply -f frontend.yaml');
    const r = await run('kubectl label deployment frontend version=v1.0.0');
    expect(r.exitCode).toBe(0); // labels on the object are fine; the selector is what is frozen
    const files = lessonOutline(lesson('best-practices').body).editorFiles;
    const changed = files['frontend.yaml'].replace(/matchLabels:\n(\s+)app: store/, 'matchLabels:\n$1version: v1.0.0\n$1app: store');
    const client = clients[clients.length - 1];
    let stderr = '';
    const { executeKubectl } = await import('@/lib/kubectl');
    await executeKubectl('kubectl apply -f frontend.yaml', { client, files: new Map([['frontend.yaml', changed]]), write: (t, s) => void (s === 'stderr' && (stderr += t)), now: () => client.time.now() });
    expect(stderr).toMatch(/spec\.selector: Invalid value: .*field is immutable/);
  });
});
