import { describe, expect, it } from 'vitest';
import { SERVICE_ACCOUNT_TOKEN, detectConfigSource, parseNamespaces, serverHostOf } from './cluster-config';

const none = () => false;

describe('detectConfigSource', () => {
  it('finds no cluster when nothing is configured', () => {
    expect(detectConfigSource({}, none, '/home/x')).toBeNull();
    expect(detectConfigSource({ KUBECONFIG: '  ' }, none, '/home/x')).toBeNull();
  });

  it('follows loadFromDefault order: KUBECONFIG, ~/.kube/config, in-cluster', () => {
    const all = () => true;
    const inCluster = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };
    expect(detectConfigSource({ KUBECONFIG: '/k', ...inCluster }, all, '/home/x')).toBe('kubeconfig-env');
    expect(detectConfigSource(inCluster, (p) => p === '/home/x/.kube/config', '/home/x')).toBe('kubeconfig-home');
    expect(detectConfigSource(inCluster, (p) => p === SERVICE_ACCOUNT_TOKEN, '/home/x')).toBe('in-cluster');
    // service env vars without a mounted token are not enough
    expect(detectConfigSource(inCluster, none, '/home/x')).toBeNull();
  });
});

describe('parseNamespaces', () => {
  it('defaults to default and drops invalid or repeated names', () => {
    expect(parseNamespaces(undefined)).toEqual(['default']);
    expect(parseNamespaces(' , ')).toEqual(['default']);
    expect(parseNamespaces('demo, default,demo,Bad_Name,../x')).toEqual(['demo', 'default']);
  });
});

describe('serverHostOf', () => {
  it('shows host and port only', () => {
    expect(serverHostOf('https://user:pw@10.0.0.1:6443/path')).toBe('10.0.0.1:6443');
  });
});
