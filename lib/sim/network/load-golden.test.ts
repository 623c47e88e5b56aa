/**
 * The load generator's counts pinned to figures written down from the code before its cost was cut (main at
 * c297a37): three scripted rollouts on fixed seeds, traffic read every 20 s as the panel would. A faster generator
 * must count exactly what the old one counted — the totals, failures by reason, requests and failures per pod,
 * the Korean reasons, and (the digest) every second's bucket byte for byte, latency percentiles included.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../types';
import type { TrafficBucket } from './load-buckets';
import { helloCluster, rollOutSlowHello, tenWebPods } from './testing';

interface Counted {
  total: { sent: number; failed: number };
  failedBy: Record<string, number>;
  pods: Record<string, number>;
  podsFailed: Record<string, number>;
  reasons: string[];
  seconds: number;
  digest: string;
}

/**
 * The figures were written down when a container without a readiness probe turned ready 1 s after it started; the
 * kubelet now reports it ready at once, as Kubernetes does. These runs keep the old delay so the figures stay the ones
 * written down (what they guard is the generator's counting, not the kubelet's timing).
 */
const PINNED_TIMINGS = { readinessDelay: 1_000 };

const add = (to: Record<string, number>, from: Record<string, number> | undefined) => {
  for (const [k, n] of Object.entries(from ?? {})) if (n) to[k] = (to[k] ?? 0) + n;
};

/** Traffic from the start, `change` 5 s in, read every 20 s; every second's bucket as last read. */
function countRun(sim: Simulator, spec: Parameters<Simulator['startTraffic']>[0], change: (sim: Simulator) => void, seconds: number): Counted {
  const from = sim.now();
  expect(sim.startTraffic(spec)).toMatchObject({ ok: true });
  const seen = new Map<number, TrafficBucket>();
  const read = () => sim.trafficStats().buckets.forEach((b) => seen.set(b.t, b));
  for (let t = 0; t < seconds * 1000; t += 100) {
    if (t === 5_000) change(sim);
    sim.advance(100);
    if (t % 20_000 === 0) read();
  }
  read();
  const buckets = [...seen.values()];
  const out: Counted = { total: sim.trafficBetween(from, Infinity), failedBy: {}, pods: {}, podsFailed: {}, reasons: [], seconds: buckets.length, digest: '' };
  const reasons = new Set<string>();
  for (const b of buckets) {
    add(out.pods, b.pods);
    add(out.podsFailed, b.podsFailed);
    add(out.failedBy, b.failed);
    Object.values(b.reasons).forEach((r) => reasons.add(r!));
  }
  out.reasons = [...reasons].sort();
  out.digest = createHash('sha256').update(JSON.stringify(buckets)).digest('hex').slice(0, 16);
  return out;
}

const refusedBy = (svcIp: string, pod: string) => `${svcIp}:80 연결 거부: 요청을 받은 파드 ${pod}의 앱이 아직(또는 더 이상) 그 포트에서 연결을 받지 않아요.`;

