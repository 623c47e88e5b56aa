/**
 * The reverse-proxy chain of lesson 07: laptop → NodePort → kubelab/reverse-proxy → Service php-test-1:8000 → a pod.
 * Routing by Host and the longest location prefix as nginx does (https://nginx.org/en/docs/http/request_processing.html,
 * https://nginx.org/en/docs/http/ngx_http_core_module.html#location); upstream failures as the proxy module answers
 * them: 502 for an unresolvable name or a refused connection, 504 for a connect timeout
 * (https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_connect_timeout); Service names through the
 * cluster DNS search path (https://github.com/kubernetes/dns/blob/master/docs/specification.md); a Service without
 * endpoints refuses connections (kube-proxy's REJECT rule, pkg/proxy/iptables/proxier.go).
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest } from '../testing';
import { matchRoute, parseProxyRoutes } from './reverse-proxy';

const NODE_PORT = 30080;
const WORKER_1 = '192.168.56.11';

function chain(opts: { args?: string[]; backendSelector?: string; backendReplicas?: number } = {}) {
  const sim = createSimulator({ seed: 7 });
  const backend = deploymentManifest({ name: 'php-test-1', replicas: opts.backendReplicas ?? 2, image: 'kubelab/php-hello:1.0' });
  sim.create(backend);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-test-1' }, spec: { selector: { app: opts.backendSelector ?? 'php-test-1' }, ports: [{ port: 8000, targetPort: 8000 }] } } as KubeObject);
  const proxy = deploymentManifest({ name: 'proxy', replicas: 1, image: 'kubelab/reverse-proxy:1.0' });
  if (proxy.kind !== 'Deployment') throw new Error('deploymentManifest gave no Deployment');
  proxy.spec!.template.spec!.containers[0].args = opts.args ?? ['--route=php.example.com=php-test-1:8000'];
  sim.create(proxy);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'proxy' }, spec: { type: 'NodePort', selector: { app: 'proxy' }, ports: [{ port: 80, targetPort: 80, nodePort: NODE_PORT }] } } as KubeObject);
  sim.advance(20_000);
  const pods = (app: string) => (sim.list('Pod', 'default', { labelSelector: `app=${app}` }).items as V1Pod[]).map((p) => p.metadata!.name!).sort();
  const fromLaptop = (host = 'php.example.com', path = '/') => sim.sendRequest({ from: 'outside', url: `http://${WORKER_1}:${NODE_PORT}${path}`, headers: { Host: host } });
  const laptopCurl = (line: string) => sim.runOnLaptop(['sh', '-c', line]);
  return { sim, pods, fromLaptop, laptopCurl, lastLog: (pod: string) => sim.podLog(pod, 'default', { tailLines: 2 }).lines };
}

describe('routes from the args', () => {
  it('reads HOST[/PATH]=SERVICE[:PORT], defaults the port to 80 and the path to /', () => {
    expect(parseProxyRoutes(['--route=php.example.com=php-test-1:8000', '--route', 'shop.example.com/api=http://api', '--route=/=web:8080', '--route=broken'])).toEqual([
      { host: 'php.example.com', pathPrefix: '/', upstream: { host: 'php-test-1', port: 8000 }, spec: 'php.example.com=php-test-1:8000' },
      { host: 'shop.example.com', pathPrefix: '/api', upstream: { host: 'api', port: 80 }, spec: 'shop.example.com/api=http://api' },
      { pathPrefix: '/', upstream: { host: 'web', port: 8080 }, spec: '/=web:8080' },
    ]);
  });

  it('picks the Host’s own routes, then the longest prefix; other hosts fall to the any-host routes', () => {
    const routes = parseProxyRoutes(['--route=a.test=one:80', '--route=a.test/api=two:80', '--route=/=fallback:80']);
    expect(matchRoute(routes, 'A.test:30080', '/api/users')?.upstream.host).toBe('two');
    expect(matchRoute(routes, 'a.test', '/index.html')?.upstream.host).toBe('one');
    expect(matchRoute(routes, 'b.test', '/api')?.upstream.host).toBe('fallback');
    expect(matchRoute(parseProxyRoutes(['--route=a.test=one:80']), 'b.test', '/')).toBeUndefined();
  });
});

describe('the chain laptop → NodePort → proxy → php-test-1:8000 → pod', () => {
  it('answers from both php-test-1 pods, each answer naming the pod that served it', () => {
    const c = chain();
    const backends = c.pods('php-test-1');
    const bodies = new Set(Array.from({ length: 30 }, () => c.fromLaptop().body));
    expect([...bodies].map((b) => /^Hello from (php-test-1-\S+) \(10\.244\.\d+\.\d+\)\n$/.exec(b)?.[1]).sort()).toEqual(backends);
    const r = c.fromLaptop();
    expect(r.status).toBe(200);
    expect(r.headers?.find(([k]) => k === 'Server')?.[1]).toBe('nginx/1.27.3');
  });

  it('the laptop curl with a Host header shows it, and both pods write an access-log line', () => {
    const c = chain({ backendReplicas: 1 });
    const out = c.laptopCurl(`curl -s -H "Host: php.example.com" http://${WORKER_1}:${NODE_PORT}/`);
    const [backend] = c.pods('php-test-1');
    expect(out.stdout).toMatch(new RegExp(`^Hello from ${backend} \\(`));
    const [proxy] = c.pods('proxy');
    const proxyPod = c.sim.get('Pod', proxy, 'default') as V1Pod;
    // the proxy logs the node's address (NodePort masquerades the client) and the Service address it connected to
    const svcIp = (c.sim.get('Service', 'php-test-1', 'default') as { spec: { clusterIP: string } }).spec.clusterIP;
    expect(c.lastLog(proxy).at(-1)).toMatch(new RegExp(`^${WORKER_1.replace(/\./g, '\\.')} - - \\[.+\\] "GET / HTTP/1\\.1" 200 \\d+ "-" "curl/8\\.11\\.1" upstream=${svcIp.replace(/\./g, '\\.')}:8000$`));
    // the backend sees the proxy pod's IP (a ClusterIP from a pod keeps the source address)
    expect(c.lastLog(backend).at(-1)).toMatch(new RegExp(`^\\[\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\] ${proxyPod.status!.podIP!.replace(/\./g, '\\.')} \\[200\\]: GET /$`));
  });

  it('a Host no route serves gets nginx’s 404 page', () => {
    const r = chain().fromLaptop('other.example.com');
    expect(r.status).toBe(404);
    expect(r.body).toBe('<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.27.3</center>\n</body>\n</html>\n');
  });
});

describe('failures propagate as nginx reports them', () => {
  it('a selector that matches no pod: the Service has no endpoints, kube-proxy refuses, the proxy answers 502', () => {
    const c = chain({ backendSelector: 'php-test1' });
    const r = c.fromLaptop();
    expect(r.status).toBe(502);
    expect(r.ok).toBe(false);
    expect(r.body).toContain('<center><h1>502 Bad Gateway</h1></center>');
    const [proxy] = c.pods('proxy');
    const [errorLine, accessLine] = c.lastLog(proxy);
    expect(errorLine).toMatch(/\[error\] 29#29: \*1 connect\(\) failed \(111: Connection refused\) while connecting to upstream, client: 192\.168\.56\.11, server: php\.example\.com, request: "GET \/ HTTP\/1\.1", upstream: "http:\/\/10\.\d+\.\d+\.\d+:8000\/", host: "php\.example\.com"$/);
    expect(accessLine).toMatch(/"GET \/ HTTP\/1\.1" 502 /);
  });

  it('a Service name that does not exist: 502 with "could not be resolved"', () => {
    const c = chain({ args: ['--route=php.example.com=php-test-2:8000'] });
    expect(c.fromLaptop().status).toBe(502);
    expect(c.lastLog(c.pods('proxy')[0])[0]).toMatch(/php-test-2 could not be resolved \(3: Host not found\)/);
  });

  it('a port the Service does not have: the connection times out and the proxy answers 504 after 60 s', () => {
    const c = chain({ args: ['--route=php.example.com=php-test-1:9000'] });
    const r = c.fromLaptop();
    expect(r.status).toBe(504);
    expect(r.latencyMs).toBeGreaterThanOrEqual(60_000);
    // curl -m 5 gives up before the proxy does
    expect(c.laptopCurl(`curl -s -S -m 5 -H "Host: php.example.com" http://${WORKER_1}:${NODE_PORT}/`).exitCode).toBe(28);
  });

  it('a proxy that routes to itself stops after a few hops with 502 instead of looping', () => {
    const c = chain({ args: ['--route=php.example.com=proxy:80'] });
    expect(c.fromLaptop().status).toBe(502);
  });
});
