/**
 * `kubeadm` on a simulated machine: init, join, reset, token, version, config images. Checks and effects follow
 * cmd/kubeadm (app/preflight/checks.go, app/cmd/init.go, join.go, reset.go, token.go); the machine's files change
 * as kubeadm changes them, and the API side goes through the ClusterBackend. Output wording: kubeadm-text.ts.
 */
import type { ShellCommand } from '../sim/shell/types';
import type { Io, ShellState } from '../sim/shell/state';
import type { Machine } from './machines';
import { hostsEntries, MACHINE_NETWORK } from './machines';
import type { MachineWorld } from './world';
import { initFiles, joinFiles, removeResetFiles, kubeconfigServer } from './kubeadm-files';
import * as text from './kubeadm-text';
import { parseFlags, cidrOverlaps, isIPv4, isCidr } from './flags';
import { phasesOf, phasesThrough, type KubeadmOp } from './kubeadm-phases';

const isRoot = (st: ShellState) => (st.input.user?.uid ?? 0) === 0;
const hint = (io: Io, s: string) => io.err(`\n힌트: ${s}\n`);

interface Ctx {
  world: MachineWorld;
  m: Machine;
  st: ShellState;
  io: Io;
}

/** Preflight for init (order as checks.go lists them: ports, manifests, kubelet port, etcd). */
/** Tells the world which phases ran (through `last`; all of them when omitted) and whether the last one failed. */
function report({ world, m }: Ctx, op: KubeadmOp, ok: boolean, last?: string): void {
  const controlPlane = op === 'init' || world.controlPlane?.machine === m.spec.name;
  const phases = last ? phasesThrough(op, controlPlane, last) : phasesOf(op, controlPlane).map((p) => p.id);
  world.recordKubeadm({ machine: m.spec.name, op, controlPlane, phases, ok });
}

function initPreflight({ world, m }: Ctx): string[] {
  const errors: string[] = [];
  const servingHere = world.controlPlane?.machine === m.spec.name && world.controlPlane.serving && m.kubelet === 'running';
  if (servingHere) errors.push('Port-6443]: Port 6443 is in use', 'Port-10259]: Port 10259 is in use', 'Port-10257]: Port 10257 is in use');
  for (const c of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']) {
    const path = `/etc/kubernetes/manifests/${c}.yaml`;
    if (m.files.has(path)) errors.push(`FileAvailable-${path.replace(/\//g, '-')}]: ${path} already exists`);
  }
  if (m.kubelet === 'running') errors.push('Port-10250]: Port 10250 is in use');
  if (servingHere) errors.push('Port-2379]: Port 2379 is in use', 'Port-2380]: Port 2380 is in use');
  if ([...m.files.keys()].some((p) => p.startsWith('/var/lib/etcd/member'))) errors.push('DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty');
  return errors;
}

