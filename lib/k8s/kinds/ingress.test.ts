/**
 * Ingress and IngressClass: table cells as kubectl 1.34 prints them (kubernetes pkg/printers/internalversion/
 * printers.go printIngress, formatHosts, formatPorts, ingressLoadBalancerStatusStringer, printIngressClass) and the
 * API server's validation messages (pkg/apis/networking/validation/validation.go ValidateIngressSpec,
 * validateHTTPIngressPath, validateIngressBackend, validateIngressClassSpec).
 */
import { describe, expect, it } from 'vitest';
import type { V1Ingress, V1IngressClass } from '../api-types';
import { INGRESS } from './ingress';
import { INGRESSCLASS } from './ingressclass';

const NOW = Date.parse('2025-01-15T01:00:00Z');
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2025-01-15T00:55:00Z' };
const svc = (name = 'web', number = 80) => ({ service: { name, port: { number } } });
const prefix = (path: string, backend = svc()) => ({ path, pathType: 'Prefix', backend });
const ing = (spec: V1Ingress['spec'], status?: V1Ingress['status']): V1Ingress => ({ metadata: meta, spec, ...(status ? { status } : {}) });
const messages = (i: V1Ingress) => INGRESS.strategy.validate(i).map((e) => `${e.field}: ${e.message}`);

describe('Ingress printer', () => {
  it('NAME CLASS HOSTS ADDRESS PORTS AGE: <none> class, * for no host, 80 without TLS, empty address before a controller', () => {
    expect(INGRESS.columns.map((c) => c.name)).toEqual(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
    expect(INGRESS.cells(ing({ defaultBackend: svc() }), NOW)).toEqual(['web', '<none>', '*', '', '80', '5m']);
  });

  it('the first three hosts and "+ N more...", the sorted address set, "80, 443" with TLS', () => {
    const rules = ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com', 'e.example.com'].map((host) => ({ host, http: { paths: [prefix('/')] } }));
    const row = INGRESS.cells(ing({ ingressClassName: 'nginx', rules, tls: [{ hosts: ['a.example.com'], secretName: 'tls' }] }, { loadBalancer: { ingress: [{ ip: '192.168.56.12' }, { ip: '192.168.56.11' }] } }), NOW);
    // 192.168.56.11,192.168.56.12 is 27 characters: clipped to 16 (13 + "...") outside -o wide
    expect(row).toEqual(['web', 'nginx', 'a.example.com,b.example.com,c.example.com + 2 more...', '192.168.56.11...', '80, 443', '5m']);
    expect(INGRESS.cells(ing({ rules: [{ http: { paths: [prefix('/')] } }] }, { loadBalancer: { ingress: [{ ip: '192.168.56.11' }] } }), NOW)[3]).toBe('192.168.56.11');
  });

  it('IngressClass: NAME CONTROLLER PARAMETERS AGE', () => {
    const ic: V1IngressClass = { metadata: { name: 'nginx', creationTimestamp: meta.creationTimestamp }, spec: { controller: 'k8s.io/ingress-nginx' } };
    expect(INGRESSCLASS.cells(ic, NOW)).toEqual(['nginx', 'k8s.io/ingress-nginx', '<none>', '5m']);
    expect(INGRESSCLASS.cells({ ...ic, spec: { ...ic.spec, parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } } }, NOW)[2]).toBe('IngressParameters.k8s.example.com/external-lb');
  });
});

describe('Ingress validation', () => {
  it('accepts rules with Prefix/Exact/ImplementationSpecific paths and a named or numbered port', () => {
    const paths = [prefix('/'), { path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { name: 'http' } } } }, { pathType: 'ImplementationSpecific', backend: svc() }];
    expect(messages(ing({ ingressClassName: 'nginx', rules: [{ host: 'php.example.com', http: { paths } }, { host: '*.example.com', http: { paths: [prefix('/')] } }] }))).toEqual([]);
  });

  it('needs rules or a defaultBackend', () => {
    expect(messages(ing({}))).toEqual(['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']);
  });

  it('pathType is required and one of three; Prefix and Exact paths are absolute', () => {
    const at = 'spec.rules[0].http.paths';
    expect(messages(ing({ rules: [{ http: { paths: [{ path: '/', backend: svc() } as never, { path: '/', pathType: 'Regex', backend: svc() }, { path: 'api', pathType: 'Prefix', backend: svc() }] } }] }))).toEqual([
      `${at}[0].pathType: Required value: pathType must be specified`,
      `${at}[1].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
      `${at}[2].path: Invalid value: "api": must be an absolute path`,
    ]);
  });

  it('backends: a service port by name or number (not both, not neither), a DNS-1035 service name', () => {
    const at = 'spec.rules[0].http.paths[0].backend';
    const one = (backend: object) => messages(ing({ rules: [{ http: { paths: [prefix('/', backend as never)] } }] }));
    expect(one({ service: { name: 'web', port: {} } })).toEqual([`${at}: Required value: port name or number is required`]);
    expect(one({ service: { name: 'web', port: { name: 'http', number: 80 } } })).toEqual([`${at}: Invalid value: "": cannot set both port name & port number`]);
    expect(one({ service: { name: '', port: { number: 80 } } })).toEqual([`${at}.service.name: Required value`]);
    expect(one({ service: { name: 'Web', port: { number: 80 } } })[0]).toMatch(/^spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.name: Invalid value: "Web": a DNS-1035 label must consist of lower case/);
    expect(one({})).toEqual([`${at}: Invalid value: "": resource or service backend is required`]);
  });

  it('a host is a DNS name, not an IP address; a wildcard only as the first label', () => {
    const host = (h: string) => messages(ing({ rules: [{ host: h, http: { paths: [prefix('/')] } }] }));
    expect(host('192.168.56.11')[0]).toBe('spec.rules[0].host: Invalid value: "192.168.56.11": must be a DNS name, not an IP address');
    expect(host('foo.*.com')[0]).toMatch(/^spec\.rules\[0\]\.host: Invalid value: "foo\.\*\.com": a wildcard DNS-1123 subdomain must start with '\*\.'/);
  });

  it('IngressClass: the controller is a domain-prefixed path', () => {
    const ic = (controller: string) => INGRESSCLASS.strategy.validate({ metadata: { name: 'x' }, spec: { controller } }).map((e) => `${e.field}: ${e.message}`);
    expect(ic('k8s.io/ingress-nginx')).toEqual([]);
    expect(ic('nginx')).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
  });
});
