/**
 * What lesson 09 (cluster-setup, bare machines) says it shows, checked on the lab it runs on: the join button is the
 * line init prints for the lesson's seed, the pod network range and Calico's pool, the per-node podCIDRs, the
 * NotReady reason before a CNI (kubelet's "container runtime network not ready: NetworkReady=false … cni plugin not
 * initialized", pkg/kubelet/nodestatus/setters.go), and what kubeadm reset leaves behind
 * (cmd/kubeadm/app/cmd/reset.go cniCleanupInstructions).
 */
import { describe, expect, it } from 'vitest';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { lessonOutline } from '@/lib/lessons/outline';
import { CALICO_YAML } from '@/lib/machines';
import { machinesLab } from '@/lib/machines/testing';
import { lesson } from './lesson-cluster';

/** 10.244.1.0/24 → [first, last] as 32-bit numbers. */
function cidrRange(cidr: string): [number, number] {
  const [ip, bits] = cidr.split('/');
  const n = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  return [n - (n % size), n - (n % size) + size - 1];
}
const inside = (ip: string, cidr: string) => {
  const [lo, hi] = cidrRange(cidr);
  const n = cidrRange(`${ip}/32`)[0];
  return n >= lo && n <= hi;
};

const l = lesson('cluster-setup');
const steps = lessonOutline(l.body).runSteps;
const initStep = steps.find((s) => s.cmd.startsWith('sudo kubeadm init'))!;
const joinSteps = steps.filter((s) => s.cmd.startsWith('sudo kubeadm join'));

/** The lab after the lesson's init, kubeconfig, Calico and joins, settled. */
async function builtCluster() {
  const lab = machinesLab(l.seed ?? l.order);
  for (const m of ['master', 'worker-1', 'worker-2']) await lab.on(m, 'sudo swapoff -a');
  const init = await lab.on('master', initStep.cmd);
  for (const line of ['mkdir -p $HOME/.kube', 'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config', 'sudo chown $(id -u):$(id -g) $HOME/.kube/config']) await lab.on('master', line);
  lab.sim.advance(30_000);
  const notReady = await lab.on('master', 'kubectl describe node master');
  await lab.on('master', 'kubectl apply -f calico.yaml');
  for (const s of joinSteps) await lab.on(s.machine!, s.cmd);
  lab.sim.advance(120_000);
  return { ...lab, init, notReady };
}

describe('cluster-setup on bare machines', () => {
  it('the join buttons run, on each worker, the join line init prints for the lesson seed', async () => {
    const { init } = await builtCluster();
    const printed = /kubeadm join .*\\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}/.exec(init.stdout)![0].replace(/ \\\n\t/, ' ');
    expect(joinSteps.map((s) => [s.machine, s.cmd])).toEqual([
      ['worker-1', `sudo ${printed}`],
      ['worker-2', `sudo ${printed}`],
    ]);
  });

  it('the pod network range holds every node podCIDR and none of the node addresses; the lab Calico pool matches it', async () => {
    const { client, notReady } = await builtCluster();
    const podCidr = /--pod-network-cidr=([\d./]+)/.exec(initStep.cmd)![1];
    expect(l.body).toContain(`value: "${podCidr}"`); // the CALICO_IPV4POOL_CIDR the lesson sets
    expect(CALICO_YAML).toMatch(new RegExp(`name: CALICO_IPV4POOL_CIDR\\n\\s+value: "${podCidr.replace(/\./g, '\\.')}"`));
    expect(notReady.stdout).toContain('container runtime network not ready: NetworkReady=false');
    expect(notReady.stdout).toContain('cni plugin not initialized');
    const nodes = (await client.list('Node')) as V1Node[];
    expect(nodes.map((n) => n.metadata!.name).sort()).toEqual(['master', 'worker-1', 'worker-2']);
    for (const n of nodes) {
      const [lo, hi] = cidrRange(n.spec!.podCIDR!);
      expect(lo >= cidrRange(podCidr)[0] && hi <= cidrRange(podCidr)[1]).toBe(true);
      const address = n.status!.addresses!.find((a) => a.type === 'InternalIP')!.address;
      expect(inside(address, podCidr)).toBe(false);
      expect(l.body).toContain(address);
    }
    // "이 실습에서는 worker-1이 10.244.1.0/24, worker-2가 10.244.2.0/24"
    const cidrOf = (name: string) => nodes.find((n) => n.metadata!.name === name)!.spec!.podCIDR;
    expect([cidrOf('worker-1'), cidrOf('worker-2')]).toEqual(['10.244.1.0/24', '10.244.2.0/24']);
    expect(l.body).toContain('`worker-1`이 `10.244.1.0/24`, `worker-2`가 `10.244.2.0/24`');
    expect(inside('10.96.0.1', podCidr)).toBe(false); // kubeadm's default service range 10.96.0.0/12
    const calico = ((await client.list('Pod', 'kube-system')) as V1Pod[]).find((p) => p.metadata?.name?.startsWith('calico-node-'))!;
    const tag = calico.spec!.containers[0].image!.split(':')[1];
    expect(l.body).toContain(`projectcalico/calico/${tag}/manifests/calico.yaml`);
  });

  it('reset on a worker leaves the CNI config, as the lesson says, and rm -rf clears it', async () => {
    const { on } = await builtCluster();
    const reset = await on('worker-2', 'sudo kubeadm reset -f');
    expect(reset.stdout).toContain('The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d');
    expect((await on('worker-2', 'ls /etc/cni/net.d')).stdout).toBe('10-calico.conflist\n');
    await on('worker-2', 'sudo rm -rf /etc/cni/net.d');
    expect((await on('worker-2', 'ls /etc/cni/net.d')).exitCode).not.toBe(0);
  });

  it('a worker reset without deleting its Node leaves the Node NotReady', async () => {
    const { on, sim } = await builtCluster();
    await on('worker-1', 'sudo kubeadm reset -f');
    sim.advance(60_000);
    expect((await on('master', 'kubectl get nodes')).stdout).toMatch(/worker-1\s+NotReady/);
    expect(l.body).toContain('노드를 지우지 않고 워커에서 reset만 하면, 노드는 목록에 남은 채 kubelet의 연락이 끊겨 잠시 뒤 `NotReady`가 됩니다.');
  });
});
