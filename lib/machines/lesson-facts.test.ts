/**
 * The facts a lesson's Machine checks read, from a real lab: kubeadm's role per machine through init, join and reset,
 * and kubectl for the login user only once admin.conf is copied and chowned (kubeadm v1.34 init.go's initDoneTempl
 * gives those three lines; kubectl without a readable kubeconfig cannot reach the server).
 */
import { describe, expect, it } from 'vitest';
import { machineFacts } from './lesson-facts';
import { machinesLab } from './testing';

describe('machineFacts', () => {
  it('follows kubeadm and the kubeconfig from bare machines to a reset worker', async () => {
    const { world, on } = machinesLab(9);
    const facts = machineFacts(world);
    expect(['master', 'worker-1'].map((m) => facts.kubeadmRole(m))).toEqual(['none', 'none']);
    expect(facts.kubectlProblem('master')).toMatch(/config가 없습니다/);

    for (const m of ['master', 'worker-1']) await on(m, 'sudo swapoff -a');
    expect((await on('master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16')).exitCode).toBe(0);
    expect(facts.kubeadmRole('master')).toBe('control-plane');

    await on('master', 'mkdir -p $HOME/.kube');
    await on('master', 'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config');
    expect(facts.kubectlProblem('master')).toMatch(/주인이 root/);
    await on('master', 'sudo chown $(id -u):$(id -g) $HOME/.kube/config');
    expect(facts.kubectlProblem('master')).toBeNull();

    const join = (await on('master', 'sudo kubeadm token create --print-join-command')).stdout.trim();
    expect((await on('worker-1', `sudo ${join}`)).exitCode).toBe(0);
    expect(facts.kubeadmRole('worker-1')).toBe('worker');
    expect(facts.kubeadmRole('worker-2')).toBe('none');

    await on('worker-1', 'sudo kubeadm reset -f');
    expect(facts.kubeadmRole('worker-1')).toBe('none');
    await on('master', 'sudo kubeadm reset -f');
    expect(facts.kubeadmRole('master')).toBe('none');
    expect(facts.kubectlProblem('master')).toMatch(/응답하지 않습니다/);
  });
});