function init(args: string[], c: Ctx): number {
  const { world, m, io } = c;
  const f = parseFlags(args);
  const advertise = f.get('apiserver-advertise-address') ?? m.spec.ip;
  const podSubnet = f.get('pod-network-cidr');
  if (!isIPv4(advertise)) {
    io.err(`couldn't use "${advertise}" as "apiserver-advertise-address", must be ipv4 or ipv6 address\nTo see the stack trace of this error execute with --v=5 or higher\n`);
    return 1;
  }
  if (podSubnet !== undefined && !isCidr(podSubnet)) {
    io.err(`networking.podSubnet: Invalid value: "${podSubnet}": couldn't parse subnet\nTo see the stack trace of this error execute with --v=5 or higher\n`);
    return 1;
  }
  io.out(`[init] Using Kubernetes version: ${text.KUBEADM_VERSION}\n`);
  if (!isRoot(c.st)) {
    io.err(text.preflightErrors(['IsPrivilegedUser]: user is not running as root']));
    hint(io, 'kubeadm은 root 권한이 필요해요. 앞에 sudo를 붙여 다시 실행하세요: sudo kubeadm init …');
    report(c, 'init', false, 'preflight');
    return 1;
  }
  const warnings = m.swapOn ? [text.SWAP_WARNING] : [];
  const errors = initPreflight(c);
  if (errors.length) {
    io.err(text.preflightErrors(errors, warnings));
    hint(io, '이 머신에는 이전 kubeadm init/join이 남긴 파일과 실행 중인 구성 요소가 있어요. 처음부터 다시 하려면 sudo kubeadm reset -f 로 정리한 뒤 init 하세요.');
    report(c, 'init', false, 'preflight');
    return 1;
  }
  if (world.controlPlane && world.controlPlane.machine !== m.spec.name) {
    io.err(`[preflight] Running pre-flight checks\n\n힌트: 이 실습은 클러스터 하나만 다뤄요. 컨트롤 플레인은 이미 ${world.controlPlane.machine}에 있어요. 이 머신은 kubeadm join으로 워커 노드로 넣어 주세요.\n`);
    report(c, 'init', false, 'preflight');
    return 1;
  }
  if (podSubnet && cidrOverlaps(podSubnet, MACHINE_NETWORK.cidr))
    io.err(`\n주의(시뮬레이터): 파드 네트워크 ${podSubnet}이(가) 머신 네트워크 ${MACHINE_NETWORK.cidr}와 겹쳐요. kubeadm은 막지 않지만, CNI(Calico 등)가 파드에 머신과 같은 대역의 IP를 주면 라우팅이 꼬여요. 보통 10.244.0.0/16처럼 겹치지 않는 대역을 씁니다.\n\n`);
  const cpe = f.get('control-plane-endpoint');
  const endpoint = cpe ? (cpe.includes(':') ? cpe : `${cpe}:6443`) : `${advertise}:6443`;
  const token = world.newToken();
  const caHash = world.caHash();
  initFiles(m, { endpoint, advertise, podSubnet });
  world.controlPlane = { machine: m.spec.name, advertise, endpoint, podSubnet, caHash, tokens: [token], serving: false };
  io.out(text.initUntilKubelet({ node: m.spec.name, ip: advertise }, []));
  if (warnings.length) io.err(warnings.map((w) => `\t[WARNING ${w}\n`).join(''));
  if (m.swapOn) {
    setKubelet(c, 'swap-fail');
    io.err(text.kubeletNeverHealthy('wait-control-plane'));
    hint(io, '스왑(swap)이 켜져 있으면 kubelet이 시작하자마자 종료돼요(systemctl status kubelet, journalctl -u kubelet로 확인). sudo swapoff -a 로 스왑을 끄고, sudo kubeadm reset -f 로 정리한 뒤 다시 init 하세요.');
    report(c, 'init', false, 'wait-control-plane');
    return 1;
  }
  setKubelet(c, 'running');
  world.controlPlane.serving = true;
  world.joined.add(m.spec.name);
  world.backend()?.kubeadm({ op: 'init', node: m.spec.name, ip: advertise, podSubnet });
  io.out(text.initSuccess({ node: m.spec.name, ip: advertise, endpoint, token, caHash, controlPlaneEndpoint: cpe !== undefined }));
  report(c, 'init', true);
  return 0;
}

function setKubelet({ world, m }: Ctx, state: Machine['kubelet']): void {
  m.kubelet = state;
  m.kubeletSince = world.now();
}

/** Discovery (app/discovery/token): reach the API server, find the token's signature, pin the CA. */
function discover(endpoint: string, token: string, caHash: string | undefined, c: Ctx): string | undefined {
  const [host, port = '6443'] = endpoint.split(':');
  const ip = isIPv4(host) ? host : hostsEntries(c.m.files).get(host);
  const prefix = "error execution phase preflight: couldn't validate the identity of the API Server: ";
  if (!ip) return `${prefix}failed to request the cluster-info ConfigMap: Get "https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp: lookup ${host} on 127.0.0.53:53: server misbehaving`;
  const cp = c.world.controlPlane;
  if (!c.world.apiServerAt(`${ip}:${port}`) || !cp)
    return `${prefix}failed to request the cluster-info ConfigMap: Get "https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${ip}:${port}: connect: connection refused`;
  if (!cp.tokens.includes(token)) return `${prefix}could not find a JWS signature in the cluster-info ConfigMap for token ID "${token.split('.')[0]}"`;
  if (caHash !== undefined && caHash.replace(/^sha256:/, '') !== cp.caHash) return `${prefix}cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "sha256:${cp.caHash}" are pinned`;
  return undefined;
}

const TOKEN_FORM = /^[a-z0-9]{6}\.[a-z0-9]{16}$/;

