/**
 * kubeadm's phases as data, each with a short Korean explanation, for the control-plane flow view: what the phase
 * does and which control-plane component it brings to life. Order and content follow upstream kubeadm:
 * cmd/kubeadm/app/cmd/init.go (initRunner.AppendPhase order), cmd/kubeadm/app/cmd/phases/init/*.go,
 * cmd/kubeadm/app/cmd/phases/join/*.go, cmd/kubeadm/app/cmd/phases/reset/*.go and
 * https://kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-init/#init-workflow.
 */

/** kubeadm's commands, and `cni`: the network add-on's agent wrote this machine's CNI config (not kubeadm, but the step that makes a node Ready). */
export type KubeadmOp = 'init' | 'join' | 'reset' | 'cni';

/** A control-plane component a phase brings up (the flow view's boxes), or the kubelet of the machine. */
export type PhaseComponent = 'apiserver' | 'etcd' | 'controller' | 'scheduler' | 'kubelet';

export interface KubeadmPhase {
  /** the name kubeadm prints in brackets, e.g. `certs` for `[certs] …` */
  id: string;
  /** what it does, in Korean, one or two sentences */
  ko: string;
  lights?: PhaseComponent[];
}

const phase = (id: string, ko: string, lights?: PhaseComponent[]): KubeadmPhase => ({ id, ko, lights });

/** `kubeadm init` (app/cmd/init.go: preflight, certs, kubeconfig, etcd, control-plane, kubelet-start, …, addon). */
export const INIT_PHASES: readonly KubeadmPhase[] = [
  phase('preflight', '이 머신에 클러스터를 세울 수 있는지 점검합니다. root 권한, 스왑, 6443·10250 포트, 이전 설치가 남긴 파일을 보고, 필요한 컨테이너 이미지를 미리 받습니다.'),
  phase('certs', '/etc/kubernetes/pki에 클러스터 CA와 API 서버 인증서를 만듭니다. etcd용 CA와 서비스 어카운트 토큰 서명 키(sa)도 이때 생깁니다.'),
  phase('kubeconfig', '/etc/kubernetes에 admin.conf, kubelet.conf, controller-manager.conf, scheduler.conf를 씁니다. 각 구성 요소가 API 서버에 접속할 주소와 인증서가 들어 있습니다.'),
  phase('etcd', '/etc/kubernetes/manifests/etcd.yaml을 씁니다. 클러스터의 모든 상태를 저장할 etcd가 정적 파드로 뜰 준비입니다.', ['etcd']),
  phase('control-plane', 'kube-apiserver, kube-controller-manager, kube-scheduler의 정적 파드 매니페스트를 /etc/kubernetes/manifests에 씁니다.', ['apiserver', 'controller', 'scheduler']),
  phase('kubelet-start', '/var/lib/kubelet/config.yaml을 쓰고 kubelet을 시작합니다. kubelet은 manifests 폴더를 읽어 정적 파드를 직접 띄웁니다.', ['kubelet']),
  phase('wait-control-plane', 'kubelet이 정적 파드로 컨트롤 플레인을 띄우고 API 서버가 응답할 때까지 기다립니다.', ['apiserver', 'etcd', 'controller', 'scheduler']),
  phase('upload-config', '이번 설정을 kube-system의 kubeadm-config, kubelet-config 컨피그맵에 저장합니다. 나중에 join과 업그레이드가 이 설정을 읽습니다.', ['apiserver']),
  phase('upload-certs', '--upload-certs를 줄 때만 인증서를 시크릿으로 올려 다른 컨트롤 플레인이 받아 가게 합니다. 이번에는 건너뜁니다.'),
  phase('mark-control-plane', '노드에 control-plane 레이블과 NoSchedule 테인트를 붙여, 일반 파드가 컨트롤 플레인 노드에 배치되지 않게 합니다.', ['apiserver']),
  phase('bootstrap-token', '워커가 join할 때 쓸 부트스트랩 토큰(기본 24시간)을 만들고, kube-public에 cluster-info 컨피그맵과 RBAC 규칙을 준비합니다.', ['apiserver']),
  phase('kubelet-finalize', 'TLS 부트스트랩을 마친 kubelet이 교체 가능한 클라이언트 인증서를 쓰도록 kubelet.conf를 고칩니다.', ['kubelet']),
  phase('addons', 'API 서버를 통해 CoreDNS 디플로이먼트와 kube-proxy 데몬셋을 설치합니다. CoreDNS는 CNI가 깔릴 때까지 Pending으로 기다립니다.', ['apiserver']),
];

