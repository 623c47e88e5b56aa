/**
 * The machine world records which kubeadm phases ran, in upstream order, and what each did to the cluster.
 * Upstream: cmd/kubeadm/app/cmd/init.go (initRunner.AppendPhase: preflight, certs, kubeconfig, etcd, control-plane,
 * kubelet-start, wait-control-plane, upload-config, upload-certs, mark-control-plane, bootstrap-token,
 * kubelet-finalize, addon), cmd/kubeadm/app/cmd/phases/init/{certs,kubeconfig,etcd,controlplane,markcontrolplane,
 * bootstraptoken,addons}.go, cmd/kubeadm/app/cmd/join.go (preflight, kubelet-start for a worker),
 * cmd/kubeadm/app/cmd/reset.go (preflight, remove-etcd-member, cleanup-node) and
 * https://kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-init/#init-workflow.
 */
import { describe, expect, it } from 'vitest';
import { machinesLab } from './testing';
import type { KubeadmEvent } from './kubeadm-phases';
import { eventPhases } from './kubeadm-phases';

const UPSTREAM_INIT_ORDER = ['preflight', 'certs', 'kubeconfig', 'etcd', 'control-plane', 'kubelet-start', 'wait-control-plane', 'upload-config', 'upload-certs', 'mark-control-plane', 'bootstrap-token', 'kubelet-finalize', 'addons'];

function recorded(lab: ReturnType<typeof machinesLab>) {
  const heard: KubeadmEvent[] = [];
  lab.world.onKubeadm((e) => heard.push(e));
  return heard;
}

describe('kubeadm phase events', () => {
  it('init reports every phase in upstream order, and each phase left its mark on the machine and the cluster', async () => {
    const lab = machinesLab(3);
    const heard = recorded(lab);
    await lab.on('master', 'sudo swapoff -a');
    await lab.on('master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16');
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ seq: 1, machine: 'master', op: 'init', controlPlane: true, ok: true, phases: UPSTREAM_INIT_ORDER });
    const files = lab.world.machine('master').files;
    // certs: the cluster CA and the API server's serving cert in /etc/kubernetes/pki
    expect(files.has('/etc/kubernetes/pki/ca.crt')).toBe(true);
    expect(files.has('/etc/kubernetes/pki/apiserver.crt')).toBe(true);
    // kubeconfig: admin.conf and the components' kubeconfigs in /etc/kubernetes
    for (const f of ['admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf']) expect(files.has(`/etc/kubernetes/${f}`)).toBe(true);
    // etcd + control-plane: static pod manifests, whose mirror pods the kubelet creates in kube-system
    const pods = lab.sim.list('Pod', 'kube-system').items.map((p) => p.metadata!.name);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      expect(files.has(`/etc/kubernetes/manifests/${c}.yaml`)).toBe(true);
      expect(pods).toContain(`${c}-master`);
    }
    // upload-config and bootstrap-token: the kubeadm-config and cluster-info ConfigMaps
    expect(lab.sim.list('ConfigMap', 'kube-system').items.map((c) => c.metadata!.name)).toContain('kubeadm-config');
    expect(lab.sim.list('ConfigMap', 'kube-public').items.map((c) => c.metadata!.name)).toContain('cluster-info');
    // every phase comes with a Korean explanation; certs names the pki directory
    const phases = eventPhases(heard[0]);
    expect(phases.map((p) => p.id)).toEqual(UPSTREAM_INIT_ORDER);
    expect(phases.every((p) => /[가-힣]/.test(p.ko))).toBe(true);
    expect(phases.find((p) => p.id === 'certs')!.ko).toContain('/etc/kubernetes/pki');
  });

  it('a failed init says where it stopped: preflight without root, wait-control-plane with swap on', async () => {
    const lab = machinesLab(3);
    const heard = recorded(lab);
    await lab.on('master', 'kubeadm init');
    await lab.on('master', 'sudo kubeadm init');
    expect(heard.map((e) => [e.ok, e.phases.at(-1)])).toEqual([
      [false, 'preflight'],
      [false, 'wait-control-plane'],
    ]);
    expect(heard[1].phases).toEqual(UPSTREAM_INIT_ORDER.slice(0, UPSTREAM_INIT_ORDER.indexOf('wait-control-plane') + 1));
  });

  it('join reports preflight (token discovery) and kubelet-start; a worker reset has no etcd member to remove', async () => {
    const lab = machinesLab(3);
    for (const m of ['master', 'worker-1']) await lab.on(m, 'sudo swapoff -a');
    const init = await lab.on('master', 'sudo kubeadm init');
    const join = /kubeadm join .*\\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}/.exec(init.stdout)![0].replace(/ \\\n\t/, ' ');
    const heard = recorded(lab);
    await lab.on('worker-1', `sudo kubeadm join 192.168.56.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:${'0'.repeat(64)}`);
    await lab.on('worker-1', `sudo ${join}`);
    await lab.on('worker-1', 'sudo kubeadm reset -f');
    await lab.on('master', 'sudo kubeadm reset -f');
    expect(heard.map((e) => ({ machine: e.machine, op: e.op, ok: e.ok, phases: e.phases }))).toEqual([
      { machine: 'worker-1', op: 'join', ok: false, phases: ['preflight'] },
      { machine: 'worker-1', op: 'join', ok: true, phases: ['preflight', 'kubelet-start'] },
      { machine: 'worker-1', op: 'reset', ok: true, phases: ['preflight', 'cleanup-node'] },
      { machine: 'master', op: 'reset', ok: true, phases: ['preflight', 'remove-etcd-member', 'cleanup-node'] },
    ]);
  });

  it('the CNI landing is an event per node, once: when calico-node has made the node Ready (kubelet NetworkReady)', async () => {
    const lab = machinesLab(3);
    await lab.on('master', 'sudo swapoff -a');
    await lab.on('master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16');
    await lab.on('master', 'mkdir -p $HOME/.kube && sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config && sudo chown $(id -u):$(id -g) $HOME/.kube/config');
    const heard = recorded(lab);
    lab.world.sync();
    expect(heard).toEqual([]); // no CNI yet: the node is NotReady
    await lab.on('master', 'kubectl apply -f calico.yaml');
    lab.sim.advance(120_000);
    lab.world.sync();
    lab.world.sync();
    expect(heard.map((e) => [e.machine, e.op, e.phases])).toEqual([['master', 'cni', ['cni']]]);
    expect(lab.world.machine('master').files.has('/etc/cni/net.d/10-calico.conflist')).toBe(true);
    expect(eventPhases(heard[0])[0].ko).toContain('/etc/cni/net.d');
  });

  it('a world reset forgets the events (fresh machines)', async () => {
    const lab = machinesLab(3);
    await lab.on('master', 'kubeadm init');
    expect(lab.world.kubeadmEvents).toHaveLength(1);
    lab.world.reset();
    expect(lab.world.kubeadmEvents).toEqual([]);
  });
});
