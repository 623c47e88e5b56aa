import { describe, expect, it } from 'vitest';
import { parseSelectorInput, podPassesFilter, type PodFilter } from './pod-filter';
import { projectPod } from './projection';
import { makePod } from './test-fixtures';

const pod = (labels: Record<string, string>, namespace = 'default') =>
  projectPod(`Pod/${namespace}/p`, makePod({ name: 'p', labels, namespace }));
const filter = (o: Partial<PodFilter> & { text?: string } = {}): PodFilter => ({
  namespace: o.namespace ?? '',
  showKubeSystem: o.showKubeSystem ?? false,
  selector: o.text ? parseSelectorInput(o.text).selector : null,
});

describe('selector box', () => {
  it('accepts kubectl syntax: equality, inequality and set-based', () => {
    const f = filter({ text: 'app=web,tier!=db,env in (a,b)' });
    expect(podPassesFilter(pod({ app: 'web', tier: 'front', env: 'a' }), f)).toBe(true);
    expect(podPassesFilter(pod({ app: 'web', tier: 'db', env: 'a' }), f)).toBe(false);
    expect(podPassesFilter(pod({ app: 'web', env: 'c' }), f)).toBe(false);
  });

  it('gives a Korean error for bad syntax and none for empty text', () => {
    const bad = parseSelectorInput('app==,(');
    expect(bad.selector).toBeNull();
    expect(bad.error).toMatch(/^셀렉터 문법이 올바르지 않아요/);
    expect(parseSelectorInput('   ')).toEqual({ selector: null, error: null });
    expect(parseSelectorInput('env in (a,b)').error).toBeNull();
  });
});

describe('namespace and kube-system', () => {
  it('hides kube-system unless shown or chosen', () => {
    const sys = pod({}, 'kube-system');
    expect(podPassesFilter(sys, filter())).toBe(false);
    expect(podPassesFilter(sys, filter({ showKubeSystem: true }))).toBe(true);
    expect(podPassesFilter(sys, filter({ namespace: 'kube-system' }))).toBe(true);
    expect(podPassesFilter(pod({}), filter({ namespace: 'kube-system' }))).toBe(false);
  });
});
