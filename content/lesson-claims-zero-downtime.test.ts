/**
 * The zero-downtime experiments of lessons 05 (deployments) and 08 (best practices), checked on the engine: what the
 * text says the chart shows, and that each exercise passes after its solution but fails without the fix.
 *
 * Kubernetes behaviour pinned here:
 * - a Pod without a readiness probe is Ready once its container starts; with one, only when the probe succeeds, and
 *   a not-ready Pod is kept out of the Service's endpoints
 *   (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/);
 * - the rolling update scales old ReplicaSets down only while available (ready) pods stay ≥ replicas − maxUnavailable
 *   (kubernetes/pkg/controller/deployment/rolling.go reconcileOldReplicaSets: minAvailable);
 * - a Pod being deleted leaves the ready endpoints at once while its preStop hook runs before SIGTERM
 *   (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { V1Endpoints, V1Pod } from '@kubernetes/client-node';
import type { SimClient } from '@/lib/cluster/sim-client';
import type { TrafficBucket } from '@/lib/sim/network/load-buckets';
import { evaluateChecks } from '@/lib/lessons/check';
import { lessonOutline } from '@/lib/lessons/outline';
import { solutionSteps } from '@/lib/lessons/exercise-spec';
import { disposeLessonClusters, executeWith, lesson, start } from './lesson-cluster';

afterEach(disposeLessonClusters);

const filesOf = (slug: string) => lessonOutline(lesson(slug).body).editorFiles;
const exerciseOf = (slug: string, id: string) => lessonOutline(lesson(slug).body).exercises.find((e) => e.id === id)!;
const withoutBlock = (yaml: string, key: string) => yaml.replace(new RegExp(` {10}${key}:\\n(?: {12}.*\\n)+`), '');

interface Second {
  at: number;
  bucket?: TrafficBucket;
  pods: V1Pod[];
  readyEndpoints: number;
}

/** Steps simulated time one second at a time, recording each closed traffic second and the pods at that moment. */
async function watch(client: SimClient, app: string, seconds: number): Promise<Second[]> {
  const out: Second[] = [];
  for (let i = 0; i < seconds; i++) {
    client.time.step(1_000);
    const stats = await client.traffic!.stats();
    const pods = (await client.list('Pod', 'default', { labelSelector: `app=${app}` })) as V1Pod[];
    const eps = (await client.get('Endpoints', app, 'default')) as V1Endpoints;
    out.push({ at: client.time.now(), bucket: stats.buckets.at(-1), pods, readyEndpoints: (eps.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0) });
  }
  return out;
}

