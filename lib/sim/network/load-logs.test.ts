/**
 * The load generator's requests in the serving pods' logs. nginx writes one access-log line per request it serves
 * (https://nginx.org/en/docs/http/ngx_http_log_module.html: "Requests are logged in the context of a location where
 * processing ends"), and `kubectl logs` filters by sinceSeconds / tailLines as the kubelet does
 * (pkg/kubelet/kuberuntime/logs/logs.go: since is applied to each line's time, tail keeps the last N).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import type { V1Pod } from '../../k8s/api-types';
import { createSimulator } from '../simulator';
import type { Simulator } from '../types';
import { clientPod, webCluster } from './testing';

const ACCESS = /"GET \/ HTTP\/1\.1" 200 /;
const access = (lines: string[]) => lines.filter((l) => ACCESS.test(l));
const stampOf = (line: string) => Date.parse(line.slice(0, line.indexOf(' ')));

/** One web pod, 100 requests a second from pod `client` for 10 s. */
function tenSeconds(seed = 7) {
  const c = webCluster({ seed, replicas: 1 });
  const pod = c.webPods()[0].metadata!.name!;
  const t0 = c.sim.now();
  expect(c.sim.startTraffic({ target: 'svc/web', fromPod: 'client', rate: 100 })).toMatchObject({ ok: true });
  c.sim.advance(10_000);
  return { ...c, pod, t0 };
}

describe('load generator requests in the access log', () => {
  it('a 5 s sinceSeconds window of 100 req/s shows its 501 lines, all stamped inside it', () => {
    const { sim, pod, t0 } = tenSeconds();
    const now = sim.now();
    expect(now).toBe(t0 + 10_000);
    const lines = access(sim.podLog(pod, 'default', { sinceSeconds: 5, timestamps: true }).lines);
    // requests leave every 10 ms; since is inclusive and so is now (the request due this instant is sent):
    // those at t0+5000 … t0+10000
    expect(lines).toHaveLength(501);
    expect(stampOf(lines[0])).toBe(t0 + 5_000);
    expect(stampOf(lines[500])).toBe(t0 + 10_000);
    // the whole run: t0 … t0+10000, none before the traffic started
    const all = access(sim.podLog(pod, 'default', { timestamps: true }).lines);
    expect(all).toHaveLength(1001);
    expect(all.every((l) => stampOf(l) >= t0)).toBe(true);
  });

  it('tailLines N gives exactly the last N, and the line says what a real request from the same pod would', () => {
    const { sim, pod, t0 } = tenSeconds();
    const tail = sim.podLog(pod, 'default', { tailLines: 5, timestamps: true }).lines;
    expect(tail.map(stampOf)).toEqual([t0 + 9_960, t0 + 9_970, t0 + 9_980, t0 + 9_990, t0 + 10_000]);
    sim.stopTraffic();
    const r = sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/', userAgent: 'kubelab-loadgen/1.0' });
    expect(r.servedBy?.pod).toBe(pod);
    const real = sim.podLog(pod, 'default', { tailLines: 1 }).lines[0];
    const clientIp = (sim.get('Pod', 'client') as V1Pod).status!.podIP!;
    expect(real.startsWith(`${clientIp} - - [`)).toBe(true);
    // the same line but for its time: client address, request, status, bytes, agent
    const strip = (l: string) => l.replace(/\[[^\]]+\]/, '[]');
    expect(strip(tail[4].slice(tail[4].indexOf(' ') + 1))).toBe(strip(real));
  });

  it('a follower (`kubectl logs -f`) gets each new request once, in order', () => {
    const { sim, pod, t0 } = tenSeconds();
    let { readUntil } = sim.podLog(pod, 'default', { tailLines: 0 });
    const seen: string[] = [];
    for (let k = 0; k < 7; k++) {
      sim.advance(150);
      const r = sim.podLog(pod, 'default', { after: readUntil, timestamps: true });
      seen.push(...access(r.lines));
      readUntil = r.readUntil;
    }
    // the first read took up to t0+10000; 1050 ms more at 100/s: requests stamped t0+10010 … t0+11050
    expect(seen.map(stampOf)).toEqual(Array.from({ length: 105 }, (_, i) => t0 + 10_010 + i * 10));
  });

  it('no lines after the traffic stopped; the same seed gives the same lines, also after a snapshot', () => {
    const a = tenSeconds(11);
    a.sim.stopTraffic();
    a.sim.advance(6_000);
    expect(access(a.sim.podLog(a.pod, 'default', { sinceSeconds: 5 }).lines)).toEqual([]);
    const b = tenSeconds(11);
    b.sim.stopTraffic();
    b.sim.advance(6_000);
    const read = (sim: Simulator, pod: string) => sim.podLog(pod, 'default', { timestamps: true }).lines;
    // a stop at t0+10000 sends nothing more: t0 … t0+9990
    expect(access(read(a.sim, a.pod))).toHaveLength(1000);
    expect(read(b.sim, b.pod)).toEqual(read(a.sim, a.pod));
    const restored = createSimulator({ seed: 1 });
    restored.restore(a.sim.snapshot());
    expect(read(restored, a.pod)).toEqual(read(a.sim, a.pod));
  });

  it('a pod deleted and created again under the same name shows none of its predecessor`s requests', () => {
    const sim = createSimulator({ seed: 5 });
    const solo = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', labels: { app: 'solo' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27.3' }] } } as KubeObject;
    sim.create(solo);
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'solo' }, spec: { selector: { app: 'solo' }, ports: [{ port: 80 }] } } as KubeObject);
    sim.create(clientPod('client', 'busybox:1.37'));
    sim.advance(15_000);
    sim.startTraffic({ target: 'svc/solo', fromPod: 'client', rate: 100 });
    sim.advance(5_000);
    expect(access(sim.podLog('solo', 'default').lines)).toHaveLength(501);
    sim.delete('Pod', 'solo', 'default', { gracePeriodSeconds: 0 });
    sim.advance(2_000);
    sim.create(solo);
    sim.advance(15_000);
    const pod = sim.get('Pod', 'solo') as V1Pod;
    const started = Date.parse(pod.status!.containerStatuses![0].state!.running!.startedAt!);
    const lines = access(sim.podLog('solo', 'default', { timestamps: true }).lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => stampOf(l) >= started)).toBe(true);
  });
});
