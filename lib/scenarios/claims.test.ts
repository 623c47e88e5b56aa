import { describe, expect, it } from 'vitest';
import { objectKey } from '../cluster/types';
import { falseClaims } from './claims';
import { fakeObject } from './fake-cluster';
import type { ScenarioStep } from './schema';

const pod = (name: string, node: string, terminating = false) =>
  fakeObject('Pod', name, { metadata: { labels: { app: 'web' }, ...(terminating ? { deletionTimestamp: '2025-01-15T00:00:00Z' } : {}) }, spec: { nodeName: node, containers: [] }, status: { phase: 'Running' } });

const cacheOf = (...pods: ReturnType<typeof pod>[]) => new Map(pods.map((p) => [objectKey('Pod', p.metadata!.name!, 'default'), p]));

const step: ScenarioStep = {
  title: '결과 보기',
  narration: '파드 2개가 모두 worker-2에서 실행 중입니다.',
  command: 'kubectl get pods -o wide',
  claims: [
    { says: '파드 2개가 모두 worker-2에서', kind: 'Pod', labelSelector: 'app=web', count: 2, expect: { 'spec.nodeName': 'worker-2' } },
    { says: '파드 2개가 모두 worker-2에서', kind: 'Pod', labelSelector: 'app=web', terminating: true, absent: true },
    { says: '실행 중입니다', output: '^web-a\\s+1/1\\s+Running' },
  ],
};

describe('narration claims', () => {
  it('hold when the cluster and the output say what the narration says', () => {
    expect(falseClaims(step, cacheOf(pod('web-a', 'worker-2'), pod('web-b', 'worker-2')), 'NAME READY STATUS\nweb-a   1/1   Running   0\n')).toEqual([]);
  });

  it('name the words that are false: pods still Terminating on the failed node, output that shows otherwise', () => {
    const cache = cacheOf(pod('web-a', 'worker-2'), pod('web-b', 'worker-2'), pod('web-old', 'worker-1', true));
    const problems = falseClaims(step, cache, 'web-a   0/1   Pending\n');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^“파드 2개가 모두 worker-2에서” — .*Terminating.*지금 1개/);
    expect(problems[1]).toMatch(/^“실행 중입니다” — 출력이/);
  });
});
