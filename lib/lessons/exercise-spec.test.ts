import { describe, expect, it } from 'vitest';
import { checkErrors, validateExercise } from './exercise-spec';

describe('checkErrors', () => {
  it('accepts the shapes lessons use', () => {
    expect(checkErrors({ kind: 'Deployment', name: 'web', expect: { 'spec.replicas': 3 } })).toEqual([]);
    expect(checkErrors({ kind: 'Pod', labelSelector: 'app=web', count: 3, phase: 'Running', ready: true })).toEqual([]);
    expect(checkErrors({ kind: 'Pod', name: 'webserver', absent: true })).toEqual([]);
    expect(checkErrors({ kind: 'Endpoints', name: 'web', present: ['subsets[0].addresses[0].ip'] })).toEqual([]);
    expect(checkErrors({ kind: 'Node', labelSelector: 'kubernetes.io/os=linux', count: 3, ready: true })).toEqual([]);
    expect(checkErrors({ kind: 'Machine', name: 'master', kubeadm: 'control-plane', kubectl: true })).toEqual([]);
  });

  it('names the problems of a Machine check', () => {
    expect(checkErrors({ kind: 'Machine', name: 'worker-3', kubeadm: 'worker' })).toEqual(['check: 머신 "worker-3"는 실습장에 없습니다 (master, worker-1, worker-2)']);
    expect(checkErrors({ kind: 'Machine', name: 'master', kubeadm: 'joined' })).toEqual(['check: kubeadm "joined"는 control-plane, worker, none 중 하나여야 합니다']);
    expect(checkErrors({ kind: 'Machine', name: 'master' })).toEqual(['check: Machine 검사에는 kubeadm이나 kubectl 조건이 필요합니다']);
    expect(checkErrors({ kind: 'Machine', name: 'master', kubectl: true, phase: 'Running' })).toEqual(['check: 알 수 없는 키 "phase"']);
  });

  it('names every problem', () => {
    expect(checkErrors({ kind: 'Pods', name: 'x' })).toEqual(['check: kind "Pods"는 지원하지 않습니다']);
    expect(checkErrors({ kind: 'Pod' })).toEqual(['check: name과 labelSelector 중 정확히 하나가 필요합니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', labelSelector: 'app=a' })).toEqual(['check: name과 labelSelector 중 정확히 하나가 필요합니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', count: 2 })).toEqual(['check: count는 labelSelector와 함께 써야 합니다']);
    expect(checkErrors({ kind: 'Deployment', name: 'a', phase: 'Running' })).toEqual(['check: phase는 Pod에만 쓸 수 있습니다']);
    expect(checkErrors({ kind: 'Service', name: 'a', ready: true })).toEqual(['check: ready는 Pod와 Node에만 쓸 수 있습니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', phase: 'Runing' })).toEqual(['check: phase "Runing"는 파드 단계가 아닙니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', expect: { 'spec..image': 'x' } })).toEqual(['check: 필드 경로 "spec..image"를 읽을 수 없습니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', expect: { 'spec.x': { nested: 1 } } })).toEqual(['check: expect["spec.x"] 값은 문자열, 숫자, 불리언 중 하나여야 합니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', absent: true, phase: 'Running' })).toEqual(['check: absent와 다른 조건은 함께 쓸 수 없습니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', replicas: 3 })).toEqual(['check: 알 수 없는 키 "replicas"']);
    expect(checkErrors({ kind: 'Pod', labelSelector: 'a=b', count: 1, minCount: 1 })).toEqual(['check: count와 minCount는 함께 쓸 수 없습니다']);
    expect(checkErrors({ kind: 'Pod', name: 'a', zeroDowntimeRollout: true })).toEqual(['check: zeroDowntimeRollout은 name이 있는 Deployment에만 쓸 수 있습니다']);
    expect(checkErrors({ kind: 'Deployment', name: 'hello', zeroDowntimeRollout: true })).toEqual([]);
  });
});

describe('validateExercise', () => {
  const good = { id: 'webserver-pod', title: '제목', task: '할 일', checks: [{ kind: 'Pod', name: 'webserver' }] };

  it('accepts a complete exercise', () => {
    expect(validateExercise(good)).toEqual({ ok: true, value: good });
  });

  it('requires an id, title, task and at least one valid check', () => {
    const result = validateExercise({ id: 'Bad Id', title: '', checks: [{ kind: 'Pod' }] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        'exercise: id "Bad Id"는 소문자, 숫자, -만 쓸 수 있습니다',
        'exercise Bad Id: title가 필요합니다',
        'exercise Bad Id: task가 필요합니다',
        'exercise Bad Id checks[0]: name과 labelSelector 중 정확히 하나가 필요합니다',
      ]);
    expect(validateExercise({ ...good, checks: [] }).ok).toBe(false);
  });

  it('takes solution steps for a machine shell, on a machine of the lab', () => {
    const steps = [{ on: 'worker-1', run: 'sudo swapoff -a' }, 'kubectl get nodes'];
    expect(validateExercise({ ...good, solution: steps }).ok).toBe(true);
    expect(validateExercise({ ...good, solution: [{ on: 'laptop', run: 'ls' }] }).ok).toBe(false);
  });
});
