/**
 * The fields of the kinds students write, with their types and Korean explanations. One source for the editor's
 * strict checks (unknown fields, wrong types, as the API server's strict decoding reports them) and for
 * `kubectl explain`. Sub-trees marked `any` (affinity, volumes…) are accepted without checking.
 */
import type { Kind } from '../k8s/types';

export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'map' | 'array' | 'intOrString' | 'any';

export interface Field {
  type: FieldType;
  /** Go type name kubectl explain shows (`Container`, `PodSpec`); for arrays, the item's. */
  typeName?: string;
  desc: string;
  fields?: Record<string, Field>;
  /** For arrays: the item schema. */
  items?: Field;
  required?: boolean;
}

const s = (desc: string, required = false): Field => ({ type: 'string', desc, required });
const i = (desc: string): Field => ({ type: 'integer', desc });
const b = (desc: string): Field => ({ type: 'boolean', desc });
const map = (desc: string): Field => ({ type: 'map', desc });
const any = (typeName: string, desc: string): Field => ({ type: 'any', typeName, desc });
const obj = (typeName: string, desc: string, fields: Record<string, Field>, required = false): Field => ({ type: 'object', typeName, desc, fields, required });
const arr = (desc: string, items: Field, required = false): Field => ({ type: 'array', desc, items, required, typeName: items.typeName });
const strings = (desc: string): Field => ({ type: 'array', desc, items: s(''), typeName: 'string' });
const intOrString = (desc: string): Field => ({ type: 'intOrString', typeName: 'IntOrString', desc });

const objectMeta = obj('ObjectMeta', '이름, 네임스페이스, 레이블처럼 모든 오브젝트가 가지는 메타데이터예요.', {
  name: s('오브젝트 이름. 네임스페이스 안에서 종류별로 유일해야 해요.'),
  generateName: s('이름을 비워 두면 이 접두어 뒤에 무작위 문자를 붙여 이름을 만들어요.'),
  namespace: s('오브젝트가 속한 네임스페이스. 비우면 default예요.'),
  labels: map('키-값 레이블. 셀렉터가 오브젝트를 고를 때 써요 (예: app: web).'),
  annotations: map('도구가 읽는 부가 정보(키-값). 셀렉터로 고를 수는 없어요.'),
  uid: s('클러스터가 붙이는 고유 ID (읽기 전용).'),
  resourceVersion: s('변경될 때마다 바뀌는 버전. 동시 수정 충돌을 막는 데 써요.'),
  generation: i('spec이 바뀔 때마다 올라가는 번호.'),
  creationTimestamp: s('만들어진 시각 (읽기 전용).'),
  deletionTimestamp: s('삭제가 요청된 시각 (읽기 전용).'),
  deletionGracePeriodSeconds: i('삭제 유예 시간(초).'),
  ownerReferences: arr('이 오브젝트를 소유한 오브젝트 (예: 파드 → 레플리카셋).', any('OwnerReference', '소유자 참조')),
  finalizers: strings('삭제 전에 처리해야 할 작업 목록.'),
  managedFields: arr('필드별 관리자 기록 (읽기 전용).', any('ManagedFieldsEntry', '필드 관리 기록')),
});

const labelSelector = obj('LabelSelector', '레이블 셀렉터: 어떤 파드를 관리할지 고르는 조건이에요.', {
  matchLabels: map('이 레이블을 모두 가진 파드를 골라요.'),
  matchExpressions: arr('In, NotIn, Exists, DoesNotExist 조건 목록.', obj('LabelSelectorRequirement', '셀렉터 조건', {
    key: s('레이블 키', true),
    operator: s('In, NotIn, Exists, DoesNotExist 중 하나', true),
    values: strings('값 목록 (In/NotIn일 때)'),
  })),
});

const probe = obj('Probe', '컨테이너 상태를 확인하는 프로브예요.', {
  httpGet: obj('HTTPGetAction', 'HTTP GET 요청으로 확인해요.', {
    path: s('요청 경로 (예: /healthz)'),
    port: intOrString('포트 번호나 이름'),
    host: s('호스트 (기본: 파드 IP)'),
    scheme: s('HTTP 또는 HTTPS'),
    httpHeaders: arr('추가 헤더', any('HTTPHeader', '헤더')),
  }),
  tcpSocket: obj('TCPSocketAction', 'TCP 연결이 되는지 확인해요.', { port: intOrString('포트'), host: s('호스트') }),
  exec: obj('ExecAction', '컨테이너 안에서 명령을 실행해 확인해요 (종료 코드 0이면 성공).', { command: strings('실행할 명령') }),
  grpc: any('GRPCAction', 'gRPC 헬스 체크'),
  initialDelaySeconds: i('컨테이너 시작 후 첫 확인까지 기다릴 시간(초).'),
  periodSeconds: i('확인 주기(초). 기본 10.'),
  timeoutSeconds: i('응답을 기다릴 시간(초). 기본 1.'),
  successThreshold: i('실패 후 성공으로 볼 연속 성공 횟수.'),
  failureThreshold: i('실패로 볼 연속 실패 횟수. 기본 3.'),
  terminationGracePeriodSeconds: i('프로브 실패로 종료할 때의 유예 시간(초).'),
});

