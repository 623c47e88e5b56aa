/**
 * What kubectl accepts: verbs (in kubectl's own order, which "Did you mean this?" follows), sub-commands and
 * flags per verb. Data only; the parser and Tab completion read it.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'array';

export interface FlagSpec {
  type: FlagType;
  short?: string;
  /** Value used when a string flag is given bare (`--dry-run` means `--dry-run=client`). */
  bare?: string;
  /** Korean one-liner for `help` and completion. */
  help: string;
}

// Null prototype: a typed word like `toString` or `__proto__` must not find Object.prototype members.
export const FLAGS: Record<string, FlagSpec> = Object.assign(Object.create(null), {
  namespace: { type: 'string', short: 'n', help: '네임스페이스 지정' },
  'all-namespaces': { type: 'bool', short: 'A', help: '모든 네임스페이스' },
  output: { type: 'string', short: 'o', help: '출력 형식: wide, yaml, json, name, jsonpath=…, custom-columns=…' },
  selector: { type: 'string', short: 'l', help: '레이블 셀렉터로 거르기 (예: app=web)' },
  watch: { type: 'bool', short: 'w', help: '변경을 계속 지켜보기 (Ctrl+C로 멈춤)' },
  'show-labels': { type: 'bool', help: '레이블 열 표시' },
  filename: { type: 'array', short: 'f', help: '에디터 파일 이름' },
  image: { type: 'string', help: '컨테이너 이미지' },
  replicas: { type: 'int', help: '레플리카 수' },
  labels: { type: 'string', short: 'l', help: '붙일 레이블 (예: app=web,tier=fe)' },
  port: { type: 'string', help: '포트' },
  'target-port': { type: 'string', help: '파드 쪽 포트' },
  type: { type: 'string', help: '서비스 타입: ClusterIP, NodePort, LoadBalancer' },
  name: { type: 'string', help: '만들 리소스 이름' },
  'dry-run': { type: 'string', bare: 'client', help: 'none, client, server' },
  'to-revision': { type: 'int', help: '되돌릴 리비전 (0이면 바로 이전)' },
  revision: { type: 'int', help: '자세히 볼 리비전' },
  'ignore-daemonsets': { type: 'bool', help: '데몬셋 파드는 건너뛰기' },
  'delete-emptydir-data': { type: 'bool', help: 'emptyDir 데이터도 지우기' },
  force: { type: 'bool', help: '컨트롤러 없는 파드도 지우기' },
  overwrite: { type: 'bool', help: '이미 있는 레이블 값 덮어쓰기' },
  container: { type: 'string', short: 'c', help: '컨테이너 이름' },
  tail: { type: 'int', help: '마지막 N줄만' },
  follow: { type: 'bool', short: 'f', help: '새 로그 계속 보기' },
  previous: { type: 'bool', short: 'p', help: '이전 컨테이너의 로그' },
  timestamps: { type: 'bool', help: '타임스탬프 붙이기' },
  since: { type: 'string', help: '최근 이 시간 동안의 로그만 (예: 10s, 5m, 1h)' },
  'since-time': { type: 'string', help: '이 시각(RFC3339) 이후의 로그만' },
  'all-containers': { type: 'bool', help: '파드의 모든 컨테이너 로그' },
  prefix: { type: 'bool', help: '줄마다 [pod/이름/컨테이너] 붙이기' },
  'limit-bytes': { type: 'int', help: '최대 바이트 수' },
  stdin: { type: 'bool', short: 'i', help: '표준 입력을 컨테이너로 보내기' },
  tty: { type: 'bool', short: 't', help: '터미널(TTY) 할당' },
  timeout: { type: 'string', help: '기다릴 최대 시간 (예: 60s)' },
  schedule: { type: 'string', help: '크론 형식 일정 (예: "*/5 * * * *")' },
  from: { type: 'string', help: '잡을 만들 원본 (예: cronjob/tick)' },
  'min-available': { type: 'string', help: '축출 뒤에도 남아야 하는 파드 수 또는 비율 (예: 2, 50%)' },
  'max-unavailable': { type: 'string', help: '한꺼번에 내려가도 되는 파드 수 또는 비율 (예: 1, 25%)' },
  all: { type: 'bool', help: '모든 리소스' },
  'grace-period': { type: 'int', help: '종료 유예 시간(초)' },
  now: { type: 'bool', help: '즉시 삭제 (grace-period=1)' },
  wait: { type: 'bool', help: '삭제가 끝날 때까지 기다리기' },
  recursive: { type: 'bool', short: 'R', help: '하위 필드까지 모두 보기' },
  client: { type: 'bool', help: '클라이언트 버전만' },
  help: { type: 'bool', short: 'h', help: '도움말' },
  'field-selector': { type: 'string', help: '필드 셀렉터 (예: status.phase=Running)' },
  'no-headers': { type: 'bool', help: '머리글 없이 출력' },
  'sort-by': { type: 'string', help: 'get: JSONPath로 정렬 (예: .metadata.creationTimestamp) · top: cpu 또는 memory' },
  record: { type: 'bool', help: '(사용 중단) 변경 원인 기록' },
  restart: { type: 'string', help: '재시작 정책' },
  rm: { type: 'bool', help: '(run) 붙은 세션이 끝나면 파드 삭제' },
  attach: { type: 'bool', help: '(run) 파드가 뜨면 컨테이너에 붙기 (-i면 기본)' },
  env: { type: 'array', help: '환경 변수 (KEY=VALUE)' },
  'save-config': { type: 'bool', help: '적용한 설정을 어노테이션으로 저장' },
  'show-kind': { type: 'bool', help: '종류 표시' },
  namespaced: { type: 'bool', help: '네임스페이스 범위 리소스만' },
  'cluster-ip': { type: 'string', help: '클러스터 IP' },
  protocol: { type: 'string', help: '프로토콜 (TCP, UDP)' },
  'from-literal': { type: 'array', help: '키=값 하나 (여러 번 쓸 수 있음)' },
  'from-file': { type: 'array', help: '파일에서 읽기 (브라우저에는 파일이 없어요)' },
  'from-env-file': { type: 'array', help: 'env 파일에서 읽기 (브라우저에는 파일이 없어요)' },
  containers: { type: 'bool', help: '(top) 파드 안 컨테이너별 사용량' },
  sum: { type: 'bool', help: '(top) 사용량 합계 줄 붙이기' },
  'show-capacity': { type: 'bool', help: '(top) 할당 가능량 대신 용량 기준 비율' },
} satisfies Record<string, FlagSpec>);