/** The init phase by which the kubelet has started the static pods (before it, only their manifests exist). */
export const STATIC_PODS_UP_PHASE = 'wait-control-plane';

/** A worker's `kubeadm join` (app/cmd/join.go: preflight with token discovery, then kubelet-start). */
export const JOIN_PHASES: readonly KubeadmPhase[] = [
  phase('preflight', '워커를 점검하고, 토큰으로 kube-public의 cluster-info를 받아 CA 해시와 비교해 진짜 컨트롤 플레인인지 확인합니다.', ['apiserver']),
  phase('kubelet-start', 'kubelet 설정을 쓰고 시작합니다. kubelet은 부트스트랩 토큰으로 인증서를 받아(TLS 부트스트랩) 자기 노드를 API 서버에 등록합니다.', ['kubelet', 'apiserver']),
];

/** `kubeadm reset` (app/cmd/reset.go: preflight, remove-etcd-member on a control plane, cleanup-node). */
export const RESET_PHASES: readonly KubeadmPhase[] = [
  phase('preflight', '되돌려도 되는지 확인합니다(-f면 묻지 않습니다).'),
  phase('remove-etcd-member', '이 머신의 etcd 멤버를 정리합니다. etcd가 하나뿐이면 /var/lib/etcd의 데이터를 지웁니다.', ['etcd']),
  phase('cleanup-node', 'kubelet을 멈추고 /etc/kubernetes와 /var/lib/kubelet을 지웁니다. CNI 설정(/etc/cni/net.d), iptables 규칙, $HOME/.kube/config는 남기니 직접 지워야 합니다.', ['kubelet']),
];

/**
 * The CNI add-on landing on a node: calico-node writes /etc/cni/net.d/10-calico.conflist, and the kubelet's runtime
 * network check passes (pkg/kubelet/kubelet_node_status.go: NetworkReady), so the node turns Ready.
 */
export const CNI_PHASES: readonly KubeadmPhase[] = [
  phase('cni', 'calico-node 파드가 /etc/cni/net.d/10-calico.conflist에 CNI 설정을 썼습니다. 이제 kubelet이 파드 네트워크를 쓸 수 있어 노드가 Ready가 되고, 기다리던 파드(CoreDNS 등)가 IP를 받습니다.', ['kubelet']),
];

/** Phases of `op` as they ran on a control plane (true) or a worker: a worker's reset has no etcd member. */
export function phasesOf(op: KubeadmOp, controlPlane: boolean): readonly KubeadmPhase[] {
  if (op === 'init') return INIT_PHASES;
  if (op === 'join') return JOIN_PHASES;
  if (op === 'cni') return CNI_PHASES;
  return controlPlane ? RESET_PHASES : RESET_PHASES.filter((p) => p.id !== 'remove-etcd-member');
}

/** What kubeadm did on a machine, as the machine world records it (not read from terminal text). */
export interface KubeadmEvent {
  /** 1, 2, 3 … per world, so a view can tell a new event from one it has shown */
  seq: number;
  /** simulated time, epoch ms */
  at: number;
  machine: string;
  op: KubeadmOp;
  controlPlane: boolean;
  /** ids of the phases that ran, in order; the last one failed when `ok` is false */
  phases: string[];
  ok: boolean;
}

/** The phases an event ran, with their explanations (unknown ids are left out). */
export function eventPhases(e: KubeadmEvent): KubeadmPhase[] {
  const all = phasesOf(e.op, e.controlPlane);
  return e.phases.flatMap((id) => all.filter((p) => p.id === id));
}

/** Ids of the phases of `op` up to and including `last`. */
export function phasesThrough(op: KubeadmOp, controlPlane: boolean, last: string): string[] {
  const ids = phasesOf(op, controlPlane).map((p) => p.id);
  const i = ids.indexOf(last);
  return i < 0 ? ids : ids.slice(0, i + 1);
}

export const OP_TITLE: Record<KubeadmOp, string> = {
  init: 'kubeadm init — 컨트롤 플레인 세우기',
  join: 'kubeadm join — 워커 노드 합류',
  reset: 'kubeadm reset — 머신 되돌리기',
  cni: 'CNI(Calico) — 파드 네트워크 연결',
};