function join(args: string[], c: Ctx): number {
  const { world, m, io } = c;
  const f = parseFlags(args);
  const endpoint = f.positional[0];
  const token = f.get('token') ?? f.get('discovery-token') ?? '';
  const caHash = f.get('discovery-token-ca-cert-hash');
  if (f.has('control-plane')) {
    io.err('힌트: 이 실습은 컨트롤 플레인 하나(master)만 다뤄요. --control-plane 없이 워커 노드로 join 하세요.\n');
    return 1;
  }
  if (!endpoint || !token) {
    io.err('discovery.bootstrapToken: Invalid value: "": using token-based discovery without discovery.bootstrapToken.token is not supported\nTo see the stack trace of this error execute with --v=5 or higher\n');
    hint(io, 'master에서 sudo kubeadm token create --print-join-command 로 join 명령 전체를 받아 그대로 붙여 넣으세요.');
    return 1;
  }
  if (!TOKEN_FORM.test(token)) {
    io.err(`discovery.bootstrapToken.token: Invalid value: "${token}": the bootstrap token "${token}" was not of the form "^([a-z0-9]{6})\\.([a-z0-9]{16})$"\nTo see the stack trace of this error execute with --v=5 or higher\n`);
    return 1;
  }
  if (caHash === undefined && !f.has('discovery-token-unsafe-skip-ca-verification')) {
    io.err('discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue\nTo see the stack trace of this error execute with --v=5 or higher\n');
    return 1;
  }
  if (!isRoot(c.st)) {
    io.err(text.preflightErrors(['IsPrivilegedUser]: user is not running as root']));
    hint(io, 'join도 root 권한이 필요해요: sudo kubeadm join …');
    report(c, 'join', false, 'preflight');
    return 1;
  }
  const warnings = m.swapOn ? [text.SWAP_WARNING] : [];
  const errors: string[] = [];
  if (m.files.has('/etc/kubernetes/kubelet.conf')) errors.push('FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists');
  if (m.kubelet === 'running') errors.push('Port-10250]: Port 10250 is in use');
  if (m.files.has('/etc/kubernetes/pki/ca.crt')) errors.push('FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists');
  if (errors.length) {
    io.err(text.preflightErrors(errors, warnings));
    hint(io, '이 머신은 이미 클러스터에 들어가 있거나 이전 설정이 남아 있어요. 다시 join 하려면 먼저 sudo kubeadm reset -f 로 정리하세요.');
    report(c, 'join', false, 'preflight');
    return 1;
  }
  const failure = discover(endpoint, token, caHash, c);
  if (failure) {
    io.out('[preflight] Running pre-flight checks\n');
    if (warnings.length) io.err(`\t[WARNING ${warnings[0]}\n`);
    io.err(`${failure}\nTo see the stack trace of this error execute with --v=5 or higher\n`);
    hint(io, failure.includes('JWS') ? '토큰이 틀렸거나 만료됐어요(기본 24시간). master에서 sudo kubeadm token create --print-join-command 로 새 join 명령을 받으세요.' : failure.includes('pinned') ? '--discovery-token-ca-cert-hash 값이 이 클러스터의 CA와 달라요. init이 출력한 값을 그대로 쓰세요.' : 'API 서버에 닿지 않아요. master에서 kubeadm init이 끝났는지, 주소가 맞는지 확인하세요.');
    report(c, 'join', false, 'preflight');
    return 1;
  }
  joinFiles(m, { endpoint, caHash: world.controlPlane!.caHash });
  io.out(text.joinSuccess());
  if (warnings.length) io.err(`\t[WARNING ${warnings[0]}\n`);
  if (m.swapOn) {
    setKubelet(c, 'swap-fail');
    io.err(text.kubeletNeverHealthy('kubelet-start'));
    hint(io, '스왑이 켜져 있어 kubelet이 뜨지 못했어요. sudo swapoff -a, sudo kubeadm reset -f 후 다시 join 하세요.');
    report(c, 'join', false, 'kubelet-start');
    return 1;
  }
  setKubelet(c, 'running');
  world.joined.add(m.spec.name);
  world.backend()?.kubeadm({ op: 'join', node: m.spec.name, ip: m.spec.ip });
  io.out(text.JOIN_DONE);
  report(c, 'join', true);
  return 0;
}