const GLOBAL = ['namespace', 'help'];

export interface VerbSpec {
  flags: string[];
  subcommands?: string[];
  /** Korean one-liner for `help`. */
  help: string;
  /** Real kubectl command we don't simulate. */
  unsupported?: boolean;
}

const unsupported = (help: string): VerbSpec => ({ flags: [], help, unsupported: true });

/** In kubectl's registration order (it disables cobra's sorting), so suggestions come out in the same order. */
// Null prototype: a typed word like `toString` or `__proto__` must not find Object.prototype members.
export const VERBS: Record<string, VerbSpec> = Object.assign(Object.create(null), {
  create: {
    flags: ['filename', 'image', 'replicas', 'port', 'dry-run', 'output', 'save-config', 'from-literal', 'from-file', 'from-env-file', 'type', 'selector', 'min-available', 'max-unavailable', 'schedule', 'restart', 'from'],
    subcommands: ['configmap', 'cronjob', 'deployment', 'job', 'namespace', 'poddisruptionbudget', 'secret'],
    help: '리소스 만들기 (create deployment, create job, create configmap, create secret generic, create pdb, create cronjob, create -f)',
  },
  expose: {
    flags: ['port', 'target-port', 'type', 'name', 'protocol', 'selector', 'dry-run', 'output', 'cluster-ip'],
    help: '디플로이먼트/파드를 서비스로 노출',
  },
  run: {
    flags: ['image', 'labels', 'port', 'dry-run', 'output', 'restart', 'env', 'stdin', 'tty', 'rm', 'attach'],
    help: '파드 하나 실행',
  },
  set: { flags: ['dry-run', 'output', 'selector', 'all'], subcommands: ['image'], help: '이미지 등 설정 바꾸기 (set image)' },
  explain: { flags: ['recursive'], help: '리소스 필드 설명 (한국어)' },
  get: {
    flags: ['all-namespaces', 'output', 'selector', 'watch', 'show-labels', 'field-selector', 'no-headers', 'show-kind', 'sort-by'],
    help: '리소스 목록 보기',
  },
  edit: unsupported('리소스 편집'),
  delete: {
    flags: ['filename', 'selector', 'all', 'all-namespaces', 'grace-period', 'now', 'wait', 'force', 'field-selector'],
    help: '리소스 삭제',
  },
  rollout: {
    flags: ['to-revision', 'revision', 'watch', 'timeout', 'output'],
    subcommands: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
    help: '롤아웃 관리 (status, history, undo, pause, resume, restart)',
  },
  scale: { flags: ['replicas', 'filename', 'selector', 'all'], help: '레플리카 수 바꾸기' },
  autoscale: unsupported('오토스케일 설정'),
  certificate: unsupported('인증서 관리'),
  'cluster-info': { flags: [], help: '클러스터 정보' },
  top: {
    flags: ['all-namespaces', 'selector', 'field-selector', 'sort-by', 'containers', 'no-headers', 'sum', 'show-capacity'],
    subcommands: ['node', 'pod'],
    help: 'CPU/메모리 사용량 보기 (top pods, top nodes)',
  },
  cordon: { flags: ['selector', 'dry-run'], help: '노드에 새 파드 배치 막기' },
  uncordon: { flags: ['selector', 'dry-run'], help: '노드 배치 다시 허용' },
  drain: {
    flags: ['ignore-daemonsets', 'delete-emptydir-data', 'force', 'grace-period', 'timeout', 'selector', 'dry-run'],
    help: '노드 비우기 (파드 내보내기)',
  },
  taint: unsupported('노드 테인트'),
  describe: { flags: ['all-namespaces', 'selector', 'filename'], help: '리소스 자세히 보기' },
  logs: { flags: ['container', 'tail', 'follow', 'previous', 'timestamps', 'selector', 'since', 'since-time', 'all-containers', 'prefix', 'limit-bytes'], help: '컨테이너 로그 보기' },
  attach: unsupported('컨테이너에 붙기'),
  exec: { flags: ['container', 'stdin', 'tty'], help: '컨테이너 안에서 명령 실행 (exec POD -- CMD)' },
  'port-forward': unsupported('포트 포워딩'),
  proxy: unsupported('API 서버 프록시'),
  cp: unsupported('파일 복사'),
  auth: unsupported('권한 확인'),
  debug: unsupported('디버깅'),
  events: unsupported('이벤트 보기'),
  diff: unsupported('변경 미리 보기'),
  apply: { flags: ['filename', 'dry-run', 'output', 'recursive'], help: '파일 내용대로 적용 (apply -f)' },
  patch: unsupported('부분 수정'),
  replace: unsupported('교체'),
  wait: unsupported('조건 기다리기'),
  kustomize: unsupported('kustomize'),
  label: { flags: ['overwrite', 'selector', 'all', 'dry-run', 'output'], help: '레이블 붙이기/떼기' },
  annotate: { flags: ['overwrite', 'selector', 'all'], help: '어노테이션 붙이기/떼기 (예: 변경 사유 기록)' },
  completion: { flags: [], subcommands: ['bash', 'zsh', 'fish', 'powershell'], help: '셸 자동 완성 스크립트' },
  alpha: unsupported('실험 기능'),
  'api-resources': { flags: ['output', 'namespaced'], help: '리소스 종류 목록' },
  'api-versions': unsupported('API 버전 목록'),
  config: unsupported('kubeconfig 설정'),
  plugin: unsupported('플러그인'),
  version: { flags: ['client', 'output'], help: '버전 정보' },
  options: unsupported('전역 옵션'),
  help: { flags: [], help: '도움말 (한국어)' },
} satisfies Record<string, VerbSpec>);

/** Long flag names a verb accepts (its own plus the global ones). */
export function flagsFor(verb: string): string[] {
  return [...(VERBS[verb]?.flags ?? []), ...GLOBAL];
}

/** Resolve a shorthand letter within a verb's flags (`-f` is --filename for apply, --follow for logs). */
export function shortFlag(verb: string, letter: string): string | undefined {
  return flagsFor(verb).find((f) => FLAGS[f]?.short === letter);
}