describe('load generator counts, pinned from before the cost work', () => {
  it('10 nginx pods at 1,000/s, rolled to another image 5 s in (the loadgen bench’s rollout)', () => {
    const roll = (sim: Simulator) => sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } }, 'strategic');
    const r = countRun(tenWebPods({ timings: PINNED_TIMINGS }), { target: 'svc/web', rate: 1000 }, roll, 60);
    expect(r.total).toEqual({ sent: 60_000, failed: 1125 });
    expect(r.failedBy).toEqual({ refused: 1125 });
    const old = (s: string) => `default/web-7b8bfdc7f9-${s}`;
    const next = (s: string) => `default/web-5f84b7585b-${s}`;
    expect(r.pods).toEqual({
      [old('hxkld')]: 1500, [old('mbj4q')]: 1250, [old('wh4zh')]: 1250, [old('v9s4s')]: 1250, [old('n7p7m')]: 1250,
      [old('wwnxq')]: 1250, [old('82fdg')]: 1500, [old('8vgdf')]: 600, [old('jmfgb')]: 600, [old('66g7n')]: 1500,
      [next('qgblf')]: 4930, [next('p9jb5')]: 4930, [next('fq7tv')]: 4930, [next('pclg7')]: 4930, [next('qgd8g')]: 4930,
      [next('bbp4b')]: 4680, [next('q8jpp')]: 4680, [next('4zjzn')]: 4680, [next('sh28f')]: 4680, [next('8v7g9')]: 4680,
    });
    expect(r.podsFailed).toEqual({
      [old('8vgdf')]: 100, [old('jmfgb')]: 100, [old('mbj4q')]: 125, [old('wh4zh')]: 125, [old('v9s4s')]: 125,
      [old('n7p7m')]: 125, [old('wwnxq')]: 125, [old('hxkld')]: 100, [old('82fdg')]: 100, [old('66g7n')]: 100,
    });
    expect(r.reasons).toEqual(['66g7n', 'jmfgb', 'wwnxq'].map((s) => refusedBy('10.110.90.17', `web-7b8bfdc7f9-${s}`)));
    expect([r.seconds, r.digest]).toEqual([60, '092f2eaec567391c']);
  });

  it('3 hello pods without a readiness probe at 100/s from a client pod, rolled to the slow version', () => {
    const r = countRun(helloCluster(false, 42, { timings: PINNED_TIMINGS }), { target: 'svc/hello', fromPod: 'client', rate: 100 }, rollOutSlowHello, 120);
    expect(r.total).toEqual({ sent: 12_000, failed: 1899 });
    expect(r.failedBy).toEqual({ refused: 1899 });
    const old = (s: string) => `default/hello-8898cbb9f-${s}`;
    const next = (s: string) => `default/hello-66c6ddb6b6-${s}`;
    expect(r.pods).toEqual({ [old('t9bnm')]: 547, [old('2w4s4')]: 613, [old('68xt4')]: 373, [next('rvrxg')]: 3627, [next('5qb7c')]: 3453, [next('s9gvd')]: 3387 });
    expect(r.podsFailed).toEqual({ [old('68xt4')]: 33, [next('rvrxg')]: 600, [old('t9bnm')]: 33, [next('5qb7c')]: 600, [old('2w4s4')]: 26, [next('s9gvd')]: 607 });
    const pods = ['66c6ddb6b6-5qb7c', '66c6ddb6b6-rvrxg', '66c6ddb6b6-s9gvd', '8898cbb9f-68xt4', '8898cbb9f-t9bnm'];
    expect(r.reasons).toEqual(pods.map((s) => refusedBy('10.98.40.64', `hello-${s}`)));
    expect([r.seconds, r.digest]).toEqual([120, 'e2cae7e5f312aa67']);
  });

  it('3 hello pods with a readiness probe at 37/s, rolled to the slow version (only stopping pods refuse)', () => {
    const r = countRun(helloCluster(true, 42, { timings: PINNED_TIMINGS }), { target: 'svc/hello', fromPod: 'client', rate: 37 }, rollOutSlowHello, 120);
    expect(r.total).toEqual({ sent: 4440, failed: 37 });
    expect(r.failedBy).toEqual({ refused: 37 });
    const old = (s: string) => `default/hello-665f5c55f5-${s}`;
    const next = (s: string) => `default/hello-7974488f46-${s}`;
    expect(r.pods).toEqual({ [old('t9bnm')]: 671, [old('2w4s4')]: 934, [old('68xt4')]: 372, [next('rjrb6')]: 1107, [next('84gd9')]: 808, [next('72bcd')]: 548 });
    expect(r.podsFailed).toEqual({ [old('68xt4')]: 12, [old('t9bnm')]: 12, [old('2w4s4')]: 13 });
    expect(r.reasons).toEqual(['2w4s4', '68xt4', 't9bnm'].map((s) => refusedBy('10.98.40.64', `hello-665f5c55f5-${s}`)));
    expect([r.seconds, r.digest]).toEqual([120, '253eb40cfcdc52a2']);
  });
});
