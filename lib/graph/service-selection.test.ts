import { describe, expect, it } from 'vitest';
import { projectPod, projectService } from './projection';
import { podsSelectedBy, whyNotSelected } from './service-selection';
import { makePod, makeService } from './test-fixtures';

const pod = (name: string, labels: Record<string, string>, namespace = 'default') =>
  projectPod(`Pod/${namespace}/${name}`, makePod({ name, labels, namespace }));

describe('service selection', () => {
  const svc = projectService('Service/default/web', makeService('web', { app: 'web', tier: 'front' }));
  const pods = [
    pod('a', { app: 'web', tier: 'front', extra: 'x' }),
    pod('b', { app: 'web', tier: 'back' }),
    pod('c', { app: 'web' }),
    pod('d', { app: 'web', tier: 'front' }, 'other'),
  ];

  it('selects exactly the pods whose labels contain every selector pair in the same namespace', () => {
    expect([...podsSelectedBy(svc, pods)]).toEqual(['Pod/default/a']);
  });

  it('names the label that differs for every other pod', () => {
    expect(whyNotSelected(svc, pods[0])).toBeNull();
    expect(whyNotSelected(svc, pods[1])).toBe('레이블 tier=back — 셀렉터는 tier=front를 찾음');
    expect(whyNotSelected(svc, pods[2])).toBe('레이블 tier가 없음 (셀렉터는 tier=front를 찾음)');
    expect(whyNotSelected(svc, pods[3])).toContain('다른 네임스페이스(other)');
  });

  it('a Service without a selector selects nothing and says so', () => {
    const bare = projectService('Service/default/bare', makeService('bare', null));
    expect(podsSelectedBy(bare, pods).size).toBe(0);
    expect(whyNotSelected(bare, pods[0])).toContain('셀렉터가 없어');
  });
});