const container = obj('Container', '파드 안에서 실행할 컨테이너예요.', {
  name: s('컨테이너 이름 (파드 안에서 유일).', true),
  image: s('컨테이너 이미지 (예: nginx:1.25).'),
  imagePullPolicy: s('이미지를 받을 때: Always, IfNotPresent, Never.'),
  command: strings('실행할 명령 (이미지의 ENTRYPOINT를 대신해요).'),
  args: strings('명령 인자 (이미지의 CMD를 대신해요).'),
  workingDir: s('작업 디렉터리.'),
  ports: arr('컨테이너가 여는 포트 목록 (정보용).', obj('ContainerPort', '컨테이너 포트', {
    containerPort: { ...i('컨테이너가 듣는 포트 번호.'), required: true },
    name: s('포트 이름 (서비스의 targetPort에서 이름으로 가리킬 수 있어요).'),
    protocol: s('TCP, UDP, SCTP. 기본 TCP.'),
    hostPort: i('노드에서 열 포트 (잘 쓰지 않아요).'),
    hostIP: s('hostPort를 묶을 노드 IP.'),
  })),
  env: arr('환경 변수 목록.', obj('EnvVar', '환경 변수', {
    name: s('변수 이름', true),
    value: s('값'),
    valueFrom: any('EnvVarSource', '다른 곳(ConfigMap, Secret, 필드)에서 값 가져오기'),
  })),
  envFrom: arr('ConfigMap/Secret 전체를 환경 변수로.', any('EnvFromSource', '환경 변수 출처')),
  resources: obj('ResourceRequirements', '리소스 요청/제한.', {
    requests: map('요청: 스케줄러가 노드를 고를 때 보장해 줄 양 (예: cpu: 100m, memory: 128Mi).'),
    limits: map('제한: 컨테이너가 넘을 수 없는 최대치.'),
    claims: arr('동적 리소스 클레임', any('ResourceClaim', '클레임')),
  }),
  livenessProbe: { ...probe, desc: '활성 프로브: 실패하면 kubelet이 컨테이너를 재시작해요.' },
  readinessProbe: { ...probe, desc: '준비성 프로브: 통과해야 서비스 엔드포인트에 들어가요.' },
  startupProbe: { ...probe, desc: '스타트업 프로브: 통과할 때까지 다른 프로브를 미뤄요.' },
  volumeMounts: arr('마운트할 볼륨.', any('VolumeMount', '볼륨 마운트')),
  securityContext: any('SecurityContext', '보안 설정'),
  lifecycle: any('Lifecycle', 'postStart/preStop 훅'),
  terminationMessagePath: s('종료 메시지 파일 경로.'),
  terminationMessagePolicy: s('File 또는 FallbackToLogsOnError.'),
  stdin: b('표준 입력을 열어 둘지.'),
  tty: b('TTY를 붙일지.'),
});

