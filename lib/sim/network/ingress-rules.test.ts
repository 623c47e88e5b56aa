/**
 * Ingress matching as https://kubernetes.io/docs/concepts/services-networking/ingress/ specifies it — the "Examples"
 * table under "Path types" (Prefix `/aaa/bbb` matches `/aaa/bbb/` but not `/aaa/bbbxyz`; `/` matches all paths;
 * Exact `/foo` does not match `/foo/`), "Multiple matches" (longest path, then Exact over Prefix) and "Hostname
 * wildcards" (`*.foo.com` matches `bar.foo.com`, not `baz.bar.foo.com` nor `foo.com`) — and ImplementationSpecific
 * as ingress-nginx's plain prefix location (https://kubernetes.github.io/ingress-nginx/user-guide/ingress-path-matching/).
 */
import { describe, expect, it } from 'vitest';
import type { V1Ingress } from '../../k8s/api-types';
import { hostMatches, matchIngress, pathMatches } from './ingress-rules';

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const ingress = (name: string, spec: V1Ingress['spec'], created = '2025-01-15T00:00:00Z'): V1Ingress => ({ metadata: { name, namespace: 'default', creationTimestamp: created }, spec });
const paths = (...ps: [string, string, string][]) => ({ paths: ps.map(([path, pathType, svc]) => ({ path, pathType, backend: backend(svc) })) });
const serviceOf = (ings: V1Ingress[], host: string, path: string) => matchIngress(ings, host, path)?.backend.service?.name;

describe('path types (the Kubernetes docs example table)', () => {
  it.each([
    ['Prefix', '/', '/anything', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['ImplementationSpecific', '/aaa/bbb', '/aaa/bbbxyz', true],
  ])('%s %s vs %s → %s', (type, rule, path, want) => {
    expect(pathMatches(type, rule, path)).toBe(want);
  });

  it('the longest path wins; on equal paths Exact beats Prefix', () => {
    const ings = [ingress('a', { rules: [{ http: paths(['/', 'Prefix', 'root'], ['/aaa', 'Prefix', 'aaa'], ['/aaa/bbb', 'Prefix', 'bbb'], ['/exact', 'Prefix', 'prefix'], ['/exact', 'Exact', 'exact']) }] })];
    expect(serviceOf(ings, 'x', '/aaa/bbb/ccc')).toBe('bbb');
    expect(serviceOf(ings, 'x', '/aaa/ccc')).toBe('aaa');
    expect(serviceOf(ings, 'x', '/zzz?x=/aaa')).toBe('root');
    expect(serviceOf(ings, 'x', '/exact')).toBe('exact');
    expect(serviceOf(ings, 'x', '/exact/more')).toBe('prefix');
  });
});

describe('hosts', () => {
  it('a wildcard covers exactly one label', () => {
    expect(hostMatches('*.foo.com', 'bar.foo.com')).toBe(true);
    expect(hostMatches('*.foo.com', 'baz.bar.foo.com')).toBe(false);
    expect(hostMatches('*.foo.com', 'foo.com')).toBe(false);
  });

  it('exact host before wildcard before the catch-all; the Host header is case-insensitive and may carry a port', () => {
    const ings = [
      ingress('hosts', { rules: [{ host: 'php.example.com', http: paths(['/', 'Prefix', 'php']) }, { host: '*.example.com', http: paths(['/', 'Prefix', 'wild']) }] }),
      ingress('any', { rules: [{ http: paths(['/', 'Prefix', 'any']) }] }),
    ];
    expect(serviceOf(ings, 'PHP.example.com:30080', '/')).toBe('php');
    expect(serviceOf(ings, 'shop.example.com', '/')).toBe('wild');
    expect(serviceOf(ings, '192.168.56.11:30080', '/')).toBe('any');
  });

  it('a host whose paths do not match gets its Ingress\'s defaultBackend, else the controller\'s default backend (undefined)', () => {
    const withDefault = [ingress('a', { defaultBackend: backend('fallback'), rules: [{ host: 'a.example.com', http: paths(['/api', 'Prefix', 'api']) }] })];
    expect(serviceOf(withDefault, 'a.example.com', '/web')).toBe('fallback');
    expect(serviceOf(withDefault, 'other.example.com', '/')).toBe('fallback');
    const without = [ingress('a', { rules: [{ host: 'a.example.com', http: paths(['/api', 'Prefix', 'api']) }] })];
    expect(matchIngress(without, 'a.example.com', '/web')).toBeUndefined();
    expect(matchIngress(without, 'b.example.com', '/api')).toBeUndefined();
    expect(matchIngress([], 'a.example.com', '/')).toBeUndefined();
  });

  it('two Ingresses defining the same host and path: the oldest one wins', () => {
    const ings = [
      ingress('newer', { rules: [{ host: 'a.example.com', http: paths(['/', 'Prefix', 'newer']) }] }, '2025-01-15T00:05:00Z'),
      ingress('older', { rules: [{ host: 'a.example.com', http: paths(['/', 'Prefix', 'older']) }] }, '2025-01-15T00:01:00Z'),
    ];
    expect(matchIngress(ings, 'a.example.com', '/')).toMatchObject({ ingress: 'default/older', backend: { service: { name: 'older' } } });
  });
});
