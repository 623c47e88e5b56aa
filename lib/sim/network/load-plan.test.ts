/**
 * The load generator counts from a plan (load-plan.ts, load.ts): kube-proxy in iptables mode gives each of a
 * Service's n endpoints probability 1/n (pkg/proxy/iptables/proxier.go: `-m statistic --mode random --probability
 * 1/(n-i)` per endpoint rule), so the generator splits the rate evenly over one exchange per endpoint and only
 * works when something changes — not every 100 ms.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest } from '../testing';
import { TrafficGenerator } from './load';
import { tenWebPods, webCluster } from './testing';

afterEach(() => vi.restoreAllMocks());

const failed = (b: { failed: Record<string, number> }) => Object.values(b.failed).reduce((a, n) => a + n, 0);

/** Service `slow` in front of one kubelab/hello:2.0-slow pod without a readiness probe: Ready before it listens. */
function slowApp(seed = 5) {
  const sim = createSimulator({ seed });
  sim.advance(13);
  const labels = { app: 'slow' };
  sim.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'slow' }, spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'kubelab/hello:2.0-slow', ports: [{ containerPort: 8080 }] }] } } } } as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'slow' }, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } } as KubeObject);
  // the app and the traffic start at odd instants: the app comes up between two ticks of a 100 ms ticking generator
  sim.advance(1_037);
  return sim;
}

/** When the kubelet started the pod's container (ms; the status only keeps seconds), from the snapshot's kubelet state. */
function containerStartedAt(snapshot: string, pod: string): number {
  const state = JSON.parse(snapshot).state as { kubelet: Record<string, { started?: Record<string, number> }> };
  return state.kubelet[`default/${pod}`].started!.app;
}