const podSpec = obj('PodSpec', '파드의 원하는 상태: 어떤 컨테이너를 어떻게 실행할지예요.', {
  containers: arr('실행할 컨테이너 목록. 최소 하나가 필요해요.', container, true),
  initContainers: arr('본 컨테이너보다 먼저 차례로 실행되는 초기화 컨테이너.', container),
  restartPolicy: s('재시작 정책: Always(기본), OnFailure, Never.'),
  nodeSelector: map('이 레이블을 가진 노드에만 배치해요.'),
  nodeName: s('스케줄러를 거치지 않고 바로 이 노드에 배치해요.'),
  affinity: any('Affinity', '노드/파드 어피니티 규칙'),
  tolerations: arr('노드 테인트를 견디는 톨러레이션.', obj('Toleration', '톨러레이션', {
    key: s('테인트 키'), operator: s('Equal 또는 Exists'), value: s('테인트 값'),
    effect: s('NoSchedule, PreferNoSchedule, NoExecute'), tolerationSeconds: i('NoExecute를 견디는 시간(초)'),
  })),
  volumes: arr('파드가 쓰는 볼륨.', any('Volume', '볼륨')),
  serviceAccountName: s('파드가 쓸 서비스 어카운트.'),
  serviceAccount: s('(사용 중단) serviceAccountName과 같아요.'),
  automountServiceAccountToken: b('서비스 어카운트 토큰 자동 마운트.'),
  terminationGracePeriodSeconds: i('종료 유예 시간(초). 기본 30.'),
  activeDeadlineSeconds: i('파드가 실행될 수 있는 최대 시간(초).'),
  dnsPolicy: s('DNS 정책 (기본 ClusterFirst).'),
  dnsConfig: any('PodDNSConfig', 'DNS 설정'),
  hostname: s('파드 호스트 이름.'),
  subdomain: s('서브도메인.'),
  hostNetwork: b('노드 네트워크를 그대로 쓸지.'),
  hostPID: b('노드 PID 네임스페이스 공유.'),
  hostIPC: b('노드 IPC 네임스페이스 공유.'),
  schedulerName: s('이 파드를 배치할 스케줄러.'),
  priority: i('우선순위 값.'),
  priorityClassName: s('우선순위 클래스 이름.'),
  securityContext: any('PodSecurityContext', '파드 보안 설정'),
  imagePullSecrets: arr('이미지를 받을 때 쓸 Secret.', any('LocalObjectReference', 'Secret 참조')),
  readinessGates: arr('추가 준비 조건.', any('PodReadinessGate', '준비 조건')),
  topologySpreadConstraints: arr('토폴로지 분산 규칙.', any('TopologySpreadConstraint', '분산 규칙')),
  enableServiceLinks: b('서비스 정보를 환경 변수로 넣을지.'),
  shareProcessNamespace: b('컨테이너끼리 프로세스 네임스페이스 공유.'),
  runtimeClassName: s('런타임 클래스.'),
  preemptionPolicy: s('선점 정책.'),
  overhead: map('파드 오버헤드.'),
});

const podTemplate = obj('PodTemplateSpec', '새 파드를 만들 때 쓰는 틀(템플릿)이에요.', { metadata: objectMeta, spec: podSpec }, true);

function topLevel(kind: string, desc: string, spec?: Field): Field {
  const fields: Record<string, Field> = {
    apiVersion: s('이 오브젝트의 API 버전 (예: v1, apps/v1).'),
    kind: s('오브젝트 종류 (예: Pod, Deployment).'),
    metadata: objectMeta,
  };
  if (spec) fields.spec = spec;
  fields.status = any(`${kind}Status`, '현재 상태. 컨트롤러와 kubelet이 채우는 읽기 전용 필드예요.');
  return obj(kind, desc, fields);
}

const replicas = i('원하는 파드 개수. 기본 1.');

