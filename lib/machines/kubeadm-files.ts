/**
 * The files kubeadm writes on a machine and the ones `kubeadm reset` deletes (cmd/kubeadm/app/constants:
 * /etc/kubernetes/{admin,super-admin,kubelet,controller-manager,scheduler}.conf, manifests/, pki/,
 * /var/lib/kubelet/config.yaml and kubeadm-flags.env; reset: app/cmd/phases/reset/cleanupnode.go).
 */
import type { Machine } from './machines';
import { KUBECONFIG_FILES, KUBEADM_VERSION } from './kubeadm-text';

const B64 = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJ';

function kubeconfig(server: string, user: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${B64}
    server: https://${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${user}
  user:
    client-certificate-data: ${B64}
    client-key-data: ${B64}
`;
}

/** host:port of a kubeconfig's server (what kubectl dials). */
export function kubeconfigServer(config: string): string {
  const m = /server:\s*https?:\/\/([^\s/]+)/.exec(config);
  if (!m) return 'localhost:8080';
  return m[1].includes(':') ? m[1] : `${m[1]}:443`;
}

const USERS: Record<string, string> = {
  'admin.conf': 'kubernetes-admin',
  'super-admin.conf': 'kubernetes-super-admin',
  'kubelet.conf': 'system:node:NODE',
  'controller-manager.conf': 'system:kube-controller-manager',
  'scheduler.conf': 'system:kube-scheduler',
};

function staticPodManifest(component: string, image: string, command: string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${component}
    tier: control-plane
  name: ${component}
  namespace: kube-system
spec:
  containers:
  - command:
${command.map((c) => `    - ${c}`).join('\n')}
    image: ${image}
    name: ${component}
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
`;
}

const PKI = ['ca', 'apiserver', 'apiserver-kubelet-client', 'front-proxy-ca', 'front-proxy-client', 'apiserver-etcd-client', 'etcd/ca', 'etcd/server', 'etcd/peer', 'etcd/healthcheck-client'];

function kubeletFiles(m: Machine): void {
  m.files.set('/var/lib/kubelet/config.yaml', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\nclusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\nstaticPodPath: /etc/kubernetes/manifests\n');
  m.files.set('/var/lib/kubelet/kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10.1"\n');
}

export function initFiles(m: Machine, o: { endpoint: string; advertise: string; podSubnet?: string }): void {
  for (const p of PKI) {
    m.files.set(`/etc/kubernetes/pki/${p}.crt`, '-----BEGIN CERTIFICATE-----\n(시뮬레이터 인증서)\n-----END CERTIFICATE-----\n');
    m.files.set(`/etc/kubernetes/pki/${p}.key`, '-----BEGIN RSA PRIVATE KEY-----\n(시뮬레이터 개인 키)\n-----END RSA PRIVATE KEY-----\n');
  }
  m.files.set('/etc/kubernetes/pki/sa.key', '-----BEGIN RSA PRIVATE KEY-----\n(시뮬레이터 개인 키)\n-----END RSA PRIVATE KEY-----\n');
  m.files.set('/etc/kubernetes/pki/sa.pub', '-----BEGIN PUBLIC KEY-----\n(시뮬레이터 공개 키)\n-----END PUBLIC KEY-----\n');
  for (const f of KUBECONFIG_FILES) m.files.set(`/etc/kubernetes/${f}`, kubeconfig(f === 'kubelet.conf' || f === 'admin.conf' || f === 'super-admin.conf' ? o.endpoint : `${o.advertise}:6443`, USERS[f].replace('NODE', m.spec.name)));
  const img = (n: string) => `registry.k8s.io/${n}:${KUBEADM_VERSION}`;
  const manifests: [string, string, string[]][] = [
    ['etcd', 'registry.k8s.io/etcd:3.6.4-0', ['etcd', `--advertise-client-urls=https://${o.advertise}:2379`, '--data-dir=/var/lib/etcd']],
    ['kube-apiserver', img('kube-apiserver'), ['kube-apiserver', `--advertise-address=${o.advertise}`, '--etcd-servers=https://127.0.0.1:2379', '--service-cluster-ip-range=10.96.0.0/12']],
    ['kube-controller-manager', img('kube-controller-manager'), ['kube-controller-manager', ...(o.podSubnet ? ['--allocate-node-cidrs=true', `--cluster-cidr=${o.podSubnet}`] : []), '--kubeconfig=/etc/kubernetes/controller-manager.conf']],
    ['kube-scheduler', img('kube-scheduler'), ['kube-scheduler', '--kubeconfig=/etc/kubernetes/scheduler.conf']],
  ];
  for (const [c, image, cmd] of manifests) m.files.set(`/etc/kubernetes/manifests/${c}.yaml`, staticPodManifest(c, image, cmd));
  m.files.set('/var/lib/etcd/member/snap/db', '');
  kubeletFiles(m);
}

export function joinFiles(m: Machine, o: { endpoint: string; caHash: string }): void {
  m.files.set('/etc/kubernetes/pki/ca.crt', '-----BEGIN CERTIFICATE-----\n(클러스터 CA 인증서)\n-----END CERTIFICATE-----\n');
  m.files.set('/etc/kubernetes/kubelet.conf', kubeconfig(o.endpoint, `system:node:${m.spec.name}`));
  kubeletFiles(m);
}

/** reset: contents of manifests/, pki/, /var/lib/kubelet, /var/lib/etcd and the kubeconfig files go; the rest stays. */
export function removeResetFiles(m: Machine): void {
  const dirs = ['/etc/kubernetes/manifests/', '/etc/kubernetes/pki/', '/var/lib/kubelet/', '/var/lib/etcd/'];
  const files = new Set([...KUBECONFIG_FILES, 'bootstrap-kubelet.conf'].map((f) => `/etc/kubernetes/${f}`));
  for (const p of [...m.files.keys()]) if (files.has(p) || dirs.some((d) => p.startsWith(d) && p !== d)) m.files.delete(p);
  m.files.set('/etc/kubernetes/manifests/', '');
  m.files.set('/var/lib/kubelet/', '');
}