const image = (p: V1Pod) => p.spec!.containers[0].image!;
const podKey = (p: V1Pod) => `default/${p.metadata!.name}`;
const failed = (b?: TrafficBucket) => (b ? b.sent - b.ok : 0);
/** The longest run of seconds in which every request failed. */
function longestOutage(seconds: Second[]): number {
  let best = 0;
  let run = 0;
  for (const s of seconds) {
    run = s.bucket && s.bucket.sent > 0 && s.bucket.ok === 0 ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * Replays an exercise's solution, with `swap` standing in for one of the lesson's files, and evaluates its checks —
 * all of them, and (`traffic`) the checks without their `present` fields, so the traffic judgement is seen on its own.
 */
async function replay(slug: string, id: string, swap?: { file: string; content: string }) {
  const { client, run } = await start(slug);
  for (const { run: line } of solutionSteps(exerciseOf(slug, id))) {
    if (swap && line.endsWith(` -f ${swap.file}`)) await executeWith(client, line, swap.content);
    else expect((await run(line)).exitCode).toBe(0);
    for (let t = 0; t < 10_000; t += 1_000) client.time.step(1_000);
  }
  for (let t = 0; t < 150_000; t += 1_000) client.time.step(1_000);
  const checks = exerciseOf(slug, id).checks;
  const all = await evaluateChecks(client, checks);
  const traffic = await evaluateChecks(client, checks.map((c) => ('present' in c ? { ...c, present: undefined } : c)));
  return { ...all, traffic: traffic.failures };
}
const DROPPED = /^롤아웃 동안 요청 \d+개 중 [1-9]\d*개가 실패했습니다/;

describe('lesson 05: requests during a rolling update (maxSurge 1, maxUnavailable 1)', () => {
  it('without a readiness probe every old pod is gone within seconds and all requests are refused for over 10 s', async () => {
    const { client, run } = await start('deployments');
    await run('kubectl apply -f hello.yaml');
    await run('kubectl rollout status deployment/hello');
    await run('traffic start svc/hello --rate 20');
    client.time.step(3_000);
    await run('kubectl set image deployment/hello hello=kubelab/hello:2.0-slow');
    const seconds = await watch(client, 'hello', 60);
    // the first second with every request failing
    const firstOutage = seconds.findIndex((s) => !!s.bucket && s.bucket.sent > 0 && s.bucket.ok === 0);
    const oldGone = seconds.findIndex((s) => s.pods.every((p) => p.metadata?.deletionTimestamp || image(p) !== 'kubelab/hello:1.0'));
    expect(firstOutage).toBeGreaterThan(0); // "새 이미지를 받는 몇 초가 지나면"
    expect(oldGone - firstOutage).toBeLessThanOrEqual(5); // "몇 초 만에 옛 파드 4개가 모두 사라지고"
    // "업데이트 직후 옛 파드 하나가 물러날 때도 요청 몇 개가 실패합니다": the one maxUnavailable lets go at once
    expect(seconds.slice(0, firstOutage).some((s) => failed(s.bucket) > 0)).toBe(true);
    expect(longestOutage(seconds)).toBeGreaterThan(10); // "통째로 빨갛게 … 10초 넘게"
    const reasons = seconds.flatMap((s) => Object.values(s.bucket?.reasons ?? {}));
    expect(reasons.some((r) => /연결 거부: 요청을 받은 파드 hello-\S+의 앱이 아직/.test(r))).toBe(true);
  });

  it('with the readiness probe nothing fails, ready endpoints never drop below 3, and a new pod gets requests only once ready', async () => {
    const { client, run } = await start('deployments');
    await run('kubectl apply -f hello.yaml');
    await run('kubectl rollout status deployment/hello');
    await run('traffic start svc/hello --rate 20');
    await run('kubectl apply -f hello-ready.yaml');
    await run('kubectl rollout status deployment/hello');
    client.time.step(3_000);
    await run('kubectl set image deployment/hello hello=kubelab/hello:2.0-slow');
    const seconds = await watch(client, 'hello', 90);
    expect(seconds.reduce((n, s) => n + failed(s.bucket), 0)).toBe(0);
    expect(Math.min(...seconds.map((s) => s.readyEndpoints))).toBe(3); // replicas 4 − maxUnavailable 1
    // "약 20초 동안 0/1 … 요청을 하나도 받지 않습니다": the first 15 s after the change are served by 1.0 pods only
    const early = seconds.slice(0, 15);
    const oldPods = new Set(early.flatMap((s) => s.pods.filter((p) => image(p) === 'kubelab/hello:1.0').map(podKey)));
    expect(early.flatMap((s) => Object.keys(s.bucket?.pods ?? {})).filter((p) => !oldPods.has(p))).toEqual([]);
    const last = seconds.at(-1)!;
    expect(last.pods.filter((p) => !p.metadata?.deletionTimestamp).map(image)).toEqual(Array(4).fill('kubelab/hello:2.0-slow'));
    expect(Object.keys(last.bucket!.pods).length).toBe(4);
  });

  it('the exercise passes after its solution and fails when the probe is left out (requests dropped)', async () => {
    expect(await replay('deployments', 'rollout-keeps-serving')).toEqual({ ok: true, failures: [], traffic: [] });
    const noProbe = withoutBlock(filesOf('deployments')['hello-ready.yaml'], 'readinessProbe');
    expect(noProbe).not.toContain('readinessProbe');
    const without = await replay('deployments', 'rollout-keeps-serving', { file: 'hello-ready.yaml', content: noProbe });
    expect(without.failures).toEqual(['디플로이먼트 hello에 spec.template.spec.containers[0].readinessProbe가 설정되어 있지 않습니다']);
    expect(without.traffic).toEqual([expect.stringMatching(DROPPED)]);
  });
});

describe('lesson 08: readiness probe and preStop keep a rollout lossless', () => {
  it('an old pod stays Terminating for the preStop sleep, gets requests only until kube-proxy catches up; nothing fails', async () => {
    const { client, run } = await start('best-practices');
    await run('kubectl apply -f shop-safe.yaml');
    await run('kubectl rollout status deployment/shop');
    await run('traffic start svc/shop --rate 20');
    client.time.step(3_000);
    await run('kubectl set image deployment/shop hello=kubelab/hello:2.0-slow');
    const seconds = await watch(client, 'shop', 120);
    expect(seconds.reduce((n, s) => n + failed(s.bucket), 0)).toBe(0);
    // when each pod was first seen terminating, and for how long it stayed
    const terminating = new Map<string, { from: number; to: number }>();
    for (const s of seconds)
      for (const p of s.pods.filter((x) => x.metadata?.deletionTimestamp)) {
        const seen = terminating.get(podKey(p));
        terminating.set(podKey(p), { from: seen?.from ?? s.at, to: s.at });
      }
    expect(terminating.size).toBe(3);
    for (const [pod, { from, to }] of terminating) {
      expect(to - from).toBeGreaterThanOrEqual(4_000); // "Terminating으로 5초 남짓": preStop sleep 5 s, then SIGTERM
      expect(to - from).toBeLessThanOrEqual(8_000);
      // its deletion began within the second before `from`; kube-proxy drops it a second after that ("처음 1초쯤"), so
      // a bucket starting a second after it was seen terminating holds no request for it
      expect(seconds.filter((s) => s.bucket && s.bucket.t >= from + 1_000).reduce((n, s) => n + (s.bucket!.pods[pod] ?? 0), 0)).toBe(0);
    }
  });

  it('shop-safe.yaml also repairs the rollout the previous exercise left stuck on the broken version', async () => {
    const { client, run } = await start('best-practices');
    await run('kubectl apply -f shop.yaml');
    for (let t = 0; t < 30_000; t += 1_000) client.time.step(1_000);
    await run('kubectl set image deployment/shop hello=kubelab/hello:3.0-broken');
    for (let t = 0; t < 60_000; t += 1_000) client.time.step(1_000);
    await run('kubectl apply -f shop-safe.yaml');
    expect((await run('kubectl rollout status deployment/shop')).stdout).toContain('deployment "shop" successfully rolled out');
    const pods = ((await client.list('Pod', 'default', { labelSelector: 'app=shop' })) as V1Pod[]).filter((p) => !p.metadata?.deletionTimestamp);
    expect(pods.map(image)).toEqual(Array(3).fill('kubelab/hello:1.0'));
  });

  it('the exercise passes after its solution; without the probe requests drop; without preStop the check names it', async () => {
    expect(await replay('best-practices', 'safe-rollout')).toEqual({ ok: true, failures: [], traffic: [] });
    const safe = filesOf('best-practices')['shop-safe.yaml'];
    const noProbe = await replay('best-practices', 'safe-rollout', { file: 'shop-safe.yaml', content: withoutBlock(safe, 'readinessProbe') });
    expect(noProbe.ok).toBe(false);
    expect(noProbe.traffic).toEqual([expect.stringMatching(DROPPED)]);
    const noPreStop = withoutBlock(safe, 'lifecycle');
    expect(noPreStop).not.toContain('preStop');
    const without = await replay('best-practices', 'safe-rollout', { file: 'shop-safe.yaml', content: noPreStop });
    expect(without.failures).toEqual(['디플로이먼트 shop에 spec.template.spec.containers[0].lifecycle.preStop이 설정되어 있지 않습니다']);
    // the Callout: readiness alone still drops requests as old pods go — SIGTERM closes the app's port while
    // kube-proxy, a second behind the EndpointSlice, still sends it requests
    expect(without.traffic).toEqual([expect.stringMatching(DROPPED)]);
  });
});
