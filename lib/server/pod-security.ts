/**
 * The Pod Security Standards "baseline" level, applied to what the dashboard forwards to a real cluster
 * (apply manifests and patches), so a leaked or shared write token cannot start a pod that owns its node.
 * The dashboard checks this itself because a classroom cluster rarely labels its namespaces for
 * PodSecurity admission. POD_SECURITY=privileged turns it off.
 *
 * Encodes https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline and the checks in
 * kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/check_*.go (baseline level).
 * Also refuses Service spec.externalIPs (CVE-2020-8554: a Service can capture traffic to any address).
 *
 * Works on partial objects (merge patches) as well as whole manifests: a field that is absent is allowed.
 * Cost: O(size of the pod spec).
 */

export interface Violation {
  /** Dotted path of the offending field, e.g. `spec.template.spec.containers[0].securityContext.privileged`. */
  field: string;
  /** The offending value, JSON, cut to 40 characters. */
  value: string;
  reason: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const unset = (v: unknown) => v === undefined || v === null;
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

/** Docker's default set, the only capabilities baseline lets a container add. */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
/** Namespaced sysctls that stay inside the pod (the last five were added to baseline in Kubernetes 1.27–1.29). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const PROFILE_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_ANNOTATIONS = ['seccomp.security.alpha.kubernetes.io/pod', 'container.seccomp.security.alpha.kubernetes.io/'];

const REASON = {
  hostNamespace: '노드의 네트워크·프로세스·IPC 네임스페이스를 함께 쓰면 노드와 다른 파드를 들여다볼 수 있습니다.',
  hostProcess: 'Windows HostProcess 컨테이너는 노드 권한으로 실행됩니다.',
  privileged: '특권 컨테이너는 노드의 장치와 커널 기능을 모두 얻습니다.',
  capabilities: 'baseline이 허용하는 기본 capability 밖의 권한입니다.',
  hostPath: 'hostPath 볼륨은 노드의 파일 시스템을 컨테이너에 엽니다.',
  hostPort: 'hostPort는 노드의 포트를 직접 차지합니다.',
  probeHost: '프로브와 라이프사이클 훅은 자기 파드가 아닌 호스트로 요청을 보낼 수 없습니다.',
  appArmor: 'AppArmor 보호를 끄거나 임의의 프로필로 바꿀 수 없습니다.',
  seLinux: '사용자 정의 SELinux 옵션은 허용되지 않습니다.',
  procMount: '/proc를 가리지 않은 채(Unmasked) 마운트할 수 없습니다.',
  seccomp: 'seccomp 보호를 끌(Unconfined) 수 없습니다.',
  sysctls: '안전 목록 밖의 sysctl은 노드 전체에 영향을 줄 수 있습니다.',
  externalIPs: 'externalIPs는 클러스터 밖 주소로 가는 트래픽을 가로챌 수 있습니다 (CVE-2020-8554).',
} as const;

const bad = (field: string, value: unknown, reason: string): Violation => ({ field, value: show(value), reason });

/** The fields pods and containers share: SELinux, seccomp, AppArmor, Windows HostProcess. */
function checkSecurityContext(sc: unknown, at: string): Violation | null {
  if (!isObj(sc)) return null;
  const se = sc.seLinuxOptions;
  if (isObj(se)) {
    if (!unset(se.type) && !SELINUX_TYPES.has(se.type as string)) return bad(`${at}.seLinuxOptions.type`, se.type, REASON.seLinux);
    for (const k of ['user', 'role']) if (!unset(se[k]) && se[k] !== '') return bad(`${at}.seLinuxOptions.${k}`, se[k], REASON.seLinux);
  }
  const seccomp = isObj(sc.seccompProfile) ? sc.seccompProfile.type : undefined;
  if (!unset(seccomp) && !PROFILE_TYPES.has(seccomp as string)) return bad(`${at}.seccompProfile.type`, seccomp, REASON.seccomp);
  const appArmor = isObj(sc.appArmorProfile) ? sc.appArmorProfile.type : undefined;
  if (!unset(appArmor) && !PROFILE_TYPES.has(appArmor as string)) return bad(`${at}.appArmorProfile.type`, appArmor, REASON.appArmor);
  const hostProcess = isObj(sc.windowsOptions) ? sc.windowsOptions.hostProcess : undefined;
  if (!unset(hostProcess) && hostProcess !== false) return bad(`${at}.windowsOptions.hostProcess`, hostProcess, REASON.hostProcess);
  return null;
}

/** httpGet.host / tcpSocket.host in probes and lifecycle handlers (baseline since Kubernetes 1.34). */
function checkHandlerHost(handler: unknown, at: string): Violation | null {
  if (!isObj(handler)) return null;
  for (const k of ['httpGet', 'tcpSocket']) {
    const target = handler[k];
    if (isObj(target) && !unset(target.host) && target.host !== '') return bad(`${at}.${k}.host`, target.host, REASON.probeHost);
  }
  return null;
}

function checkContainer(c: unknown, at: string): Violation | null {
  if (!isObj(c)) return null;
  const sc = c.securityContext;
  if (isObj(sc)) {
    if (!unset(sc.privileged) && sc.privileged !== false) return bad(`${at}.securityContext.privileged`, sc.privileged, REASON.privileged);
    const add = isObj(sc.capabilities) ? sc.capabilities.add : undefined;
    const extra = items(add).find((cap) => !BASELINE_CAPABILITIES.has(cap as string));
    if (extra !== undefined || (!unset(add) && !Array.isArray(add))) return bad(`${at}.securityContext.capabilities.add`, extra ?? add, REASON.capabilities);
    if (!unset(sc.procMount) && sc.procMount !== 'Default') return bad(`${at}.securityContext.procMount`, sc.procMount, REASON.procMount);
    const shared = checkSecurityContext(sc, `${at}.securityContext`);
    if (shared) return shared;
  }
  for (const [i, p] of items(c.ports).entries()) {
    if (isObj(p) && !unset(p.hostPort) && p.hostPort !== 0) return bad(`${at}.ports[${i}].hostPort`, p.hostPort, REASON.hostPort);
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const v = checkHandlerHost(c[probe], `${at}.${probe}`);
    if (v) return v;
  }
  const lifecycle = isObj(c.lifecycle) ? c.lifecycle : {};
  for (const hook of ['postStart', 'preStop']) {
    const v = checkHandlerHost(lifecycle[hook], `${at}.lifecycle.${hook}`);
    if (v) return v;
  }
  return null;
}

function checkPodSpec(spec: unknown, at: string): Violation | null {
  if (!isObj(spec)) return null;
  for (const k of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (!unset(spec[k]) && spec[k] !== false) return bad(`${at}.${k}`, spec[k], REASON.hostNamespace);
  }
  const sc = spec.securityContext;
  const podLevel = checkSecurityContext(sc, `${at}.securityContext`);
  if (podLevel) return podLevel;
  for (const [i, s] of items(isObj(sc) ? sc.sysctls : undefined).entries()) {
    const name = isObj(s) ? s.name : s;
    if (!SAFE_SYSCTLS.has(name as string)) return bad(`${at}.securityContext.sysctls[${i}].name`, name, REASON.sysctls);
  }
  for (const [i, vol] of items(spec.volumes).entries()) {
    if (isObj(vol) && !unset(vol.hostPath)) return bad(`${at}.volumes[${i}].hostPath`, vol.hostPath, REASON.hostPath);
  }
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const [i, c] of items(spec[list]).entries()) {
      const v = checkContainer(c, `${at}.${list}[${i}]`);
      if (v) return v;
    }
  }
  return null;
}

