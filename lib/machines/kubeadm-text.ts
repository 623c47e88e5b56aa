/**
 * What kubeadm v1.34 prints, phase by phase. Shapes and wording follow kubernetes/kubernetes cmd/kubeadm:
 * app/cmd/init.go (initDoneTempl), app/cmd/join.go (joinWorkerNodeDoneMsg), app/cmd/reset.go and
 * app/cmd/phases/reset/cleanupnode.go (what reset leaves behind), app/preflight/checks.go (preflight errors),
 * app/phases/kubelet and app/util/apiclient (kubelet-check), app/cmd/phases/init/*.go (one line per phase).
 * Korean hints are the simulator's own and are printed apart from the tool's output.
 */
export const KUBEADM_VERSION = 'v1.34.2';
const PKI = '/etc/kubernetes/pki';

export interface InitText {
  node: string;
  ip: string;
  /** host:port workers join (the --control-plane-endpoint, or the advertise address) */
  endpoint: string;
  token: string;
  caHash: string;
  controlPlaneEndpoint: boolean;
}

/** `[preflight]` … `[kubelet-check]`: the phases up to the point where the kubelet must come up. */
export function initUntilKubelet(t: Pick<InitText, 'node' | 'ip'>, warnings: string[]): string {
  const san = `DNS names [kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local ${t.node}] and IPs [10.96.0.1 ${t.ip}]`;
  const etcdSan = `DNS names [localhost ${t.node}] and IPs [${t.ip} 127.0.0.1 ::1]`;
  const certs = ['ca', 'apiserver', 'apiserver-kubelet-client', 'front-proxy-ca', 'front-proxy-client', 'etcd/ca', 'etcd/server', 'etcd/peer', 'etcd/healthcheck-client', 'apiserver-etcd-client'];
  const lines = ['[preflight] Running pre-flight checks', ...warnings.map((w) => `\t[WARNING ${w}`)];
  lines.push(
    '[preflight] Pulling images required for setting up a Kubernetes cluster',
    '[preflight] This might take a minute or two, depending on the speed of your internet connection',
    "[preflight] You can also perform this action beforehand using 'kubeadm config images pull'",
    `[certs] Using certificateDir folder "${PKI}"`,
  );
  for (const c of certs) {
    lines.push(`[certs] Generating "${c}" certificate and key`);
    if (c === 'apiserver') lines.push(`[certs] apiserver serving cert is signed for ${san}`);
    if (c === 'etcd/server' || c === 'etcd/peer') lines.push(`[certs] ${c} serving cert is signed for ${etcdSan}`);
  }
  lines.push('[certs] Generating "sa" key and public key', '[kubeconfig] Using kubeconfig folder "/etc/kubernetes"');
  for (const f of KUBECONFIG_FILES) lines.push(`[kubeconfig] Writing "${f}" kubeconfig file`);
  lines.push(
    '[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"',
    '[control-plane] Using manifest folder "/etc/kubernetes/manifests"',
    '[control-plane] Creating static Pod manifest for "kube-apiserver"',
    '[control-plane] Creating static Pod manifest for "kube-controller-manager"',
    '[control-plane] Creating static Pod manifest for "kube-scheduler"',
    '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
    '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
    '[kubelet-start] Starting the kubelet',
    '[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests"',
    '[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
  );
  return lines.join('\n') + '\n';
}

export const KUBECONFIG_FILES = ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf'];

/** The rest of a successful init, from the healthy kubelet to the join command. */
export function initSuccess(t: InitText): string {
  const lines = [
    '[kubelet-check] The kubelet is healthy after 1.002617681s',
    '[control-plane-check] Waiting for healthy control plane components. This can take up to 4m0s',
    `[control-plane-check] Checking kube-apiserver at https://${t.ip}:6443/livez`,
    '[control-plane-check] Checking kube-controller-manager at https://127.0.0.1:10257/healthz',
    '[control-plane-check] Checking kube-scheduler at https://127.0.0.1:10259/livez',
    '[control-plane-check] kube-controller-manager is healthy after 2.103448318s',
    '[control-plane-check] kube-scheduler is healthy after 2.845163093s',
    '[control-plane-check] kube-apiserver is healthy after 4.501934107s',
    '[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace',
    '[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster',
    '[upload-certs] Skipping phase. Please see --upload-certs',
    `[mark-control-plane] Marking the node ${t.node} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]`,
    `[mark-control-plane] Marking the node ${t.node} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]`,
    `[bootstrap-token] Using token: ${t.token}`,
    '[bootstrap-token] Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles',
    '[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes',
    '[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials',
    '[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token',
    '[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster',
    '[bootstrap-token] Creating the "cluster-info" ConfigMap in the "kube-public" namespace',
    '[kubelet-finalize] Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key',
    '[addons] Applied essential addon: CoreDNS',
    '[addons] Applied essential addon: kube-proxy',
    '',
    'Your Kubernetes control-plane has initialized successfully!',
    '',
    'To start using your cluster, you need to run the following as a regular user:',
    '',
    '  mkdir -p $HOME/.kube',
    '  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
    '  sudo chown $(id -u):$(id -g) $HOME/.kube/config',
    '',
    'Alternatively, if you are the root user, you can run:',
    '',
    '  export KUBECONFIG=/etc/kubernetes/admin.conf',
    '',
    'You should now deploy a pod network to the cluster.',
    'Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:',
    '  https://kubernetes.io/docs/concepts/cluster-administration/addons/',
    '',
  ];
  const join = `kubeadm join ${t.endpoint} --token ${t.token} \\\n\t--discovery-token-ca-cert-hash sha256:${t.caHash}`;
  if (t.controlPlaneEndpoint)
    lines.push(
      'You can now join any number of control-plane nodes by copying certificate authorities',
      'and service account keys on each node and then running the following as root:',
      '',
      `  ${join.replace('\n\t', '\n\t  ')} \\\n\t  --control-plane`,
      '',
    );
  lines.push('Then you can join any number of worker nodes by running the following on each as root:', '', join, '');
  return lines.join('\n');
}

