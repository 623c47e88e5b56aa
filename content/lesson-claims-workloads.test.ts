/**
 * Lesson claims about running applications (kubelab images, probes, logs, exec), checked on the engine as in
 * lesson-claims.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { evaluateChecks } from '@/lib/lessons/check';
import { lessonOutline } from '@/lib/lessons/outline';
import { disposeLessonClusters, executeWith, lesson, start } from './lesson-cluster';

afterEach(disposeLessonClusters);

describe('lesson claims: workloads that run', () => {
  // Probe behaviour pinned here follows https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
  // (readiness failure: removed from Service endpoints, no restart; liveness failure: the kubelet restarts the container)
  it('best-practices: a failing readiness probe makes the pod 0/1 with no restart, an Unhealthy event and no ready endpoint', async () => {
    const { client, run } = await start('best-practices');
    await run('kubectl apply -f broken-ready.yaml');
    for (let t = 0; t < 10_000; t += 1_000) client.time.step(1_000); // "10초쯤 뒤"
    expect((await run('kubectl get pods -l app=broken-ready')).stdout).toMatch(/^broken-ready-\S+\s+1\/1\s+Running\s+0\s/m);
    for (let t = 0; t < 20_000; t += 1_000) client.time.step(1_000); // "30초쯤"
    expect((await run('kubectl get pods -l app=broken-ready')).stdout).toMatch(/^broken-ready-\S+\s+0\/1\s+Running\s+0\s/m);
    const events = (await run('kubectl describe pod -l app=broken-ready')).stdout.split('Events:')[1];
    expect(events).toMatch(/Warning\s+Unhealthy\s+.*\(x\d+ over \d+s\)\s+kubelet\s+Readiness probe failed: HTTP probe failed with statuscode: 500/);
    // an Endpoints with only notReadyAddresses prints an empty ENDPOINTS cell (kubernetes/pkg/printers/internalversion/printers.go formatEndpoints)
    expect((await run('kubectl get endpoints broken-ready')).stdout).toMatch(/^broken-ready {2,}\d+s$/m);
    const ep = (await run('kubectl get endpoints broken-ready -o yaml')).stdout;
    expect(ep).toMatch(/notReadyAddresses:/);
  });

  it('best-practices: a failing liveness probe restarts the container: RESTARTS 1 after about 30 s, 2 after about a minute, with a Killing event', async () => {
    const { client, run } = await start('best-practices');
    await run('kubectl apply -f broken-live.yaml');
    for (let t = 0; t < 35_000; t += 1_000) client.time.step(1_000); // "30초쯤"
    expect((await run('kubectl get pods -l app=broken-live')).stdout).toMatch(/^broken-live-\S+\s+\d\/1\s+\w+\s+1 \(/m);
    for (let t = 0; t < 35_000; t += 1_000) client.time.step(1_000); // "1분쯤"
    expect((await run('kubectl get pods -l app=broken-live')).stdout).toMatch(/^broken-live-\S+\s+\d\/1\s+\w+\s+[2-9] \(/m);
    const events = (await run('kubectl describe pod -l app=broken-live')).stdout.split('Events:')[1];
    expect(events).toMatch(/Liveness probe failed: HTTP probe failed with statuscode: 500/);
    expect(events).toMatch(/Normal\s+Killing\s+.*Container hello failed liveness probe, will be restarted/);
  });

  it('best-practices: with the readiness probe and minReadySeconds the broken version never becomes available; without the probe it takes over', async () => {
    const files = lessonOutline(lesson('best-practices').body).editorFiles;
    const outcome = async (manifest: string) => {
      const { client, run } = await start('best-practices');
      await executeWith(client, 'kubectl apply -f shop.yaml', manifest);
      for (let t = 0; t < 30_000; t += 1_000) client.time.step(1_000);
      expect((await run('kubectl set image deployment/shop hello=kubelab/hello:3.0-broken')).exitCode).toBe(0);
      for (let t = 0; t < 120_000; t += 1_000) client.time.step(1_000);
      const pods = ((await client.list('Pod', 'default', { labelSelector: 'app=shop' })) as V1Pod[]).filter((p) => !p.metadata?.deletionTimestamp);
      const ready = (p: V1Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      const eps = (await client.get('Endpoints', 'shop', 'default')) as { subsets?: { addresses?: { ip: string }[] }[] };
      const serving = new Set((eps.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.ip));
      const servingImages = pods.filter((p) => serving.has(p.status?.podIP ?? '')).map((p) => p.spec!.containers[0].image);
      const table = (await run('kubectl get deployment shop')).stdout;
      const exercise = lessonOutline(lesson('best-practices').body).exercises.find((e) => e.id === 'broken-rollout-held')!;
      const checked = await evaluateChecks(client, exercise.checks);
      return { passes: checked.ok, table, servingImages: servingImages.sort(), readyBroken: pods.filter((p) => ready(p) && p.spec!.containers[0].image!.includes('broken')).length };
    };
    const held = await outcome(files['shop.yaml']);
    expect(held.servingImages).toEqual(['kubelab/hello:1.0', 'kubelab/hello:1.0', 'kubelab/hello:1.0']);
    expect(held.readyBroken).toBe(0);
    expect(held.passes).toBe(true);
    expect(held.table).toMatch(/^shop\s+3\/3\s+1\s+3\s/m); // UP-TO-DATE 1, AVAILABLE 3
    // the lesson's "프로브가 없었다면": drop the readinessProbe block and the broken version serves
    const noProbe = files['shop.yaml'].replace(/ {10}readinessProbe:\n(?: {12}.*\n)+/, '');
    expect(noProbe).not.toContain('readinessProbe');
    const taken = await outcome(noProbe);
    expect(taken.servingImages).toEqual(['kubelab/hello:3.0-broken', 'kubelab/hello:3.0-broken', 'kubelab/hello:3.0-broken']);
    expect(taken.passes).toBe(false); // the exercise's checks tell the two apart
  });

});

// kubectl logs / exec as https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/ and
// https://kubernetes.io/docs/concepts/workloads/pods/#how-pods-manage-multiple-containers (containers of a pod
// share the network namespace: one IP, one hostname)
describe('lesson claims: pods, logs and exec', () => {
  it('pods: a --restart=Never busybox pod completes and logs its greeting; both containers of a pod answer one hostname and one IP', async () => {
    const { client, run } = await start('pods');
    await run('kubectl run hello --restart=Never --image=busybox -- echo 안녕하세요');
    await run('kubectl apply -f two-containers.yaml');
    for (let t = 0; t < 30_000; t += 1_000) client.time.step(1_000);
    expect((await run('kubectl get pod hello')).stdout).toMatch(/^hello\s+0\/1\s+Completed\s+0\s/m);
    expect((await run('kubectl logs hello')).stdout).toBe('안녕하세요\n');
    const defaulted = await run('kubectl logs web-with-helper');
    expect(defaulted.stderr + defaulted.stdout).toContain('Defaulted container "nginx" out of: nginx, helper');
    expect((await run('kubectl logs web-with-helper -c nginx')).stdout).toMatch(/nginx\/1\.14\.2/);
    expect((await run('kubectl exec web-with-helper -c nginx -- hostname')).stdout).toBe('web-with-helper\n');
    expect((await run('kubectl exec web-with-helper -c helper -- hostname')).stdout).toBe('web-with-helper\n');
    const ip = ((await client.get('Pod', 'web-with-helper', 'default')) as V1Pod).status!.podIP!;
    const hosts = (await run('kubectl exec web-with-helper -c helper -- cat /etc/hosts')).stdout.trimEnd().split('\n');
    expect(hosts.at(-1)).toBe(`${ip}\tweb-with-helper`);
    expect((await run('kubectl get pod web-with-helper -o wide')).stdout).toMatch(new RegExp(`^web-with-helper\\s.*\\s${ip.replace(/\./g, '\\.')}\\s`, 'm'));
    const env = (await run('kubectl exec web-with-helper -c helper -- env')).stdout;
    expect(env).toMatch(/^HOSTNAME=web-with-helper$/m);
    expect(env).toMatch(/^KUBERNETES_SERVICE_HOST=\S+$/m);
  });
});