/** AppArmor and seccomp as annotations, the form older manifests still use. */
function checkPodAnnotations(meta: unknown, at: string): Violation | null {
  const annotations = isObj(meta) && isObj(meta.annotations) ? meta.annotations : {};
  for (const [k, v] of Object.entries(annotations)) {
    const field = `${at}.annotations["${k.length > 80 ? `${k.slice(0, 79)}…` : k}"]`;
    if (k.startsWith(APPARMOR_ANNOTATION) && !unset(v) && v !== '' && v !== 'runtime/default' && !String(v).startsWith('localhost/')) {
      return bad(field, v, REASON.appArmor);
    }
    const seccompKey = SECCOMP_ANNOTATIONS.some((p) => (p.endsWith('/') ? k.startsWith(p) : k === p));
    if (seccompKey && !unset(v) && v !== 'runtime/default' && v !== 'docker/default' && !String(v).startsWith('localhost/')) {
      return bad(field, v, REASON.seccomp);
    }
  }
  return null;
}

/** Where each kind keeps its pod: Pod itself, or a template (workloads), or a job template (CronJob). */
const POD_PATH: Record<string, string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** The first baseline violation in a manifest or merge/strategic patch of `kind`, or null. */
export function podSecurityViolation(kind: string, obj: unknown): Violation | null {
  if (kind === 'Service') {
    const ips = isObj(obj) && isObj(obj.spec) ? obj.spec.externalIPs : undefined;
    return unset(ips) || (Array.isArray(ips) && ips.length === 0) ? null : bad('spec.externalIPs', ips, REASON.externalIPs);
  }
  const path = POD_PATH[kind];
  if (!path) return null;
  let pod: unknown = obj;
  for (const k of path) pod = isObj(pod) ? pod[k] : undefined;
  const at = path.join('.');
  const prefix = at ? `${at}.` : '';
  return checkPodAnnotations(isObj(pod) ? pod.metadata : undefined, `${prefix}metadata`) ?? checkPodSpec(isObj(pod) ? pod.spec : undefined, `${prefix}spec`);
}

/** The Korean message for a refused manifest, naming the field (and how an administrator could allow it). */
export function podSecurityMessage(v: Violation): string {
  return `파드 보안 기준(baseline)에 맞지 않아 거절했습니다: ${v.field} = ${v.value}. ${v.reason} 꼭 필요하다면 서버 관리자가 POD_SECURITY=privileged로 허용할 수 있습니다.`;
}
