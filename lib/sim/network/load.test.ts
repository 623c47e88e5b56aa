/**
 * The load generator: exact counts per simulated second, outcomes decided by the simulated network, the same run for
 * the same seed, and the zero-downtime experiment — during a rolling update to a slow-starting image, pods that are
 * Ready before their app listens refuse requests; a readiness probe keeps them out of the endpoints until the app
 * answers (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { rolloutComplete } from '../testing';
import { helloCluster, rollOutSlowHello, webCluster } from './testing';

const failed = (b: { failed: Record<string, number> }) => Object.values(b.failed).reduce((a, n) => a + n, 0);

describe('load generator', () => {
  it('sends exactly the rate each second, all answered by the web pods', () => {
    const { sim } = webCluster({ seed: 3 });
    expect(sim.startTraffic({ target: 'svc/web', fromPod: 'client', rate: 20 })).toMatchObject({ ok: true });
    sim.advance(10_000);
    const { buckets, running } = sim.trafficStats();
    expect(running).toBe(true);
    expect(buckets.length).toBeGreaterThanOrEqual(9);
    for (const b of buckets) {
      expect(b.sent).toBe(20);
      expect(b.ok).toBe(20);
      expect(Object.values(b.pods).reduce((a, n) => a + n, 0)).toBe(20);
      expect(b.p50).toBeGreaterThan(0);
    }
    const pods = new Set(buckets.flatMap((b) => Object.keys(b.pods)));
    expect(pods.size).toBe(2); // kube-proxy spreads over both endpoints
    expect(sim.trafficStats().service).toBe('default/web'); // the graph draws its flow from this Service
  });

  it('keeps totals exact above the per-tick sample limit (200/s)', () => {
    const { sim } = webCluster({ seed: 3 });
    sim.startTraffic({ target: 'web', rate: 200 });
    sim.advance(5_000);
    for (const b of sim.trafficStats().buckets) expect([b.sent, b.ok]).toEqual([200, 200]);
  });

  it('is deterministic: same seed and calls, same buckets and snapshot', () => {
    const run = () => {
      const { sim } = webCluster({ seed: 11, replicas: 3 });
      sim.startTraffic({ target: 'svc/web', fromPod: 'client', rate: 37 });
      sim.advance(8_000);
      return [JSON.stringify(sim.trafficStats()), sim.snapshot()];
    };
    const [a, b] = [run(), run()];
    expect(a[0]).toBe(b[0]);
    expect(a[1]).toBe(b[1]);
  });

  it('stops: no requests after stop, the chart keeps its seconds', () => {
    const { sim } = webCluster();
    sim.startTraffic({ target: 'web', rate: 10 });
    sim.advance(3_000);
    expect(sim.stopTraffic()).toBe(true);
    const before = sim.trafficBetween(0, Infinity).sent;
    sim.advance(5_000);
    expect(sim.trafficBetween(0, Infinity).sent).toBe(before);
    expect(sim.trafficStats().running).toBe(false);
    expect(sim.stopTraffic()).toBe(false);
  });

  it('counts a Service without ready endpoints as refused, with the Korean reason', () => {
    // kube-proxy REJECTs a Service with no endpoints: https://kubernetes.io/docs/reference/networking/virtual-ips/
    const { sim } = webCluster();
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'typo' }, spec: { selector: { app: 'wbe' }, ports: [{ port: 80 }] } } as KubeObject);
    sim.advance(1_000);
    sim.startTraffic({ target: 'svc/typo', fromPod: 'client', rate: 5 });
    sim.advance(3_000);
    const b = sim.trafficStats().buckets.at(-1)!;
    expect(b.failed.refused).toBe(5);
    expect(b.reasons.refused).toContain('준비된 엔드포인트가 없어요');
  });

  it('from outside: a NodePort answers, a ClusterIP URL times out', () => {
    const { sim, svc } = webCluster({ service: { type: 'NodePort' } });
    expect(sim.startTraffic({ target: 'web', outside: true, rate: 4 })).toMatchObject({ ok: true });
    sim.advance(2_000);
    expect(sim.trafficStats().buckets.at(-1)).toMatchObject({ sent: 4, ok: 4 });
    sim.startTraffic({ target: `http://${svc().spec!.clusterIP}/`, rate: 4 });
    sim.advance(3_000);
    const b = sim.trafficStats().buckets.at(-1)!;
    expect(b.failed.timeout).toBe(4);
    expect(b.p95).toBe(3_000); // the client waited its whole timeout
  });

  it('refuses bad input in Korean and starts nothing', () => {
    const { sim } = webCluster();
    expect(sim.startTraffic({ target: 'svc/nope', rate: 5 })).toEqual({ ok: false, error: expect.stringContaining('서비스 nope이(가) default 네임스페이스에 없어요') });
    expect(sim.startTraffic({ target: 'web', rate: 0 })).toEqual({ ok: false, error: expect.stringContaining('1에서 1000 사이') });
    expect(sim.startTraffic({ target: 'web', rate: 5, outside: true })).toEqual({ ok: false, error: expect.stringContaining('ClusterIP 타입이라 클러스터 밖에서 닿지 않아요') });
    expect(sim.startTraffic({ target: 'web', rate: 5, fromPod: 'ghost' })).toEqual({ ok: false, error: expect.stringContaining('파드 ghost') });
    expect(sim.startTraffic({ target: 'web', rate: 5, port: 8080 })).toEqual({ ok: false, error: expect.stringContaining('8080번 포트가 없어요') });
    sim.advance(2_000);
    expect(sim.trafficStats()).toMatchObject({ running: false, buckets: [] });
  });
});

function rolloutUnderTraffic(withReadinessProbe: boolean) {
  // with the probe, a preStop sleep too, so the old pods keep answering until kube-proxy has dropped them
  // (rollout-prestop.test.ts)
  const sim = helloCluster(withReadinessProbe, 42, { preStop: withReadinessProbe });
  sim.startTraffic({ target: 'svc/hello', fromPod: 'client', rate: 20 });
  sim.advance(3_000);
  const rolloutAt = sim.now();
  rollOutSlowHello(sim);
  for (let t = 0; t < 180_000 && !(t > 5_000 && rolloutComplete(sim, 'hello')); t += 1_000) sim.advance(1_000);
  expect(rolloutComplete(sim, 'hello')).toBe(true);
  sim.advance(2_000);
  return { ...sim.trafficBetween(rolloutAt, sim.now()), buckets: sim.trafficStats().buckets };
}

describe('rolling update under generated traffic', () => {
  it('without a readiness probe requests are refused by pods whose app is not up yet', () => {
    const r = rolloutUnderTraffic(false);
    expect(r.failed).toBeGreaterThan(0);
    const failing = r.buckets.filter((b) => failed(b) > 0);
    expect(failing.every((b) => b.failed.refused === failed(b))).toBe(true);
    expect(failing[0].reasons.refused).toMatch(/요청을 받은 파드 hello-[a-z0-9]+-[a-z0-9]+의 앱이 아직\(또는 더 이상\) 그 포트에서 연결을 받지 않아요/);
    // the graph draws those failures on the edge to the pod that refused them (kube-proxy did route them there)
    for (const b of failing) {
      const blamed = Object.entries(b.podsFailed ?? {});
      expect(blamed.reduce((a, [, n]) => a + n, 0)).toBe(failed(b));
      for (const [pod, n] of blamed) expect(b.pods[pod]).toBeGreaterThanOrEqual(n);
    }
  });

  it('with a readiness probe (and preStop) none fail', () => {
    const r = rolloutUnderTraffic(true);
    expect(r.failed).toBe(0);
    expect(r.sent).toBeGreaterThan(20 * 15); // the rollout took > 15 s under traffic
  });
});
