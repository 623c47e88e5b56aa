/**
 * kube-proxy's iptables rules (pkg/proxy/iptables/proxier.go): random endpoint choice with equal probability,
 * ClientIP affinity, REJECT for a Service without endpoints ("has no endpoints" → connection refused), only ready
 * endpoints, targetPort by name, NodePorts on every node (https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport),
 * externalTrafficPolicy (https://kubernetes.io/docs/reference/networking/virtual-ips/#external-traffic-policy).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { webCluster } from './testing';

const servedBy = (c: ReturnType<typeof webCluster>, n: number, url = 'http://web/', from: 'client' | 'outside' = 'client') =>
  Array.from({ length: n }, () => c.sim.sendRequest({ from: from === 'outside' ? 'outside' : { pod: from }, url }).servedBy?.pod ?? 'failed');

const counts = (names: string[]) => names.reduce<Record<string, number>>((m, n) => ((m[n] = (m[n] ?? 0) + 1), m), {});

describe('ClusterIP', () => {
  it('spreads requests over the ready endpoints at random, the same way for the same seed', () => {
    const a = webCluster({ replicas: 3 });
    const spread = counts(servedBy(a, 300));
    expect(Object.keys(spread).sort()).toEqual(a.webPods().map((p) => p.metadata!.name!));
    for (const n of Object.values(spread)) expect(n).toBeGreaterThan(60); // each ≈ 100 of 300
    const b = webCluster({ replicas: 3 });
    expect(servedBy(b, 300)).toEqual(servedBy(webCluster({ replicas: 3 }), 300));
  });

  it('sessionAffinity ClientIP sends one client to one pod', () => {
    const c = webCluster({ replicas: 3, service: { sessionAffinity: 'ClientIP' } });
    expect(new Set(servedBy(c, 20)).size).toBe(1);
  });

  it('no endpoints: refused at once ("connection refused", not a hang), curl exit 7 and busybox wget wording', () => {
    const c = webCluster({ replicas: 0 });
    const ip = c.svc().spec!.clusterIP!;
    expect(c.sh('client', 'wget -qO- http://web/')).toEqual({ out: '', err: `wget: can't connect to remote host (${ip}): Connection refused\n`, code: 1 });
    expect(c.sh('curl', 'curl http://web/')).toEqual({ out: '', err: "curl: (7) Failed to connect to web port 80 after 1 ms: Couldn't connect to server\n", code: 7 });
    expect(c.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' }).error?.code).toBe('refused');
  });

  it('a selector that matches nothing leaves the Service without endpoints', () => {
    const c = webCluster();
    c.sim.patch('Service', 'web', 'default', { spec: { selector: { app: 'wbe' } } }, 'merge');
    c.sim.advance(1_000);
    expect(c.sh('client', 'wget -qO- http://web/').err).toMatch(/Connection refused/);
  });

  it('a port the Service does not have times out (no rule matches the ClusterIP)', () => {
    const c = webCluster();
    expect(c.sh('client', 'wget -T 3 -qO- http://web:8080/').err).toBe('wget: download timed out\n');
  });

  it('targetPort by name is resolved from the pod port of that name', () => {
    const c = webCluster({ image: 'kubelab/hello:1.0', containerPort: { name: 'web', containerPort: 8080 }, service: { ports: [{ name: 'http', port: 80, targetPort: 'web' as never }] } });
    expect(c.sh('client', 'wget -qO- http://web/').out).toMatch(/^Hello from web-[a-z0-9]+-[a-z0-9]+ \(version 1\.0\)\n$/);
  });
});

describe('readiness and the app', () => {
  it('an endpoint whose app is still starting (Ready without a readiness probe) refuses the connection', () => {
    // kubelab/hello:2.0-slow listens only ~20 s after start; without a readiness probe the pod is Ready after 1 s
    const c = webCluster({ replicas: 1, image: 'kubelab/hello:2.0-slow', service: { ports: [{ name: 'http', port: 80, targetPort: 8080 as never }] } });
    const r = c.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' });
    expect(r.error?.code).toBe('refused');
    c.sim.advance(20_000);
    expect(c.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' })).toMatchObject({ ok: true, status: 200 });
  });
});

describe('NodePort', () => {
  it('answers on every node IP from outside; the ClusterIP from outside times out', () => {
    const c = webCluster({ service: { type: 'NodePort' } });
    const port = c.svc().spec!.ports![0].nodePort!;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    for (const node of ['192.168.56.10', '192.168.56.11', '192.168.56.12']) expect(c.sim.runOnLaptop(['curl', '-s', `http://${node}:${port}/`]).stdout, node).toContain('Welcome to nginx!');
    const ip = c.svc().spec!.clusterIP!;
    expect(c.sim.runOnLaptop(['curl', '-m', '5', `http://${ip}/`])).toMatchObject({ exitCode: 28, stderr: `curl: (28) Failed to connect to ${ip} port 80 after 5000 ms: Timeout was reached\n` });
    expect(c.sim.runOnLaptop(['curl', 'http://web/'])).toMatchObject({ exitCode: 6, stderr: 'curl: (6) Could not resolve host: web\n' });
  });

  it('Cluster policy: the pod sees the node IP (SNAT); Local: the laptop IP, and a node without a local pod drops', () => {
    const c = webCluster({ replicas: 1, service: { type: 'NodePort' } });
    const port = c.svc().spec!.ports![0].nodePort!;
    const pod = c.webPods()[0];
    const nodeIp = pod.spec!.nodeName === 'worker-1' ? '192.168.56.11' : '192.168.56.12';
    const otherIp = nodeIp === '192.168.56.11' ? '192.168.56.12' : '192.168.56.11';
    c.sim.runOnLaptop(['curl', '-s', `http://${otherIp}:${port}/`]);
    expect(c.sim.podLog(pod.metadata!.name!, 'default', { tailLines: 1 }).lines[0]).toMatch(new RegExp(`^${otherIp.replace(/\./g, '\\.')} - - `));
    c.sim.patch('Service', 'web', 'default', { spec: { externalTrafficPolicy: 'Local' } }, 'merge');
    c.sim.runOnLaptop(['curl', '-s', `http://${nodeIp}:${port}/`]);
    expect(c.sim.podLog(pod.metadata!.name!, 'default', { tailLines: 1 }).lines[0]).toMatch(/^192\.168\.56\.1 - - /);
    expect(c.sim.runOnLaptop(['curl', '-m', '2', `http://${otherIp}:${port}/`]).exitCode).toBe(28);
  });

  it('a node IP on a port that is no NodePort refuses', () => {
    const c = webCluster();
    expect(c.sim.runOnLaptop(['curl', 'http://192.168.56.11:31999/'])).toMatchObject({ exitCode: 7 });
  });
});

describe('the network is deterministic and leaves the rest of the cluster alone', () => {
  it('requests do not change what the engine draws next (uids, names, ClusterIPs)', () => {
    const quiet = webCluster();
    const busy = webCluster();
    servedBy(busy, 50);
    const make = (s: typeof quiet) => s.sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'later' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } } as KubeObject);
    expect((make(busy) as { spec: { clusterIP: string } }).spec.clusterIP).toBe((make(quiet) as { spec: { clusterIP: string } }).spec.clusterIP);
  });
});

describe('sendRequest explains a failure in Korean', () => {
  it('names the pod whose app refused, or the Service without endpoints', () => {
    const slow = webCluster({ replicas: 1, image: 'kubelab/hello:2.0-slow', service: { ports: [{ name: 'http', port: 80, targetPort: 8080 as never }] } });
    const pod = slow.webPods()[0].metadata!.name!;
    expect(slow.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' }).error?.message).toContain(`요청을 받은 파드 ${pod}의 앱이`);
    const empty = webCluster({ replicas: 0 });
    expect(empty.sim.sendRequest({ from: { pod: 'client' }, url: 'http://web/' }).error?.message).toContain('서비스 default/web에 준비된 엔드포인트가 없어요');
    expect(empty.sim.sendRequest({ from: { pod: 'nobody' }, url: 'http://web/' }).error).toEqual({ code: 'no-client', message: '파드 nobody이(가) 없어요.' });
  });
});
