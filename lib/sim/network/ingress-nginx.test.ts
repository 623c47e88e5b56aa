/**
 * An Ingress served by the simulated ingress-nginx controller, end to end: laptop → node IP:NodePort → controller
 * pod → the Service the rule names → a ready pod. Routing as https://kubernetes.io/docs/concepts/services-networking/ingress/
 * defines it; the controller's own answers as ingress-nginx gives them (https://kubernetes.github.io/ingress-nginx/
 * user-guide/default-backend/: 404 from the default backend when nothing matches; 503 when the backend Service has no
 * endpoints); classes as https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class and
 * #default-ingress-class; the published address as ingress-nginx's status sync without --publish-service (the
 * nodes' InternalIPs, https://kubernetes.github.io/ingress-nginx/deploy/baremetal/).
 */
import { describe, expect, it } from 'vitest';
import type { V1Ingress, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../simulator';
import { deploymentManifest } from '../testing';

const NODE_PORT = 30082;
const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.1';

function cluster(opts: { className?: string | null; defaultClass?: boolean } = {}) {
  const sim = createSimulator({ seed: 11 });
  sim.create(deploymentManifest({ name: 'php-test-1', replicas: 2, image: 'kubelab/php-hello:1.0' }));
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-test-1' }, spec: { selector: { app: 'php-test-1' }, ports: [{ name: 'http', port: 8000, targetPort: 8000 }] } } as KubeObject);
  sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx' } } as KubeObject);
  sim.create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', ...(opts.defaultClass ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) }, spec: { controller: 'k8s.io/ingress-nginx' } } as KubeObject);
  const controller = deploymentManifest({ name: 'ingress-nginx-controller', replicas: 1, image: CONTROLLER_IMAGE }) as KubeObject & { metadata: { namespace?: string }; spec: { template: { spec: { containers: { args?: string[] }[] } } } };
  controller.metadata.namespace = 'ingress-nginx';
  controller.spec.template.spec.containers[0].args = ['/nginx-ingress-controller', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx'];
  sim.create(controller);
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' }, spec: { type: 'NodePort', selector: { app: 'ingress-nginx-controller' }, ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: NODE_PORT }] } } as KubeObject);
  const className = opts.className === undefined ? 'nginx' : opts.className;
  sim.create({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'php' },
    spec: {
      ...(className ? { ingressClassName: className } : {}),
      rules: [{ host: 'php.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'php-test-1', port: { number: 8000 } } } }, { path: '/exact', pathType: 'Exact', backend: { service: { name: 'missing', port: { number: 80 } } } }] } }],
    },
  } as KubeObject);
  sim.advance(30_000);
  const fromLaptop = (host: string, path = '/', node = '192.168.56.11') => sim.sendRequest({ from: 'outside', url: `http://${node}:${NODE_PORT}${path}`, headers: { Host: host } });
  const ingress = () => sim.get('Ingress', 'php', 'default') as V1Ingress;
  const controllerPod = () => (sim.list('Pod', 'ingress-nginx').items as V1Pod[])[0];
  return { sim, fromLaptop, ingress, controllerPod };
}

const answerOf = (r: ReturnType<ReturnType<typeof cluster>['fromLaptop']>) => ({ status: r.status, body: r.body });

describe('ingress-nginx in the simulator', () => {
  it('routes by Host to the Service and one of its pods answers, from every node', () => {
    const c = cluster();
    const pods = (c.sim.list('Pod', 'default', { labelSelector: 'app=php-test-1' }).items as V1Pod[]).map((p) => p.metadata!.name!);
    for (const node of ['192.168.56.11', '192.168.56.12']) {
      const a = answerOf(c.fromLaptop('php.example.com', '/', node));
      expect(a.status).toBe(200);
      expect(pods).toContain(/^Hello from (\S+) /.exec(a.body!)![1]);
    }
    // the controller's access log names the upstream it proxied to
    expect(c.sim.podLog(c.controllerPod().metadata!.name!, 'ingress-nginx', { tailLines: 1 }).lines[0]).toMatch(/"GET \/ HTTP\/1\.1" 200 .* 10\.\d+\.\d+\.\d+:8000$/);
  });

  it('writes status.loadBalancer.ingress with the controller node\'s InternalIP once it serves', () => {
    const c = cluster();
    const node = c.controllerPod().spec!.nodeName!;
    const ip = (c.sim.get('Node', node) as { status: { addresses: { type: string; address: string }[] } }).status.addresses.find((a) => a.type === 'InternalIP')!.address;
    expect(c.ingress().status?.loadBalancer?.ingress).toEqual([{ ip }]);
    // no controller pod left: the address goes
    c.sim.patch('Deployment', 'ingress-nginx-controller', 'ingress-nginx', { spec: { replicas: 0 } }, 'merge');
    c.sim.advance(60_000);
    expect(c.ingress().status?.loadBalancer?.ingress ?? []).toEqual([]);
  });

  it('404 from the default backend for a host no rule names; 503 when the Service is missing or has no ready endpoints', () => {
    const c = cluster();
    const notFound = answerOf(c.fromLaptop('other.example.com'));
    expect(notFound.status).toBe(404);
    expect(notFound.body).toContain('<title>404 Not Found</title>');
    expect(notFound.body).toContain('<hr><center>nginx</center>');
    // Exact /exact goes to a Service that doesn't exist; Exact does not cover /exact/more (Prefix / takes it)
    expect(answerOf(c.fromLaptop('php.example.com', '/exact')).status).toBe(503);
    expect(answerOf(c.fromLaptop('php.example.com', '/exact/more')).status).toBe(200);
    c.sim.patch('Deployment', 'php-test-1', 'default', { spec: { replicas: 0 } }, 'merge');
    c.sim.advance(60_000);
    const unavailable = answerOf(c.fromLaptop('php.example.com'));
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toContain('<title>503 Service Temporarily Unavailable</title>');
  });

  it("its own answers' status lines say what its pages say, in nginx's words; a pod's answer keeps its own", () => {
    // nginx's status lines (src/http/ngx_http_header_filter_module.c ngx_http_status_lines): "503 Service
    // Temporarily Unavailable", not RFC 9110's "Service Unavailable"; a proxied answer keeps the upstream's line
    const c = cluster();
    const curl = (path: string) => c.sim.runOnLaptop(['curl', '-si', '-H', 'Host: php.example.com', `http://192.168.56.11:${NODE_PORT}${path}`]).stdout;
    const unavailable = curl('/exact');
    expect(unavailable.split('\n')[0]).toBe('HTTP/1.1 503 Service Temporarily Unavailable');
    expect(unavailable).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>');
    expect(curl('/').split('\n')[0]).toBe('HTTP/1.1 200 OK');
    const notFound = c.sim.runOnLaptop(['curl', '-si', '-H', 'Host: other.example.com', `http://192.168.56.11:${NODE_PORT}/`]).stdout;
    expect(notFound.split('\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(notFound).toContain('<title>404 Not Found</title>');
  });

  it('an Ingress of another class, or of no class without a default class, is not served (404, no address)', () => {
    const other = cluster({ className: 'traefik' });
    expect(answerOf(other.fromLaptop('php.example.com')).status).toBe(404);
    expect(other.ingress().status?.loadBalancer?.ingress).toBeUndefined();
    const noClass = cluster({ className: null });
    expect(answerOf(noClass.fromLaptop('php.example.com')).status).toBe(404);
    const defaulted = cluster({ className: null, defaultClass: true });
    expect(answerOf(defaulted.fromLaptop('php.example.com')).status).toBe(200);
  });
});