export const joinCommand = (endpoint: string, token: string, caHash: string) => `kubeadm join ${endpoint} --token ${token} --discovery-token-ca-cert-hash sha256:${caHash} `;

/** kubeadm's "[preflight] Some fatal errors occurred" block (app/preflight/checks.go RunChecks). */
export function preflightErrors(errors: string[], warnings: string[] = []): string {
  return [
    '[preflight] Running pre-flight checks',
    ...warnings.map((w) => `\t[WARNING ${w}`),
    'error execution phase preflight: [preflight] Some fatal errors occurred:',
    ...errors.map((e) => `\t[ERROR ${e}`),
    '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`',
    'To see the stack trace of this error execute with --v=5 or higher',
    '',
  ].join('\n');
}

/** The warning kubeadm prints for an active swap device (app/preflight/checks.go SwapCheck). */
export const SWAP_WARNING =
  'Swap]: swap is supported for cgroup v2 only. The kubelet must be properly configured to use swap. Please refer to https://kubernetes.io/docs/concepts/architecture/nodes/#swap-memory, or disable swap on the node';

/** The kubelet never became healthy (app/phases/kubelet, app/util/apiclient/wait.go): with swap on, it exits at start. */
export function kubeletNeverHealthy(phase: 'wait-control-plane' | 'kubelet-start'): string {
  return [
    '[kubelet-check] The kubelet is not healthy after 4m0.000117s',
    '',
    'Unfortunately, an error has occurred, likely caused by:',
    '\t- The kubelet is not running',
    '\t- The kubelet is unhealthy due to a misconfiguration of the node in some way (required cgroups disabled)',
    '',
    'If you are on a systemd-powered system, you can try to troubleshoot the error with the following commands:',
    "\t- 'systemctl status kubelet'",
    "\t- 'journalctl -xeu kubelet'",
    '',
    `error execution phase ${phase}: failed while waiting for the kubelet to start: The HTTP call equal to 'curl -sSL http://127.0.0.1:10248/healthz' failed with error: Get "http://127.0.0.1:10248/healthz": dial tcp 127.0.0.1:10248: connect: connection refused`,
    'To see the stack trace of this error execute with --v=5 or higher',
    '',
  ].join('\n');
}

export function joinSuccess(): string {
  return [
    '[preflight] Running pre-flight checks',
    '[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
    "[preflight] Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
    '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
    '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
    '[kubelet-start] Starting the kubelet',
    '[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
  ].join('\n') + '\n';
}

export const JOIN_DONE = [
  '[kubelet-check] The kubelet is healthy after 1.001805716s',
  '[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap',
  '',
  'This node has joined the cluster:',
  '* Certificate signing request was sent to apiserver and a response was received.',
  '* The Kubelet was informed of the new secure connection details.',
  '',
  "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
  '',
].join('\n');

/** `kubeadm reset` after the confirmation: what it deletes and what it leaves behind (reset.go, cleanupnode.go). */
export function resetText(controlPlane: boolean): string {
  const lines = ['[preflight] Running pre-flight checks'];
  if (controlPlane) lines.push('[reset] Deleted contents of the etcd data directory: /var/lib/etcd');
  lines.push(
    '[reset] Stopping the kubelet service',
    '[reset] Unmounting mounted directories in "/var/lib/kubelet"',
    '[reset] Deleting contents of directories: [/etc/kubernetes/manifests /var/lib/kubelet /etc/kubernetes/pki]',
    '[reset] Deleting files: [/etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/kubelet.conf /etc/kubernetes/bootstrap-kubelet.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf]',
    '',
    'The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d',
    '',
    'The reset process does not reset or clean up iptables rules or IPVS tables.',
    'If you wish to reset iptables, you must do so manually by using the "iptables" command.',
    '',
    'If your cluster was setup to utilize IPVS, run ipvsadm --clear (or similar)',
    "to reset your system's IPVS tables.",
    '',
    'The reset process does not clean your kubeconfig files and you must remove them manually.',
    'Please, check the contents of the $HOME/.kube/config file.',
    '',
  );
  return lines.join('\n');
}

export const RESET_CONFIRM = "[reset] WARNING: Changes made to this host by 'kubeadm init' or 'kubeadm join' will be reverted.\n[reset] Are you sure you want to proceed? [y/N]: ";
