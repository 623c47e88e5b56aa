/**
 * What a lesson's Machine checks read from the lab (lib/lessons/machine-check.ts): kubeadm's role on a machine and
 * whether the login user's kubectl reaches the API server, by the same rule the machine's kubectl follows.
 */
import type { KubeadmRole, MachineFacts } from '../lessons/machine-check';
import { kubectlReach } from './commands-user';
import { LOGIN_USER } from './machines';
import type { MachineWorld } from './world';

const REACH_KO = {
  missing: `${LOGIN_USER.home}/.kube/config가 없습니다 (admin.conf를 복사하세요)`,
  unreadable: `${LOGIN_USER.home}/.kube/config의 주인이 root입니다 (sudo chown으로 바꾸세요)`,
  refused: 'kubeconfig가 가리키는 API 서버가 응답하지 않습니다',
} as const;

export function machineFacts(world: MachineWorld): MachineFacts {
  return {
    kubeadmRole(name): KubeadmRole {
      const cp = world.controlPlane;
      if (cp?.machine === name && cp.serving) return 'control-plane';
      return world.joined.has(name) && cp?.machine !== name ? 'worker' : 'none';
    },
    kubectlProblem(name) {
      const reach = kubectlReach(world, world.machine(name), `${LOGIN_USER.home}/.kube/config`, false);
      return reach ? REACH_KO[reach] : null;
    },
  };
}
