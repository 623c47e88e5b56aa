/**
 * The whole setup on bare machines, as a learner types it: check names, turn swap off, kubeadm init on master,
 * kubectl setup, join both workers, apply Calico, then reset. Expected text is kubeadm v1.34's:
 * - cmd/kubeadm/app/cmd/init.go (initDoneTempl: "Your Kubernetes control-plane has initialized successfully!",
 *   the mkdir/cp/chown lines, the join command), app/cmd/phases/init/* (one "[phase]" line each)
 * - cmd/kubeadm/app/cmd/join.go (joinWorkerNodeDoneMsg "This node has joined the cluster:")
 * - cmd/kubeadm/app/cmd/reset.go (cniCleanupInstructions, iptablesCleanupInstructions)
 * - cmd/kubeadm/app/preflight/checks.go (IsPrivilegedUser "user is not running as root", PortOpenCheck
 *   "Port 6443 is in use", FileAvailableCheck "… already exists", SwapCheck's warning)
 * - cmd/kubeadm/app/discovery/token/token.go ("could not find a JWS signature in the cluster-info ConfigMap")
 * - staging/src/k8s.io/kubectl (no kubeconfig: "The connection to the server localhost:8080 was refused")
 * - systemd: an unconfigured kubelet is "activating (auto-restart)" (kubelet.service Restart=always, RestartSec=10)
 */
import { describe, expect, it } from 'vitest';
import { machinesLab } from './testing';

const lab = () => machinesLab(7);

/** The join line init printed, as one line (its backslash-newline-tab continuation folded). */
const joinLine = (initOut: string) => /kubeadm join .*\\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}/.exec(initOut)![0].replace(/ \\\n\t/, ' ');

