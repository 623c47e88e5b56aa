import { describe, expect, it } from 'vitest';
import type { V1PodCondition } from '../../k8s/api-types';
import { sortConditions } from './pod-status';

const cond = (type: string, status = 'True'): V1PodCondition => ({ type, status, lastProbeTime: null, lastTransitionTime: '2025-01-15T00:00:00Z' });
const types = (cs: V1PodCondition[]) => cs.map((c) => `${c.type}:${c.status}`);

describe('sortConditions', () => {
  it('orders conditions as the kubelet reports them (pkg/kubelet/status generateAPIPodStatus) in a new array', () => {
    const input = [cond('PodScheduled'), cond('ContainersReady'), cond('Initialized'), cond('Ready'), cond('PodReadyToStartContainers')];
    const out = sortConditions(input);
    expect(types(out)).toEqual(['PodReadyToStartContainers:True', 'Initialized:True', 'Ready:True', 'ContainersReady:True', 'PodScheduled:True']);
    expect(out).not.toBe(input);
    expect(types(input)[0]).toBe('PodScheduled:True');
  });

  it('puts types it does not know first and keeps equal ranks in their given order (a stable sort)', () => {
    const out = sortConditions([cond('Ready'), cond('DisruptionTarget'), cond('PodScheduled'), cond('custom', 'False'), cond('custom', 'True')]);
    expect(types(out)).toEqual(['DisruptionTarget:True', 'custom:False', 'custom:True', 'Ready:True', 'PodScheduled:True']);
  });
});
