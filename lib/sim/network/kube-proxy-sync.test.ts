/**
 * kube-proxy routes by the rules it last programmed, about a second behind the EndpointSlices: it watches them and
 * rewrites its rules in a sync rate-limited by `--iptables-min-sync-period` (default 1 s; pkg/proxy/iptables/proxier.go
 * NewProxier: `async.NewBoundedFrequencyRunner("sync-runner", proxier.syncProxyRules, minSyncPeriod, …)`), and the
 * Pod termination docs warn that a terminating pod's endpoint is removed *while* the kubelet is already stopping it
 * (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { webCluster } from './testing';

const ask = (c: ReturnType<typeof webCluster>, n: number) => Array.from({ length: n }, () => c.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' }));

describe('kube-proxy sync delay', () => {
  it('a deleted pod keeps receiving connections for a second (refused: nginx closed its socket on SIGTERM), then none', () => {
    const c = webCluster({ replicas: 3 });
    const victim = c.webPods()[0].metadata!.name!;
    c.sim.delete('Pod', victim, 'default');
    c.sim.advance(0); // the controllers react at this instant
    // the EndpointSlice already says terminating (not ready) …
    const slice = c.sim.list('EndpointSlice', 'default').items.find((s) => s.metadata!.labels?.['kubernetes.io/service-name'] === 'web') as { endpoints: { targetRef?: { name: string }; conditions: { ready: boolean; terminating: boolean } }[] };
    expect(slice.endpoints.find((ep) => ep.targetRef?.name === victim)?.conditions).toMatchObject({ ready: false, terminating: true });
    // … but the rules still hold it: some of 30 requests go there and are refused
    c.sim.advance(500);
    const early = ask(c, 30);
    expect(early.filter((r) => r.refusedBy === victim).length).toBeGreaterThan(0);
    expect(early.every((r) => r.ok || r.refusedBy === victim)).toBe(true);
    // one second after the change the sync has run: nothing reaches the pod any more
    c.sim.advance(500);
    const late = ask(c, 60);
    expect(late.every((r) => r.ok && r.servedBy?.pod !== victim)).toBe(true);
  });

  it('a new ready endpoint takes traffic only after the next sync', () => {
    const c = webCluster({ replicas: 1 });
    c.sim.patch('Deployment', 'web', 'default', { spec: { replicas: 2 } }, 'merge');
    // step until the new pod's endpoint turns ready in the EndpointSlice
    const readyCount = () => (c.sim.list('EndpointSlice', 'default').items.find((s) => s.metadata!.labels?.['kubernetes.io/service-name'] === 'web') as { endpoints?: { conditions: { ready: boolean } }[] }).endpoints?.filter((ep) => ep.conditions.ready).length ?? 0;
    let waited = 0;
    while (readyCount() < 2 && waited < 30_000) {
      c.sim.advance(100);
      waited += 100;
    }
    expect(readyCount()).toBe(2);
    const newPod = c.webPods().map((p) => p.metadata!.name!).find((n) => n !== ask(c, 1)[0].servedBy?.pod);
    expect(new Set(ask(c, 40).map((r) => r.servedBy?.pod)).size).toBe(1); // the old rules: one endpoint
    c.sim.advance(1_000);
    expect(new Set(ask(c, 40).map((r) => r.servedBy?.pod))).toContain(newPod);
  });

  it('a snapshot taken inside the window restores the same rules and the pending sync', () => {
    const a = webCluster({ replicas: 3 });
    const victim = a.webPods()[1].metadata!.name!;
    a.sim.delete('Pod', victim, 'default');
    a.sim.advance(200);
    const b = createSimulator({ seed: 99 });
    b.restore(a.sim.snapshot());
    const send = (sim: typeof b) => Array.from({ length: 20 }, () => sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' }).refusedBy ?? 'ok');
    const fromA = send(a.sim);
    expect(fromA).toContain(victim);
    expect(send(b)).toEqual(fromA);
    b.advance(800);
    expect(send(b).every((r) => r === 'ok')).toBe(true);
  });
});

describe('programmed ports', () => {
  it('a port renamed to "constructor" has no programmed endpoints until the sync (not an Object member), then routes', () => {
    const c = webCluster({ replicas: 1 });
    c.sim.patch('Service', 'web', 'default', { spec: { ports: [{ name: 'constructor', port: 80, targetPort: 80 }] } }, 'merge');
    c.sim.advance(0);
    // the rules still list the slice's old port name "http": nothing to send to yet → REJECT, no pod involved
    const early = c.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' });
    expect(early).toMatchObject({ ok: false, error: { code: 'refused' }, service: 'default/web' });
    expect(early.refusedBy).toBeUndefined();
    c.sim.advance(1_000);
    expect(c.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' })).toMatchObject({ ok: true, status: 200 });
  });
});
