import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { evaluateChecks } from './check';
import { evaluateMachineCheck, type KubeadmRole, type MachineFacts } from './machine-check';
import { fakeCheckClient } from './fake-check-client';

function facts(roles: Record<string, KubeadmRole>, kubectl: Record<string, string | null> = {}): MachineFacts {
  return { kubeadmRole: (m) => roles[m] ?? 'none', kubectlProblem: (m) => (m in kubectl ? kubectl[m] : 'kubeconfig 없음') };
}

const node = (name: string, ready: boolean): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/os': 'linux' } }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } }) as KubeObject;

describe('evaluateMachineCheck', () => {
  it('passes when kubeadm made the machine what the check asks', () => {
    expect(evaluateMachineCheck(facts({ master: 'control-plane' }), { kind: 'Machine', name: 'master', kubeadm: 'control-plane' })).toEqual([]);
    expect(evaluateMachineCheck(facts({}), { kind: 'Machine', name: 'worker-2', kubeadm: 'none' })).toEqual([]);
  });

  it('says what the machine is now', () => {
    expect(evaluateMachineCheck(facts({ 'worker-1': 'none' }), { kind: 'Machine', name: 'worker-1', kubeadm: 'worker' })).toEqual([
      '머신 worker-1이 합류한 워커(kubeadm join 완료)가 아닙니다 (지금: kubeadm 설정이 없는 상태(init·join 전이거나 reset 후))',
    ]);
  });

  it('reports why kubectl does not reach the cluster yet', () => {
    expect(evaluateMachineCheck(facts({}, { master: null }), { kind: 'Machine', name: 'master', kubectl: true })).toEqual([]);
    expect(evaluateMachineCheck(facts({}, { master: '주인이 root' }), { kind: 'Machine', name: 'master', kubectl: true })).toEqual([
      '머신 master에서 ubuntu 사용자의 kubectl이 아직 클러스터에 닿지 않습니다: 주인이 root',
    ]);
  });

  it('outside the machines lab, fails with a reason instead of passing', () => {
    expect(evaluateMachineCheck(null, { kind: 'Machine', name: 'master', kubeadm: 'none' })[0]).toMatch(/빈 머신 실습장에서만/);
  });
});

describe('evaluateChecks with machines and Nodes', () => {
  it('checks the Node Ready condition and machine facts together', async () => {
    const client = fakeCheckClient([node('master', true), node('worker-1', false)]);
    const checks = [
      { kind: 'Node' as const, labelSelector: 'kubernetes.io/os=linux', minCount: 2, ready: true },
      { kind: 'Machine' as const, name: 'master', kubeadm: 'control-plane' as const },
    ];
    const outcome = await evaluateChecks(client, checks, facts({ master: 'control-plane' }));
    expect(outcome.failures).toEqual(['노드 worker-1이 아직 준비(Ready)되지 않았습니다']);
  });
});
