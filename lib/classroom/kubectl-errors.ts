/**
 * The kinds of kubectl mistakes a class reports, read from what the terminal printed to stderr — in the
 * student's browser, so only the class and a hint id ever leave it (never the command or the output).
 * kubectl's wording is upstream's: `Error from server (<Reason>): …` for an API Status (k8s.io/kubectl
 * pkg/cmd/util/helpers.go StandardErrorMessage), `The <Kind> "<name>" is invalid: …` for Invalid, and
 * `error: …` for client-side failures (unknown flags, resource types, usage).
 */

export interface KubectlErrorClass {
  /** Korean, for the instructor's "자주 나오는 실수". */
  label: string;
  /** What usually helps, in Korean (the hint id's meaning). */
  hint: string;
}

export const KUBECTL_ERROR_CLASSES = {
  NotFound: { label: '없는 이름을 가리킴', hint: "'kubectl get'으로 지금 있는 이름을 확인" },
  AlreadyExists: { label: '이미 있는 이름으로 만들기', hint: "'kubectl apply'로 바꾸거나 지운 뒤 다시 만들기" },
  Invalid: { label: '잘못된 필드 값', hint: '표시된 필드 값 고치기' },
  Conflict: { label: '동시에 바뀐 리소스 수정', hint: '같은 명령 다시 실행' },
  BadRequest: { label: '잘못된 입력 값', hint: '이름·셀렉터·형식 확인' },
  Forbidden: { label: '허용되지 않는 작업', hint: '이 클러스터의 제한 확인' },
  QuotaExceeded: { label: '쿼터 한도 초과', hint: '레플리카 수 줄이기' },
  UnknownResource: { label: '모르는 리소스 종류', hint: "'kubectl api-resources'로 종류 이름 확인" },
  UnknownFlag: { label: '모르는 플래그', hint: "'kubectl <명령> --help'로 플래그 확인" },
  UnsupportedCommand: { label: '없는(지원하지 않는) 명령', hint: "'help'로 쓸 수 있는 명령 확인" },
  Usage: { label: '명령 형식 오류', hint: '인자 개수와 순서 확인' },
  Other: { label: '기타 kubectl 오류', hint: '오류 메시지 읽어 보기' },
} as const satisfies Record<string, KubectlErrorClass>;

export type KubectlErrorKind = keyof typeof KUBECTL_ERROR_CLASSES;
export const KUBECTL_ERROR_KINDS = Object.keys(KUBECTL_ERROR_CLASSES) as [KubectlErrorKind, ...KubectlErrorKind[]];

/** Hint ids: one per class (`hint.<class>`), so the server can refuse anything else. */
export const hintIdOf = (kind: KubectlErrorKind) => `hint.${kind}`;

const STATUS_REASONS = new Set<string>(['NotFound', 'AlreadyExists', 'Invalid', 'Conflict', 'BadRequest', 'Forbidden']);

/** The class of a failed command from its stderr text; null when nothing on stderr looks like an error. */
export function classifyKubectlError(stderr: string): KubectlErrorKind | null {
  // Following the instructor's (read-only) cluster is not a mistake.
  if (stderr.includes('따라오기 중에는')) return null;
  if (/exceeded quota:/.test(stderr)) return 'QuotaExceeded';
  const reason = /Error from server \((\w+)\)/.exec(stderr)?.[1];
  if (reason) return STATUS_REASONS.has(reason) ? (reason as KubectlErrorKind) : 'Other';
  if (/^The \S+ "[^"]*" is invalid/m.test(stderr)) return 'Invalid';
  if (/the server doesn't have a resource type/.test(stderr)) return 'UnknownResource';
  if (/unknown (shorthand )?flag/.test(stderr)) return 'UnknownFlag';
  if (/is not available in this practice terminal|unknown command/.test(stderr)) return 'UnsupportedCommand';
  if (/required|must specify|expected|accepts|Usage|requires/i.test(stderr) && /^error:/m.test(stderr)) return 'Usage';
  return /^error:|Error/m.test(stderr) ? 'Other' : null;
}
