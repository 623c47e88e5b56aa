/**
 * The bare machines a cluster is built on: three Ubuntu VMs on a host-only network (the layout of the usual
 * Vagrant/VirtualBox kubeadm lab), with containerd running and kubelet/kubeadm/kubectl installed from the
 * Kubernetes apt repository but not configured. Pure data + small state; no cluster objects live here.
 */
import { CALICO_FILE, CALICO_YAML } from './calico-manifest';

export type MachineRole = 'control-plane' | 'worker';

export interface MachineSpec {
  name: string;
  ip: string;
  role: MachineRole;
  /** the NIC's MAC address (VirtualBox's 08:00:27 prefix) */
  mac: string;
}

export const MACHINE_NETWORK = { cidr: '192.168.56.0/24', prefix: '192.168.56.' };
export const MACHINE_SPECS: readonly MachineSpec[] = [
  { name: 'master', ip: '192.168.56.10', role: 'control-plane', mac: '08:00:27:4e:6a:10' },
  { name: 'worker-1', ip: '192.168.56.11', role: 'worker', mac: '08:00:27:4e:6a:11' },
  { name: 'worker-2', ip: '192.168.56.12', role: 'worker', mac: '08:00:27:4e:6a:12' },
];

/** The login user of every machine (sudo without a password, as on a cloud image). */
export const LOGIN_USER = { name: 'ubuntu', uid: 1000, gid: 1000, home: '/home/ubuntu' } as const;
export const ROOT_USER = { name: 'root', uid: 0, gid: 0, home: '/root' } as const;

/** Files only root may read (mode 0600 as kubeadm writes them): kubeconfigs with client keys, private keys. */
export function rootOnly(path: string): boolean {
  return /^\/etc\/kubernetes\/[^/]+\.conf$/.test(path) || /^\/etc\/kubernetes\/pki\/.*\.key$/.test(path) || path.startsWith('/root/') || path.startsWith('/var/lib/etcd/');
}

/** What the kubelet's systemd unit is doing (systemctl status kubelet). */
export type KubeletService =
  /** installed, no /var/lib/kubelet/config.yaml: exits with status 1 and systemd restarts it every 10 s */
  | 'crashloop'
  /** configured but swap is on: exits at once ("running with swap on is not supported") and restarts */
  | 'swap-fail'
  | 'running'
  | 'stopped';

export interface Machine {
  readonly spec: MachineSpec;
  files: Map<string, string>;
  /** paths whose owner is root after `sudo cp` of a root-only file (`chown` gives them back) */
  rootOwned: Set<string>;
  swapOn: boolean;
  kubelet: KubeletService;
  /** simulated epoch ms of the last kubelet state change (systemctl's "since …; Ns ago") */
  kubeletSince: number;
  /** `source <(kubectl completion bash)` ran in this machine's shell */
  kubectlCompletion: boolean;
  aliases: Map<string, string>;
  /** commands registered with `complete -F __start_kubectl NAME` */
  completeWithKubectl: Set<string>;
}

function hostsFile(): string {
  const lines = ['127.0.0.1 localhost', '127.0.1.1 ${HOST}', ''];
  for (const m of MACHINE_SPECS) lines.push(`${m.ip} ${m.name}`);
  lines.push('', '# The following lines are desirable for IPv6 capable hosts', '::1     ip6-localhost ip6-loopback', 'ff02::1 ip6-allnodes', 'ff02::2 ip6-allrouters', '');
  return lines.join('\n');
}

const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

/** A freshly provisioned machine's files (directories end in `/`, as the shell's mkdir records them). */
function initialFiles(spec: MachineSpec): Map<string, string> {
  const files = new Map<string, string>([
    ['/etc/hostname', `${spec.name}\n`],
    ['/etc/hosts', hostsFile().replace('${HOST}', spec.name)],
    ['/etc/os-release', 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\n'],
    ['/etc/fstab', '/dev/sda1 / ext4 defaults 0 1\n/swap.img none swap sw 0 0\n'],
    ['/etc/containerd/config.toml', 'version = 2\n[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n'],
    ['/etc/modules-load.d/k8s.conf', 'overlay\nbr_netfilter\n'],
    ['/etc/sysctl.d/k8s.conf', 'net.bridge.bridge-nf-call-iptables  = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward                 = 1\n'],
    ['/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', KUBEADM_DROPIN],
    ['/etc/kubernetes/manifests/', ''],
    ['/etc/cni/net.d/', ''],
    ['/var/lib/kubelet/', ''],
    [`${LOGIN_USER.home}/.bashrc`, '# ~/.bashrc: executed by bash(1) for non-login shells.\n'],
    ['/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n'],
  ]);
  // the Calico manifest waits in the master's home directory (downloaded, as in the setup notes, with curl -O)
  if (spec.role === 'control-plane') files.set(`${LOGIN_USER.home}/${CALICO_FILE}`, CALICO_YAML);
  return files;
}

export function newMachine(spec: MachineSpec, now: number): Machine {
  return {
    spec,
    files: initialFiles(spec),
    rootOwned: new Set(),
    swapOn: true,
    kubelet: 'crashloop',
    kubeletSince: now,
    kubectlCompletion: false,
    aliases: new Map(),
    completeWithKubectl: new Set(),
  };
}

/** Name → IP from a machine's /etc/hosts (what nslookup and kubeadm's name checks see). */
export function hostsEntries(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (files.get('/etc/hosts') ?? '').split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !names.length) continue;
    for (const n of names) if (!out.has(n)) out.set(n, ip);
  }
  return out;
}
