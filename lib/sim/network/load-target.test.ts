/**
 * The load generator's Host header: lesson 07's chain `curl -H 'Host: php.example.com' http://192.168.56.11:30081/`
 * as steady traffic. A reverse proxy picks its virtual host by the Host header
 * (https://nginx.org/en/docs/http/request_processing.html), so without it the proxy's catch-all answers 404 and no
 * request reaches the backends; with it every request goes through php-test-1:8000 to one of its pods. A Host header
 * holds a host name and an optional port (https://www.rfc-editor.org/rfc/rfc9110#name-host-and-authority).
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest } from '../testing';
import { parseHostHeader } from './load-target';

const NODE_PORT = 30081;
const WORKER_1 = '192.168.56.11';

function proxyChain() {
  const sim = createSimulator({ seed: 17 });
  sim.create(deploymentManifest({ name: 'php-test-1', replicas: 2, image: 'kubelab/php-hello:1.0' }));
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-test-1' }, spec: { selector: { app: 'php-test-1' }, ports: [{ port: 8000, targetPort: 8000 }] } } as KubeObject);
  const proxy = deploymentManifest({ name: 'proxy', replicas: 1, image: 'kubelab/reverse-proxy:1.0' });
  if (proxy.kind !== 'Deployment') throw new Error('deploymentManifest gave no Deployment');
  proxy.spec!.template.spec!.containers[0].args = ['--route=php.example.com=php-test-1:8000'];
  sim.create(proxy);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'proxy' }, spec: { type: 'NodePort', selector: { app: 'proxy' }, ports: [{ port: 80, targetPort: 80, nodePort: NODE_PORT }] } } as KubeObject);
  sim.advance(20_000);
  const pods = (app: string) => (sim.list('Pod', 'default', { labelSelector: `app=${app}` }).items as V1Pod[]).map((p) => p.metadata!.name!).sort();
  const log = (pod: string) => sim.podLog(pod, 'default').lines;
  return { sim, pods, log };
}

describe('the Host header of a traffic run', () => {
  it('reaches the proxy: every request is routed to php-test-1, whose pods answer (and log) them', () => {
    const { sim, pods, log } = proxyChain();
    const backends = pods('php-test-1');
    const before = backends.map((p) => log(p).length);
    const started = sim.startTraffic({ target: `http://${WORKER_1}:${NODE_PORT}/`, rate: 10, host: 'php.example.com' });
    expect(started).toEqual({ ok: true, label: `http://${WORKER_1}:${NODE_PORT}/ ← 클러스터 밖(내 컴퓨터)에서 (Host: php.example.com)` });
    sim.advance(3_000);
    const buckets = sim.trafficStats().buckets;
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const b of buckets) expect([b.sent, b.ok]).toEqual([10, 10]);
    // the proxy logs each request with the generator's agent and the Service address it passed it to
    const [proxy] = pods('proxy');
    const svcIp = (sim.get('Service', 'php-test-1', 'default') as { spec: { clusterIP: string } }).spec.clusterIP;
    expect(log(proxy).at(-1)).toContain(`"GET / HTTP/1.1" 200 52 "-" "kubelab-loadgen/1.0" upstream=${svcIp}:8000`);
    // both php-test-1 pods answered some of them (kube-proxy spreads the proxy's connections)
    const served = backends.map((p, i) => log(p).length - before[i]);
    expect(served.every((n) => n > 0)).toBe(true);
    // and the answer through the same chain names the php-test-1 pod that served it
    const answer = sim.sendRequest({ from: 'outside', url: `http://${WORKER_1}:${NODE_PORT}/`, headers: { Host: 'php.example.com' } });
    expect(backends).toContain(/^Hello from (\S+) /.exec(answer.body)?.[1]);
  });

  it('without it the proxy has no route for the node address: 404s, and the backends see nothing', () => {
    const { sim, pods, log } = proxyChain();
    const backends = pods('php-test-1');
    const before = backends.map((p) => log(p).length);
    sim.startTraffic({ target: `http://${WORKER_1}:${NODE_PORT}/`, rate: 10 });
    sim.advance(3_000);
    const [proxy] = pods('proxy');
    expect(log(proxy).at(-1)).toMatch(/"GET \/ HTTP\/1\.1" 404 /);
    expect(backends.map((p, i) => log(p).length - before[i])).toEqual([0, 0]);
  });

  it('a bad Host is refused with a Korean reason and starts nothing', () => {
    const { sim } = proxyChain();
    const r = sim.startTraffic({ target: `http://${WORKER_1}:${NODE_PORT}/`, rate: 10, host: 'http://php.example.com/' });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Host 헤더 값 "http://php.example.com/"은(는) 쓸 수 없어요') });
    expect(sim.trafficStats().running).toBe(false);
  });
});

describe('parseHostHeader', () => {
  it('takes a host name or address with an optional port; blank means none', () => {
    expect(parseHostHeader('php.example.com')).toEqual({ host: 'php.example.com' });
    expect(parseHostHeader('  PHP.Example.com:8080 ')).toEqual({ host: 'php.example.com:8080' });
    expect(parseHostHeader('192.168.56.11')).toEqual({ host: '192.168.56.11' });
    expect(parseHostHeader('localhost')).toEqual({ host: 'localhost' });
    expect(parseHostHeader('')).toEqual({});
    expect(parseHostHeader('   ')).toEqual({});
    expect(parseHostHeader(undefined)).toEqual({});
  });

  it('refuses what no Host header holds: a scheme, a path, spaces, a bad label or port', () => {
    for (const bad of ['http://php.example.com', 'php.example.com/path', 'php example.com', '-php.example.com', 'php..example.com', 'php.example.com:0', 'php.example.com:70000', 'Host: php.example.com', 'a'.repeat(64) + '.com']) {
      expect(typeof parseHostHeader(bad), bad).toBe('string');
    }
  });
});

/**
 * How a target is spelt: a Service as kubectl takes a TYPE/NAME argument (`svc/web`, `service/web`, `services/web`:
 * the short name, singular and plural of kubectl api-resources), or a URL with its scheme in any case (RFC 3986
 * §3.1: schemes are case-insensitive).
 */
