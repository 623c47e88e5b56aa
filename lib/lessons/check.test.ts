import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { evaluateCheck, evaluateChecks } from './check';
import { fakeCheckClient, podFixture } from './fake-check-client';

const deployment = (name: string, replicas: number, image = 'nginx:1.14.2'): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } },
    },
  }) as KubeObject;

describe('evaluateCheck', () => {
  it('passes when the named object has every expected field', async () => {
    const client = fakeCheckClient([deployment('web', 3)]);
    expect(await evaluateCheck(client, { kind: 'Deployment', name: 'web', expect: { 'spec.replicas': 3 } })).toEqual([]);
  });

  it('explains a wrong number with both values', async () => {
    const client = fakeCheckClient([deployment('web', 2)]);
    expect(await evaluateCheck(client, { kind: 'Deployment', name: 'web', expect: { 'spec.replicas': 3 } })).toEqual([
      '디플로이먼트 web의 replicas가 3이 아니라 2입니다',
    ]);
  });

  it('explains a wrong image and shows what is there now', async () => {
    const client = fakeCheckClient([podFixture('webserver', { image: 'nginx:1.14.2' })]);
    const failures = await evaluateCheck(client, { kind: 'Pod', name: 'webserver', expect: { 'spec.containers[0].image': 'nginx:latest' } });
    expect(failures).toEqual(['파드 webserver의 이미지가 nginx:latest가 아닙니다 (지금: nginx:1.14.2)']);
  });

  it('says the object is missing with the right particle', async () => {
    const client = fakeCheckClient([]);
    expect(await evaluateCheck(client, { kind: 'Pod', name: 'webserver' })).toEqual(['파드 webserver가 없습니다']);
    expect(await evaluateCheck(client, { kind: 'Deployment', name: 'web' })).toEqual(['디플로이먼트 web이 없습니다']);
  });

  it('reports a pod that is not yet in the expected phase', async () => {
    const client = fakeCheckClient([podFixture('webserver', { phase: 'Pending' })]);
    expect(await evaluateCheck(client, { kind: 'Pod', name: 'webserver', phase: 'Running' })).toEqual([
      '파드 webserver가 아직 Running 상태가 아닙니다 (지금: Pending)',
    ]);
  });

  it('reports readiness', async () => {
    const client = fakeCheckClient([podFixture('webserver', { ready: false })]);
    expect(await evaluateCheck(client, { kind: 'Pod', name: 'webserver', ready: true })).toEqual(['파드 webserver가 아직 준비(Ready)되지 않았습니다']);
  });

  it('counts selected objects, ignoring terminating ones', async () => {
    const pods = [
      podFixture('web-a', { labels: { app: 'web' } }),
      podFixture('web-b', { labels: { app: 'web' } }),
      podFixture('web-c', { labels: { app: 'web' }, terminating: true }),
      podFixture('db-a', { labels: { app: 'db' } }),
    ];
    const client = fakeCheckClient(pods);
    expect(await evaluateCheck(client, { kind: 'Pod', labelSelector: 'app=web', count: 3 })).toEqual([
      '레이블이 app=web인 파드가 3개여야 하는데 지금은 2개입니다',
    ]);
    expect(await evaluateCheck(client, { kind: 'Pod', labelSelector: 'app=web', count: 2, phase: 'Running' })).toEqual([]);
  });

  it('uses the particle that fits the kind name in group messages', async () => {
    const client = fakeCheckClient([]);
    expect(await evaluateCheck(client, { kind: 'ReplicaSet', labelSelector: 'app=web', minCount: 2 })).toEqual([
      '레이블이 app=web인 레플리카셋이 2개 이상 있어야 하는데 지금은 0개입니다',
    ]);
  });

  it('checks every selected object and names the ones that miss', async () => {
    const client = fakeCheckClient([
      podFixture('web-a', { labels: { app: 'web' }, image: 'nginx:1.16.1' }),
      podFixture('web-b', { labels: { app: 'web' }, image: 'nginx:1.14.2' }),
    ]);
    expect(await evaluateCheck(client, { kind: 'Pod', labelSelector: 'app=web', count: 2, expect: { 'spec.containers[0].image': 'nginx:1.16.1' } })).toEqual([
      '파드 web-b의 이미지가 nginx:1.16.1이 아닙니다 (지금: nginx:1.14.2)',
    ]);
  });

  it('requires present fields', async () => {
    const client = fakeCheckClient([deployment('web', 3)]);
    expect(await evaluateCheck(client, { kind: 'Deployment', name: 'web', present: ['spec.template.spec.containers[0].readinessProbe'] })).toEqual([
      '디플로이먼트 web에 spec.template.spec.containers[0].readinessProbe가 설정되어 있지 않습니다',
    ]);
  });

  it('reports a field that is not set at all', async () => {
    const client = fakeCheckClient([deployment('web', 3)]);
    expect(await evaluateCheck(client, { kind: 'Deployment', name: 'web', expect: { 'metadata.labels.tier': 'frontend' } })).toEqual([
      '디플로이먼트 web의 레이블 tier가 설정되어 있지 않습니다 (기대값: frontend)',
    ]);
  });

  it('treats absent objects and terminating ones as deleted', async () => {
    expect(await evaluateCheck(fakeCheckClient([podFixture('webserver')]), { kind: 'Pod', name: 'webserver', absent: true })).toEqual([
      '파드 webserver가 아직 남아 있습니다',
    ]);
    expect(await evaluateCheck(fakeCheckClient([podFixture('webserver', { terminating: true })]), { kind: 'Pod', name: 'webserver', absent: true })).toEqual([]);
    expect(await evaluateCheck(fakeCheckClient([]), { kind: 'Pod', name: 'webserver', absent: true })).toEqual([]);
  });

  it('compares numbers and strings loosely, as YAML and the API may differ', async () => {
    const client = fakeCheckClient([deployment('web', 3)]);
    expect(await evaluateCheck(client, { kind: 'Deployment', name: 'web', expect: { 'spec.replicas': '3' } })).toEqual([]);
  });

  it('turns a client error into a message instead of throwing', async () => {
    const broken = { list: async () => Promise.reject(new Error('연결 끊김')), get: async () => Promise.reject(new Error('연결 끊김')) };
    expect(await evaluateCheck(broken, { kind: 'Pod', name: 'x' })).toEqual(['클러스터에서 파드 정보를 가져오지 못했습니다: 연결 끊김']);
  });
});

describe('evaluateChecks', () => {
  it('collects failures from every check', async () => {
    const client = fakeCheckClient([deployment('web', 2)]);
    const outcome = await evaluateChecks(client, [
      { kind: 'Deployment', name: 'web', expect: { 'spec.replicas': 3 } },
      { kind: 'Service', name: 'web' },
    ]);
    expect(outcome.ok).toBe(false);
    expect(outcome.failures).toEqual(['디플로이먼트 web의 replicas가 3이 아니라 2입니다', '서비스 web이 없습니다']);
  });

  it('says a repeated failure once', async () => {
    const outcome = await evaluateChecks(fakeCheckClient([]), [
      { kind: 'Pod', name: 'webserver', phase: 'Running' },
      { kind: 'Pod', name: 'webserver', expect: { 'spec.containers[0].image': 'nginx:latest' } },
    ]);
    expect(outcome.failures).toEqual(['파드 webserver가 없습니다']);
  });

  it('is ok when nothing fails', async () => {
    const outcome = await evaluateChecks(fakeCheckClient([deployment('web', 3)]), [{ kind: 'Deployment', name: 'web' }]);
    expect(outcome).toEqual({ ok: true, failures: [] });
  });
});
