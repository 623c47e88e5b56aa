/**
 * Exercise checks about the lab's machines rather than API objects: what `kubeadm` made of a machine (control plane,
 * joined worker, or nothing — never set up or reset) and whether the login user's kubectl reaches the API server.
 * The facts come from the bare-machines lab through the small MachineFacts interface, so this module stays free of
 * the machine shells and tests can pass a fake.
 */
import { z } from '../validation/zod';
import { MACHINE_SPECS } from '../machines/machines';
import { josa } from '../text/korean';

export const KUBEADM_ROLES = ['control-plane', 'worker', 'none'] as const;
export type KubeadmRole = (typeof KUBEADM_ROLES)[number];

export const MACHINE_NAMES = MACHINE_SPECS.map((m) => m.name) as [string, ...string[]];

export const MachineCheckSchema = z
  .strictObject({
    kind: z.literal('Machine'),
    name: z.enum(MACHINE_NAMES, { error: (iss) => `머신 "${String(iss.input)}"는 실습장에 없습니다 (${MACHINE_NAMES.join(', ')})` }),
    /** control-plane: init ran and its API server serves; worker: joined; none: never set up, or reset. */
    kubeadm: z.enum(KUBEADM_ROLES, { error: (iss) => `kubeadm "${String(iss.input)}"는 ${KUBEADM_ROLES.join(', ')} 중 하나여야 합니다` }).optional(),
    /** kubectl typed by the login user (not root) on this machine reaches the API server. */
    kubectl: z.literal(true, { error: 'kubectl은 true만 쓸 수 있습니다' }).optional(),
  })
  .refine((c) => c.kubeadm !== undefined || c.kubectl !== undefined, { error: 'Machine 검사에는 kubeadm이나 kubectl 조건이 필요합니다' });

export type MachineCheck = z.infer<typeof MachineCheckSchema>;

/** What a machine check reads from the lab. */
export interface MachineFacts {
  kubeadmRole(machine: string): KubeadmRole;
  /** null when the login user's `kubectl` would reach the API server; otherwise why not, in Korean. */
  kubectlProblem(machine: string): string | null;
}

const ROLE_KO: Record<KubeadmRole, string> = {
  'control-plane': '컨트롤 플레인(kubeadm init 완료)',
  worker: '합류한 워커(kubeadm join 완료)',
  none: 'kubeadm 설정이 없는 상태(init·join 전이거나 reset 후)',
};

/** Every unmet expectation of one machine check, in Korean; empty when it holds. */
export function evaluateMachineCheck(facts: MachineFacts | null, check: MachineCheck): string[] {
  if (!facts) return ['이 과제는 빈 머신 실습장에서만 확인할 수 있습니다. 이 레슨의 실습 화면(머신 선택이 보이는 터미널)에서 확인을 눌러 주세요.'];
  const failures: string[] = [];
  if (check.kubeadm) {
    const role = facts.kubeadmRole(check.name);
    if (role !== check.kubeadm) failures.push(`${josa(`머신 ${check.name}`, '이/가')} ${ROLE_KO[check.kubeadm]}가 아닙니다 (지금: ${ROLE_KO[role]})`);
  }
  if (check.kubectl) {
    const problem = facts.kubectlProblem(check.name);
    if (problem) failures.push(`머신 ${check.name}에서 ubuntu 사용자의 kubectl이 아직 클러스터에 닿지 않습니다: ${problem}`);
  }
  return failures;
}