describe('a traffic target', () => {
  const cluster = () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(deploymentManifest({ name: 'web', replicas: 1, image: 'nginx:1.27.3' }));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject);
    sim.advance(10_000);
    return sim;
  };

  it('names a Service with or without its type', () => {
    const sim = cluster();
    const ip = (sim.get('Service', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    for (const target of ['web', 'svc/web', 'service/web', 'services/web']) {
      const r = sim.startTraffic({ target, rate: 5 });
      expect(r.ok && r.label, target).toBe(`svc/web (${ip}:80) ← 클러스터 안(노드 worker-1)에서`);
    }
    expect(sim.startTraffic({ target: 'svcs/web', rate: 5 })).toEqual({ ok: false, error: expect.stringContaining('서비스 svcs/web이(가)') });
  });

  it('is a URL when it starts with http:// or https:// in any case, and a bad one gets a Korean reason', () => {
    const sim = cluster();
    expect(sim.startTraffic({ target: 'HTTP://192.168.56.11:30080/', rate: 5 })).toMatchObject({ ok: true, label: 'HTTP://192.168.56.11:30080/ ← 클러스터 밖(내 컴퓨터)에서' });
    expect(sim.startTraffic({ target: 'https://web:0/', rate: 5 })).toEqual({ ok: false, error: expect.stringContaining('주소 https://web:0/을(를) 읽을 수 없어요') });
    expect(sim.startTraffic({ target: 'httpx://web/', rate: 5 })).toEqual({ ok: false, error: expect.stringContaining('서비스 httpx://web/이(가)') });
  });
});