describe('load generator cost follows changes, not time', () => {
  it('a quiet cluster with traffic running does no periodic work', () => {
    const { sim } = webCluster();
    const work = vi.spyOn(TrafficGenerator.prototype, 'reconcile');
    sim.startTraffic({ target: 'svc/web', rate: 1000 });
    for (let t = 0; t < 60_000; t += 100) sim.advance(100);
    // one plan at the start; a generator that ticked every 100 ms did this 600 times
    expect(work.mock.calls.length).toBeLessThanOrEqual(3);
    expect(sim.trafficBetween(0, Infinity).sent).toBe(60_000);
  });

  it('a plan asks without sending: no access-log line for the asking, one per request served, a real request still logs', () => {
    const { sim, webPods } = webCluster({ seed: 3 });
    const logged = () => webPods().map((p) => sim.podLog(p.metadata!.name!, 'default').lines.length);
    const before = logged();
    sim.startTraffic({ target: 'svc/web', rate: 50 });
    sim.advance(0);
    // only request 0, sent at this instant, to the first endpoint: asking each endpoint wrote nothing
    expect(logged()).toEqual(before.map((n, i) => n + (i === 0 ? 1 : 0)));
    sim.advance(6_000);
    expect(sim.trafficBetween(0, Infinity).sent).toBe(300);
    // the two pods share the 300 requests equally (load-logs.ts writes their lines when the log is read), and the
    // one due at this instant (request 300) goes to the first
    const during = logged();
    expect(during).toEqual(before.map((n, i) => n + 150 + (i === 0 ? 1 : 0)));
    // nginx writes its access line for a request that is sent (the app model's requestLog)
    const r = sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' });
    const served = webPods().findIndex((p) => p.metadata!.name === r.servedBy?.pod);
    expect(logged()[served]).toBe(during[served] + 1);
  });

  it('counts exactly: 60 s × 1,000/s to 10 ready pods is 60,000 sent, 0 failed, 6,000 each', () => {
    const sim = tenWebPods();
    const start = sim.now();
    sim.startTraffic({ target: 'svc/web', rate: 1000 });
    sim.advance(60_000);
    expect(sim.trafficBetween(start, sim.now())).toEqual({ sent: 60_000, failed: 0 });
    const perPod: Record<string, number> = {};
    for (const b of sim.trafficStats().buckets) for (const [pod, n] of Object.entries(b.pods)) perPod[pod] = (perPod[pod] ?? 0) + n;
    expect(Object.keys(perPod)).toHaveLength(10);
    // whole seconds at 1,000/s over 10 endpoints: 100 each per second, 60 closed seconds
    expect(new Set(Object.values(perPod))).toEqual(new Set([6_000]));
  });

  it('a slow app without readiness: refused exactly until it listens (startedAt + 20 s), then all answered', () => {
    const sim = slowApp();
    const t0 = sim.now();
    sim.startTraffic({ target: 'svc/slow', rate: 100 });
    for (let t = 0; t < 60_000; t += 100) sim.advance(100);
    const pod = (sim.list('Pod', 'default', { labelSelector: 'app=slow' }).items[0].metadata!.name)!;
    // kubelab/hello:2.0-slow listens 20 s after it starts (lib/sim/apps/kubelab-images.ts readyAfterMs)
    const listenAt = containerStartedAt(sim.snapshot(), pod) + 20_000;
    expect(listenAt).toBeGreaterThan(t0);
    // request i leaves at t0 + 10·i ms; the ones before listenAt fail
    const refusedWant = Math.ceil((listenAt - t0) / 10);
    expect(sim.trafficBetween(0, Infinity)).toEqual({ sent: 6_000, failed: refusedWant });
    const buckets = sim.trafficStats().buckets;
    expect(buckets.reduce((a, b) => a + b.failed.refused, 0)).toBe(refusedWant);
    expect(buckets.filter((b) => b.t >= listenAt).every((b) => failed(b) === 0 && b.ok === 100)).toBe(true);
  });

  it('splits a second at the change: the requests before the instant fail, the ones after are answered', () => {
    const sim = slowApp();
    const t0 = sim.now();
    sim.startTraffic({ target: 'svc/slow', rate: 100 });
    sim.advance(60_000);
    const pod = (sim.list('Pod', 'default', { labelSelector: 'app=slow' }).items[0].metadata!.name)!;
    const listenAt = containerStartedAt(sim.snapshot(), pod) + 20_000;
    const second = Math.floor(listenAt / 1000) * 1000;
    expect(listenAt).toBeGreaterThan(second); // this seed's app comes up mid-second
    const sentBefore = (t: number) => Math.ceil((t - t0) / 10);
    const b = sim.trafficStats().buckets.find((x) => x.t === second)!;
    expect(b.failed.refused).toBe(sentBefore(listenAt) - sentBefore(second));
    expect(b.ok).toBe(sentBefore(second + 1000) - sentBefore(listenAt));
    expect(b.reasons.refused).toContain(`요청을 받은 파드 ${pod}의 앱이 아직`);
    expect(b.podsFailed).toEqual({ [`default/${pod}`]: b.failed.refused });
  });

  it('reading the stats changes nothing: the same buckets and snapshot with or without reads', () => {
    const run = (read: boolean) => {
      const sim = slowApp();
      sim.startTraffic({ target: 'svc/slow', rate: 37 });
      for (let t = 0; t < 40_000; t += 300) {
        sim.advance(300);
        if (read) sim.trafficStats();
      }
      return [JSON.stringify(sim.trafficStats()), sim.snapshot()];
    };
    const [quiet, reading] = [run(false), run(true)];
    expect(reading[0]).toBe(quiet[0]);
    expect(reading[1]).toBe(quiet[1]);
  });

  it('sessionAffinity ClientIP falls back to sampling: every request sticks to one pod, totals still exact', () => {
    // kube-proxy's `-m recent` rule sends a client back to the endpoint it got before (kube-proxy.ts)
    const { sim } = webCluster({ service: { sessionAffinity: 'ClientIP' } });
    sim.startTraffic({ target: 'svc/web', fromPod: 'client', rate: 50 });
    sim.advance(5_000);
    const buckets = sim.trafficStats().buckets;
    for (const b of buckets) expect(b.sent).toBe(50);
    expect(new Set(buckets.flatMap((b) => Object.keys(b.pods))).size).toBe(1);
  });

  it('re-plans when the endpoints change: a third replica gets its equal share once it is an endpoint', () => {
    const { sim, webPods } = webCluster({ seed: 3 });
    sim.startTraffic({ target: 'svc/web', rate: 30 });
    sim.advance(2_000);
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 3 } }, 'merge');
    sim.advance(20_000);
    const last = sim.trafficStats().buckets.at(-1)!;
    expect(webPods()).toHaveLength(3);
    expect(Object.values(last.pods)).toEqual([10, 10, 10]);
  });

  it('a reverse-proxy target (its answer needs its own upstream draw) falls back to sampling every tick', () => {
    const sim = createSimulator({ seed: 7 });
    sim.create(deploymentManifestWith('php', 2, 'kubelab/php-hello:1.0'));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'php' }, spec: { selector: { app: 'php' }, ports: [{ port: 8000 }] } } as KubeObject);
    sim.create(deploymentManifestWith('proxy', 1, 'kubelab/reverse-proxy:1.0', ['--route=/=php:8000']));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'proxy' }, spec: { selector: { app: 'proxy' }, ports: [{ port: 80 }] } } as KubeObject);
    sim.advance(20_000);
    const work = vi.spyOn(TrafficGenerator.prototype, 'reconcile');
    sim.startTraffic({ target: 'svc/proxy', rate: 50 });
    sim.advance(5_000);
    expect(work.mock.calls.length).toBeGreaterThan(40); // a tick every 100 ms
    for (const b of sim.trafficStats().buckets) expect([b.sent, b.ok]).toEqual([50, 50]);
  });
});

function deploymentManifestWith(name: string, replicas: number, image: string, args?: string[]): KubeObject {
  const d = deploymentManifest({ name, replicas, image });
  if (args && d.kind === 'Deployment') d.spec!.template.spec!.containers[0].args = args;
  return d;
}