function reset(args: string[], c: Ctx): number {
  const { world, m, io } = c;
  const f = parseFlags(args);
  const cp = world.controlPlane;
  const isCp = cp?.machine === m.spec.name;
  if (!isRoot(c.st)) {
    io.err(text.preflightErrors(['IsPrivilegedUser]: user is not running as root']));
    hint(io, 'reset도 root 권한이 필요해요: sudo kubeadm reset -f');
    report(c, 'reset', false, 'preflight');
    return 1;
  }
  if (isCp && cp.serving) io.out('[reset] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[reset] Use \'kubeadm init phase upload-config kubeadm --config your-config-file\' to re-upload it.\n');
  if (!f.has('force') && !f.has('f')) {
    io.out(text.RESET_CONFIRM);
    const answer = (io.stdin ?? '').trim();
    if (!/^[yY]/.test(answer)) {
      io.out('\n');
      io.err("won't proceed; the user didn't answer (Y|y) in order to continue\nTo see the stack trace of this error execute with --v=5 or higher\n");
      hint(io, '확인 질문에 답할 수 없는 터미널이에요. sudo kubeadm reset -f 로 확인 없이 진행하세요.');
      report(c, 'reset', false, 'preflight');
      return 1;
    }
    io.out(`${answer}\n`);
  }
  io.out(text.resetText(isCp));
  removeResetFiles(m);
  setKubelet(c, 'stopped');
  report(c, 'reset', true);
  if (isCp) {
    world.backend()?.kubeadm({ op: 'reset', node: m.spec.name });
    world.controlPlane = undefined;
    world.joined.clear();
  } else if (world.joined.delete(m.spec.name)) world.backend()?.kubeadm({ op: 'reset', node: m.spec.name });
  return 0;
}

function token(args: string[], c: Ctx): number {
  const { world, m, io } = c;
  const sub = args[0];
  const adminConf = '/etc/kubernetes/admin.conf';
  if (sub !== 'create' && sub !== 'list') {
    io.err(`unknown command "${sub ?? ''}" for "kubeadm token"\n`);
    return 1;
  }
  const why = !m.files.has(adminConf) ? 'no such file or directory' : !isRoot(c.st) ? 'permission denied' : undefined;
  if (why) {
    io.err(`failed to load admin kubeconfig: open ${adminConf}: ${why}\nTo see the stack trace of this error execute with --v=5 or higher\n`);
    hint(io, why === 'permission denied' ? 'sudo kubeadm token …으로 실행하세요.' : '토큰은 컨트롤 플레인(kubeadm init을 한 머신)에서 만들어요.');
    return 1;
  }
  const cp = world.controlPlane;
  const server = kubeconfigServer(m.files.get(adminConf)!);
  if (!cp || !world.apiServerAt(server)) {
    io.err(`failed to create or update bootstrap token: Get "https://${server}/api/v1/namespaces/kube-system/secrets": dial tcp ${server}: connect: connection refused\n`);
    return 1;
  }
  if (sub === 'list') {
    io.out('TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION                                                EXTRA GROUPS\n');
    for (const t of cp.tokens) io.out(`${t}   23h         ${new Date(world.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z')}   authentication,signing   <none>                                                     system:bootstrappers:kubeadm:default-node-token\n`);
    return 0;
  }
  const t = world.newToken();
  cp.tokens.push(t);
  io.out(parseFlags(args.slice(1)).has('print-join-command') ? `${text.joinCommand(cp.endpoint, t, cp.caHash)}\n` : `${t}\n`);
  return 0;
}

const IMAGES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((n) => `registry.k8s.io/${n}:${text.KUBEADM_VERSION}`).concat(['registry.k8s.io/coredns/coredns:v1.12.1', 'registry.k8s.io/pause:3.10.1', 'registry.k8s.io/etcd:3.6.4-0']);

/** The `kubeadm` executable of machine `name`. */
export function kubeadmCommand(world: MachineWorld, name: string): ShellCommand {
  return (args, st, io) => {
    const c: Ctx = { world, m: world.machine(name), st, io };
    switch (args[0]) {
      case 'init':
        return init(args.slice(1), c);
      case 'join':
        return join(args.slice(1), c);
      case 'reset':
        return reset(args.slice(1), c);
      case 'token':
        return token(args.slice(1), c);
      case 'version':
        io.out(args.includes('short') ? `${text.KUBEADM_VERSION}\n` : `kubeadm version: &version.Info{Major:"1", Minor:"34", GitVersion:"${text.KUBEADM_VERSION}", GoVersion:"go1.24.9", Compiler:"gc", Platform:"linux/amd64"}\n`);
        return 0;
      case 'config':
        if (args[1] === 'images') {
          io.out(IMAGES.map((i) => (args[2] === 'pull' ? `[config/images] Pulled ${i}\n` : `${i}\n`)).join(''));
          return 0;
        }
        break;
    }
    io.err(args[0] ? `unknown command "${args[0]}" for "kubeadm"\nRun 'kubeadm --help' for usage.\n` : 'Usage:\n  kubeadm [command]\n\nAvailable Commands:\n  config, init, join, reset, token, version\n');
    return 1;
  };
}
