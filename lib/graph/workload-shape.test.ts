import { describe, expect, it } from 'vitest';
import { focusDeployment, shapeColumns, workloadShape, type WorkloadShapeInput } from './workload-shape';

const rs = (name: string, revision: number, desired: number, ns = 'default') => ({
  key: `ReplicaSet/${ns}/${name}`,
  namespace: ns,
  owner: { kind: 'Deployment', name: 'web' },
  revision,
  desired,
});

function input(over: Partial<WorkloadShapeInput> = {}): WorkloadShapeInput {
  return {
    deployments: { 'Deployment/default/web': { key: 'Deployment/default/web', namespace: 'default' } },
    replicaSets: { a: rs('web-a', 1, 0), b: rs('web-b', 2, 3) },
    jobs: { 'Job/default/pi': { key: 'Job/default/pi', namespace: 'default' } },
    daemonSets: {
      'DaemonSet/default/agent': { key: 'DaemonSet/default/agent', namespace: 'default' },
      'DaemonSet/kube-system/kube-proxy': { key: 'DaemonSet/kube-system/kube-proxy', namespace: 'kube-system' },
    },
    podIdsByOwner: {
      'ReplicaSet/default/web-b': ['p1', 'p2', 'p3'],
      'Job/default/pi': ['j1', 'j2'],
      'DaemonSet/default/agent': ['d1', 'd2'],
      '': ['solo'],
    },
    visible: (ns) => ns !== 'kube-system',
    ...over,
  };
}

describe('workloadShape', () => {
  it('gives each Deployment, Job and user DaemonSet a column with its pods, newest ReplicaSet first', () => {
    expect(workloadShape(input())).toEqual([
      'D|Deployment/default/web',
      'R|ReplicaSet/default/web-b|3',
      'R|ReplicaSet/default/web-a|0',
      'J|Job/default/pi',
      'O|Job/default/pi#pods|2',
      'A|DaemonSet/default/agent',
      'O|DaemonSet/default/agent#pods|2',
      'S|__standalone__|1',
    ]);
  });
  it('shows system DaemonSets only when their namespace is shown', () => {
    expect(workloadShape(input({ visible: () => true }))).toContain('A|DaemonSet/kube-system/kube-proxy');
  });
  it('keeps a Job column while the Job has no pods left (a finished Job keeps its progress visible)', () => {
    expect(workloadShape(input({ podIdsByOwner: {} }))).toContain('O|Job/default/pi#pods|0');
  });
});

describe('shapeColumns', () => {
  it('puts pod boxes under the head above them', () => {
    const cols = shapeColumns(workloadShape(input()));
    expect(cols.map((c) => c.deploymentId)).toEqual(['Deployment/default/web', 'Job/default/pi', 'DaemonSet/default/agent', null]);
    expect(cols[1].replicaSets).toEqual([{ id: 'Job/default/pi#pods', podCount: 2 }]);
    expect(cols[3].replicaSets).toEqual([{ id: '__standalone__', podCount: 1 }]);
  });
});

describe('focusDeployment', () => {
  it('prefers the selection, then a Deployment rolling out, then the first', () => {
    const shape = ['D|d1', 'R|r1|3', 'D|d2', 'R|r2|2', 'R|r3|1', 'J|j', 'O|j#pods|1'];
    expect(focusDeployment(shape, 'd9')).toBe('d9');
    expect(focusDeployment(shape, null)).toBe('d2');
    expect(focusDeployment(['D|d1', 'R|r1|3', 'R|r0|0'], null)).toBe('d1');
    expect(focusDeployment(['J|j', 'O|j#pods|1'], null)).toBeNull();
  });
});