export const SCHEMAS: Record<Kind, Field> = {
  Pod: topLevel('Pod', '파드는 함께 배치되어 실행되는 컨테이너 묶음으로, 쿠버네티스에서 배포하는 가장 작은 단위예요.', podSpec),
  ReplicaSet: topLevel('ReplicaSet', '레플리카셋은 지정한 개수의 파드가 항상 실행되도록 유지해요.', obj('ReplicaSetSpec', '레플리카셋의 원하는 상태.', {
    replicas,
    selector: { ...labelSelector, required: true },
    template: podTemplate,
    minReadySeconds: i('파드가 준비된 뒤 사용 가능으로 볼 때까지 기다릴 시간(초).'),
  })),
  Deployment: topLevel('Deployment', '디플로이먼트는 레플리카셋을 관리하며 파드를 선언적으로 업데이트(롤링 업데이트, 롤백)해요.', obj('DeploymentSpec', '디플로이먼트의 원하는 상태.', {
    replicas,
    selector: { ...labelSelector, required: true },
    template: podTemplate,
    strategy: obj('DeploymentStrategy', '파드를 새 버전으로 바꾸는 방법.', {
      type: s('RollingUpdate(기본) 또는 Recreate.'),
      rollingUpdate: obj('RollingUpdateDeployment', '롤링 업데이트 설정.', {
        maxSurge: intOrString('업데이트 중 원하는 개수보다 더 만들 수 있는 파드 수 (기본 25%).'),
        maxUnavailable: intOrString('업데이트 중 사용할 수 없어도 되는 파드 수 (기본 25%).'),
      }),
    }),
    minReadySeconds: i('파드가 준비된 뒤 사용 가능으로 볼 때까지 기다릴 시간(초).'),
    revisionHistoryLimit: i('롤백용으로 남겨 둘 예전 레플리카셋 수 (기본 10).'),
    progressDeadlineSeconds: i('진행이 없으면 실패로 볼 시간(초) (기본 600).'),
    paused: b('true면 템플릿을 바꿔도 롤아웃하지 않아요.'),
  })),
  Service: topLevel('Service', '서비스는 레이블 셀렉터로 고른 파드들을 하나의 고정된 주소로 묶어 노출해요.', obj('ServiceSpec', '서비스의 원하는 상태.', {
    type: s('ClusterIP(기본), NodePort, LoadBalancer, ExternalName.'),
    selector: map('이 레이블을 가진 파드로 트래픽을 보내요.'),
    ports: arr('서비스가 여는 포트 목록.', obj('ServicePort', '서비스 포트', {
      name: s('포트 이름 (포트가 여러 개면 필요).'),
      protocol: s('TCP(기본), UDP, SCTP.'),
      port: { ...i('서비스가 여는 포트.'), required: true },
      targetPort: intOrString('트래픽을 보낼 파드 쪽 포트 (번호나 이름). 기본은 port와 같아요.'),
      nodePort: i('NodePort/LoadBalancer일 때 노드에서 여는 포트 (30000-32767).'),
      appProtocol: s('애플리케이션 프로토콜.'),
    })),
    clusterIP: s('클러스터 내부 가상 IP. 보통 자동으로 정해져요. None이면 헤드리스 서비스.'),
    clusterIPs: strings('클러스터 IP 목록.'),
    externalIPs: strings('외부 IP 목록.'),
    externalName: s('ExternalName 타입일 때 가리킬 DNS 이름.'),
    sessionAffinity: s('ClientIP면 같은 클라이언트를 같은 파드로 보내요. 기본 None.'),
    sessionAffinityConfig: any('SessionAffinityConfig', '세션 어피니티 설정'),
    externalTrafficPolicy: s('Cluster(기본) 또는 Local.'),
    internalTrafficPolicy: s('Cluster(기본) 또는 Local.'),
    loadBalancerIP: s('(사용 중단) 로드밸런서 IP.'),
    loadBalancerClass: s('로드밸런서 구현 클래스.'),
    loadBalancerSourceRanges: strings('접근을 허용할 CIDR.'),
    allocateLoadBalancerNodePorts: b('로드밸런서에 노드 포트를 할당할지.'),
    healthCheckNodePort: i('헬스 체크 노드 포트.'),
    publishNotReadyAddresses: b('준비되지 않은 파드도 엔드포인트에 넣을지.'),
    ipFamilies: strings('IPv4, IPv6.'),
    ipFamilyPolicy: s('SingleStack, PreferDualStack, RequireDualStack.'),
  })),
  Namespace: topLevel('Namespace', '네임스페이스는 하나의 클러스터 안에서 리소스 이름과 권한을 나누는 공간이에요.', obj('NamespaceSpec', '네임스페이스 설정.', {
    finalizers: strings('삭제 전에 처리할 작업.'),
  })),
  Node: topLevel('Node', '노드는 파드가 실행되는 워커 머신(가상 또는 물리)이에요.', obj('NodeSpec', '노드 설정.', {
    unschedulable: b('true면 새 파드를 배치하지 않아요 (cordon).'),
    taints: arr('노드 테인트.', any('Taint', '테인트')),
    podCIDR: s('이 노드의 파드 IP 대역.'),
    podCIDRs: strings('파드 IP 대역 목록.'),
    providerID: s('클라우드 제공자 ID.'),
  })),
  Endpoints: { ...topLevel('Endpoints', '엔드포인트는 서비스가 트래픽을 보낼 실제 파드 IP와 포트 목록이에요.'), fields: { ...topLevel('Endpoints', '').fields, subsets: arr('주소와 포트 묶음.', any('EndpointSubset', '엔드포인트 묶음')) } },
  Event: { ...topLevel('Event', '이벤트는 클러스터에서 일어난 일(스케줄링, 이미지 받기, 오류 등)의 기록이에요.'), type: 'any' },
};

/** The field at a dotted path under a kind (`spec.template.spec.containers`), or undefined. */
export function fieldAt(kind: Kind, path: string[]): Field | undefined {
  let field: Field | undefined = SCHEMAS[kind];
  for (const part of path) {
    if (!field) return undefined;
    const container: Field | undefined = field.type === 'array' ? field.items : field;
    field = container?.fields?.[part];
  }
  return field;
}