describe('bare machines', () => {
  it('have names, addresses, /etc/hosts and a kubelet that keeps restarting until kubeadm configures it', async () => {
    const { on } = lab();
    expect((await on('worker-1', 'hostname')).stdout).toBe('worker-1\n');
    expect((await on('master', 'ip addr')).stdout).toContain('inet 192.168.56.10/24 brd 192.168.56.255 scope global enp0s8');
    expect((await on('master', 'nslookup worker-2')).stdout).toContain('Name:\tworker-2\nAddress: 192.168.56.12');
    const missing = await on('master', 'nslookup worker-3');
    expect(missing.stdout).toContain("** server can't find worker-3: NXDOMAIN");
    expect(missing.exitCode).toBe(1);
    const status = await on('master', 'systemctl status kubelet');
    expect(status.stdout).toContain('Active: activating (auto-restart) (Result: exit-code)');
    expect(status.stdout).toContain('open /var/lib/kubelet/config.yaml: no such file or directory');
    expect((await on('master', 'systemctl status containerd')).stdout).toContain('Active: active (running)');
    expect((await on('master', 'kubectl get nodes')).stderr).toContain('The connection to the server localhost:8080 was refused - did you specify the right host or port?');
  });

  it('refuse kubeadm init without root, and say why', async () => {
    const { on } = lab();
    const r = await on('master', 'kubeadm init');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR IsPrivilegedUser]: user is not running as root');
    expect(r.stderr).toContain('힌트: kubeadm은 root 권한이 필요해요');
  });

  it('with swap on, init warns and then fails at kubelet-check; the kubelet log says why', async () => {
    const { on, sim } = lab();
    const r = await on('master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16');
    expect(r.stderr).toContain('[WARNING Swap]: swap is supported for cgroup v2 only');
    expect(r.stderr).toContain('error execution phase wait-control-plane: failed while waiting for the kubelet to start');
    expect(r.exitCode).toBe(1);
    expect(sim.list('Node').items).toEqual([]);
    expect((await on('master', 'journalctl -u kubelet')).stdout).toContain('running with swap on is not supported');
    // what init wrote stays: a second init is refused until reset
    await on('master', 'sudo swapoff -a');
    const again = await on('master', 'sudo kubeadm init');
    expect(again.stderr).toContain('[ERROR FileAvailable--etc-kubernetes-manifests-kube-apiserver.yaml]: /etc/kubernetes/manifests/kube-apiserver.yaml already exists');
  });

  it('go from bare to a Ready 3-node cluster and back', async () => {
    const { on, sim, shells } = lab();
    for (const m of ['master', 'worker-1', 'worker-2']) expect((await on(m, 'sudo swapoff -a')).exitCode).toBe(0);
    const init = await on('master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16 --apiserver-advertise-address=192.168.56.10');
    expect(init.exitCode).toBe(0);
    const phases = [...init.stdout.matchAll(/^\[([a-z-]+)\]/gm)].map((m) => m[1]);
    expect([...new Set(phases)]).toEqual(['init', 'preflight', 'certs', 'kubeconfig', 'etcd', 'control-plane', 'kubelet-start', 'wait-control-plane', 'kubelet-check', 'control-plane-check', 'upload-config', 'kubelet', 'upload-certs', 'mark-control-plane', 'bootstrap-token', 'kubelet-finalize', 'addons']);
    expect(init.stdout).toContain('Your Kubernetes control-plane has initialized successfully!');
    expect(init.stdout).toContain('  mkdir -p $HOME/.kube\n  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config\n  sudo chown $(id -u):$(id -g) $HOME/.kube/config');
    const join = joinLine(init.stdout);
    expect(join).toMatch(/^kubeadm join 192\.168\.56\.10:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64}$/);
    expect((await on('master', 'systemctl status kubelet')).stdout).toContain('Active: active (running)');

    // kubectl: nothing until admin.conf is copied; root's copy is unreadable until chown
    expect((await on('master', 'kubectl get nodes')).stderr).toContain('localhost:8080 was refused');
    expect((await on('master', 'cat /etc/kubernetes/admin.conf')).stderr).toBe('cat: /etc/kubernetes/admin.conf: Permission denied\n');
    await on('master', 'mkdir -p $HOME/.kube');
    await on('master', 'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config');
    expect((await on('master', 'kubectl get nodes')).stderr).toContain('permission denied');
    await on('master', 'sudo chown $(id -u):$(id -g) $HOME/.kube/config');
    sim.advance(30_000);
    const nodes = await on('master', 'kubectl get nodes');
    expect(nodes.stdout).toMatch(/master\s+NotReady\s+control-plane/);

    // workers: a wrong token is refused in kubeadm's words, the printed line works
    const wrong = await on('worker-1', 'sudo kubeadm join 192.168.56.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:' + '0'.repeat(64));
    expect(wrong.stderr).toContain('could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"');
    for (const w of ['worker-1', 'worker-2']) {
      const r = await on(w, `sudo ${join}`);
      expect(r.stdout).toContain('This node has joined the cluster:');
    }
    sim.advance(30_000);
    const notReady = await on('master', 'kubectl get nodes');
    expect(notReady.stdout.match(/NotReady/g)).toHaveLength(3);
    expect((await on('master', 'kubectl get pods -n kube-system -l k8s-app=kube-dns')).stdout).toMatch(/coredns-\S+\s+0\/1\s+Pending/);
    expect((await on('master', 'kubectl describe node worker-1')).stdout).toContain('cni plugin not initialized');

    // Calico: every node Ready, CoreDNS runs, and the CNI config appears on each machine
    expect((await on('master', 'kubectl apply -f calico.yaml')).stdout).toContain('daemonset.apps/calico-node created');
    sim.advance(120_000);
    const ready = await on('master', 'kubectl get nodes');
    expect(ready.stdout.match(/ Ready /g)).toHaveLength(3);
    expect((await on('master', 'kubectl get pods -n kube-system -l k8s-app=kube-dns')).stdout).toMatch(/coredns-\S+\s+1\/1\s+Running/);
    expect((await on('worker-2', 'ls /etc/cni/net.d')).stdout).toBe('10-calico.conflist\n');

    // completion and the alias
    expect(shells.get('master')!.kubectlCompletionFor('k get po')).toBeUndefined();
    await on('master', 'source <(kubectl completion bash)');
    await on('master', 'alias k=kubectl');
    await on('master', 'complete -o default -F __start_kubectl k');
    expect(shells.get('master')!.kubectlCompletionFor('k get po')).toEqual({ kubectlLine: 'kubectl get po', word: 'k' });
    expect((await on('master', 'k get nodes')).stdout).toContain('worker-2');

    // a second init on master is refused; reset a worker, then the whole cluster
    const twice = await on('master', 'sudo kubeadm init');
    expect(twice.stderr).toContain('[ERROR Port-6443]: Port 6443 is in use');
    const resetWorker = await on('worker-2', 'sudo kubeadm reset -f');
    expect(resetWorker.stdout).toContain('The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d');
    expect(resetWorker.stdout).toContain('Please, check the contents of the $HOME/.kube/config file.');
    expect((await on('worker-2', 'ls /etc/cni/net.d')).stdout).toBe('10-calico.conflist\n');
    sim.advance(60_000);
    expect((await on('master', 'kubectl get nodes')).stdout).toMatch(/worker-2\s+NotReady/);
    const resetMaster = await on('master', 'sudo kubeadm reset');
    expect(resetMaster.stderr).toContain("won't proceed; the user didn't answer (Y|y) in order to continue");
    expect((await on('master', 'echo y | sudo kubeadm reset')).stdout).toContain('[reset] Deleted contents of the etcd data directory: /var/lib/etcd');
    expect((await on('master', 'kubectl get nodes')).stderr).toContain('The connection to the server 192.168.56.10:6443 was refused');
    expect(sim.list('Node').items).toEqual([]);
  });

  it('token create --print-join-command gives a line that works', async () => {
    const { on } = lab();
    for (const m of ['master', 'worker-1']) await on(m, 'sudo swapoff -a');
    await on('master', 'sudo kubeadm init');
    const line = (await on('master', 'sudo kubeadm token create --print-join-command')).stdout.trim();
    expect(line).toMatch(/^kubeadm join 192\.168\.56\.10:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64}$/);
    expect((await on('worker-1', `sudo ${line}`)).exitCode).toBe(0);
    expect((await on('worker-1', `sudo ${line}`)).stderr).toContain('[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists');
  });

  it('warns when the pod network overlaps the machines network', async () => {
    const { on } = lab();
    await on('master', 'sudo swapoff -a');
    const r = await on('master', 'sudo kubeadm init --pod-network-cidr=192.168.0.0/16');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('파드 네트워크 192.168.0.0/16이(가) 머신 네트워크 192.168.56.0/24와 겹쳐요');
  });
});
