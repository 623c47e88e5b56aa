import { describe, expect, it } from 'vitest';
import { MACHINE_LAB_CORRUPT_NOTICE, MachineJournal, readMachineLab, replayMachineLab } from './machine-lab';
import { machineFacts } from './lesson-facts';
import { machinesLab } from './testing';

/** Types lines into a lab as a student would, journaling each at the simulated time it ran. */
async function typed(lines: [string, string, number][]) {
  const lab = machinesLab(9);
  const journal = new MachineJournal();
  for (const [machine, line, waitMs] of lines) {
    lab.sim.advance(waitMs);
    journal.record(lab.sim.now(), machine, line);
    await lab.on(machine, line);
  }
  return { lab, journal };
}

const SETUP: [string, string, number][] = [
  ['master', 'sudo swapoff -a', 3_000],
  ['master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16', 2_000],
  ['master', 'mkdir -p $HOME/.kube && sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config && sudo chown $(id -u):$(id -g) $HOME/.kube/config', 4_000],
  ['master', 'alias k=kubectl', 1_000],
  ['worker-1', 'sudo swapoff -a', 1_000],
  ['master', 'kubectl apply -f calico.yaml', 5_000],
];

describe('machine lab journal', () => {
  it('replayed onto fresh machines of the same seed, rebuilds the machines and the cluster', async () => {
    const { lab, journal } = await typed(SETUP);
    const join = (await lab.on('master', 'sudo kubeadm token create --print-join-command')).stdout.trim();
    journal.record(lab.sim.now(), 'master', 'sudo kubeadm token create --print-join-command');
    lab.sim.advance(2_000);
    journal.record(lab.sim.now(), 'worker-1', `sudo ${join}`);
    await lab.on('worker-1', `sudo ${join}`);
    lab.sim.advance(60_000);

    const saved = readMachineLab(journal.serialize(9), 9);
    expect(saved.kind).toBe('ok');
    const fresh = machinesLab(9);
    if (saved.kind === 'ok') await replayMachineLab(saved.lab, { now: () => fresh.sim.now(), advance: (ms) => fresh.sim.advance(ms), run: (m, l) => fresh.on(m, l) });
    fresh.sim.advance(lab.sim.now() - fresh.sim.now());

    const facts = [machineFacts(lab.world), machineFacts(fresh.world)];
    expect(facts.map((f) => [f.kubeadmRole('master'), f.kubeadmRole('worker-1'), f.kubectlProblem('master')])).toEqual([
      ['control-plane', 'worker', null],
      ['control-plane', 'worker', null],
    ]);
    const nodes = [(await lab.on('master', 'kubectl get nodes')).stdout, (await fresh.on('master', 'kubectl get nodes')).stdout];
    expect(nodes[1]).toBe(nodes[0]);
    expect(nodes[1]).toMatch(/worker-1\s+Ready/);
    // the machine's alias came back too (machines keep aliases; a new terminal shell sees them)
    expect((await fresh.on('master', 'k get nodes')).stdout).toContain('master');
  });

  it('a corrupt or foreign save is reported, never replayed', () => {
    expect(readMachineLab(null, 9)).toEqual({ kind: 'none' });
    expect(readMachineLab('{not json', 9)).toEqual({ kind: 'corrupt' });
    expect(readMachineLab(JSON.stringify({ v: 1, seed: 9, entries: [{ at: 0, machine: 'worker-9', line: 'ls' }] }), 9)).toEqual({ kind: 'corrupt' });
    expect(readMachineLab(JSON.stringify({ v: 1, seed: 9, entries: [{ at: 5, machine: 'master', line: 'ls' }, { at: 1, machine: 'master', line: 'ls' }] }), 9)).toEqual({ kind: 'corrupt' });
    expect(readMachineLab(JSON.stringify({ v: 1, seed: 4, entries: [] }), 9)).toEqual({ kind: 'other-seed' });
    expect(MACHINE_LAB_CORRUPT_NOTICE).toMatch(/손상되어 빈 머신 세 대로 새로 시작했어요/);
  });
});
