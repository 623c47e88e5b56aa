/**
 * Evaluates exercise checks (data from the lesson) against whatever cluster is active, through the one
 * ClusterClient interface, and explains every miss in specific Korean:
 * "디플로이먼트 web의 replicas가 3이 아니라 2입니다", "파드 webserver의 이미지가 nginx:latest가 아닙니다".
 */
import { CLUSTER_SCOPED, isStatusError, type KubeObject, type V1Node, type V1Pod } from '../k8s/types';
import type { ClusterClient } from '../cluster/types';
import type { ExerciseCheck, ObjectCheck, Scalar } from './exercise-spec';
import { evaluateMachineCheck, type MachineFacts } from './machine-check';
import { readField } from './field-path';
import { KIND_KO } from '../k8s/kind-names';
import { josa } from '../text/korean';
import { zeroDowntimeFailures } from './traffic-check';
import { evaluateRequestCheck } from './request-check';

export interface CheckOutcome {
  ok: boolean;
  /** One Korean sentence per unmet expectation; empty when ok. */
  failures: string[];
}

/** The subset of ClusterClient a check needs, so tests and the server can pass a smaller object. */
export type CheckClient = Pick<ClusterClient, 'list' | 'get' | 'traffic'> & Partial<Pick<ClusterClient, 'runOnLaptop' | 'exec'>>;

/** Friendlier names for the fields lessons check most; any other path is shown as written. */
const FIELD_LABELS: Record<string, string> = {
  'spec.replicas': 'replicas',
  'spec.containers[0].image': '이미지',
  'spec.template.spec.containers[0].image': '이미지',
  'spec.containers[0].name': '컨테이너 이름',
  'spec.template.spec.containers[0].name': '컨테이너 이름',
  'spec.ports[0].port': '포트',
  'spec.ports[0].targetPort': 'targetPort',
  'spec.type': '서비스 타입',
  'spec.paused': '일시 중지 상태(paused)',
  'status.readyReplicas': '준비된 파드 수(readyReplicas)',
  'spec.strategy.rollingUpdate.maxSurge': 'maxSurge',
  'spec.strategy.rollingUpdate.maxUnavailable': 'maxUnavailable',
};

function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const label = /^(?:spec\.template\.)?metadata\.labels\.(.+)$/.exec(path);
  if (label) return `레이블 ${label[1]}`;
  const selector = /^spec\.selector\.(?:matchLabels\.)?([^.[\]]+)$/.exec(path);
  if (selector) return `셀렉터 ${selector[1]} 값`;
  return path;
}

function display(value: unknown): string {
  if (value === undefined) return '(없음)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Loose equality: lesson YAML may write 3 where the API returns '3' (or the reverse). */
function sameValue(actual: unknown, expected: Scalar): boolean {
  if (actual === expected) return true;
  if (actual === undefined || actual === null || expected === null) return false;
  if (typeof actual === 'object') return false;
  return String(actual) === String(expected);
}

function fieldFailure(subject: string, path: string, expected: Scalar, actual: unknown): string {
  const label = fieldLabel(path);
  const expectedText = display(expected);
  if (actual === undefined || actual === null) return `${subject}의 ${josa(label, '이/가')} 설정되어 있지 않습니다 (기대값: ${expectedText})`;
  if (typeof expected === 'number') return `${subject}의 ${josa(label, '이/가')} ${josa(expectedText, '이/가')} 아니라 ${display(actual)}입니다`;
  return `${subject}의 ${josa(label, '이/가')} ${josa(expectedText, '이/가')} 아닙니다 (지금: ${display(actual)})`;
}

function isTerminating(obj: KubeObject): boolean {
  return Boolean(obj.metadata?.deletionTimestamp);
}

/** A Pod's or a Node's Ready condition is True (both keep it in status.conditions). */
function isReady(obj: V1Pod | V1Node): boolean {
  return (obj.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function objectFailures(check: ObjectCheck, obj: KubeObject): string[] {
  const subject = `${KIND_KO[check.kind]} ${obj.metadata?.name ?? '?'}`;
  const failures: string[] = [];
  for (const [path, expected] of Object.entries(check.expect ?? {})) {
    const actual = readField(obj, path);
    if (!sameValue(actual, expected)) failures.push(fieldFailure(subject, path, expected, actual));
  }
  for (const path of check.present ?? []) {
    const actual = readField(obj, path);
    if (actual === undefined || actual === null || actual === '') failures.push(`${subject}에 ${josa(fieldLabel(path), '이/가')} 설정되어 있지 않습니다`);
  }
  if (check.kind === 'Pod') {
    const phase = (obj as V1Pod).status?.phase ?? 'Pending';
    if (check.phase && phase !== check.phase) failures.push(`${josa(subject, '이/가')} 아직 ${check.phase} 상태가 아닙니다 (지금: ${phase})`);
  }
  if (check.kind === 'Pod' || check.kind === 'Node') {
    const ready = isReady(obj as V1Pod | V1Node);
    if (check.ready === true && !ready) failures.push(`${josa(subject, '이/가')} 아직 준비(Ready)되지 않았습니다`);
    if (check.ready === false && ready) failures.push(`${josa(subject, '이/가')} 준비(Ready) 상태이면 안 됩니다`);
  }
  return failures;
}

function namespaceOf(check: ObjectCheck): string | undefined {
  return CLUSTER_SCOPED.has(check.kind) ? undefined : (check.namespace ?? 'default');
}

async function getOrUndefined(client: CheckClient, check: ObjectCheck): Promise<KubeObject | undefined> {
  try {
    return await client.get(check.kind, check.name!, namespaceOf(check));
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

async function evaluateNamed(client: CheckClient, check: ObjectCheck): Promise<string[]> {
  const obj = await getOrUndefined(client, check);
  const subject = `${KIND_KO[check.kind]} ${check.name}`;
  if (check.absent) {
    return obj && !isTerminating(obj) ? [`${josa(subject, '이/가')} 아직 남아 있습니다`] : [];
  }
  if (!obj) return [`${josa(subject, '이/가')} 없습니다`];
  if (isTerminating(obj)) return [`${josa(subject, '이/가')} 삭제되는 중입니다`];
  const failures = objectFailures(check, obj);
  if (check.zeroDowntimeRollout && failures.length === 0) return zeroDowntimeFailures(client, check.name!, namespaceOf(check) ?? 'default');
  return failures;
}

async function evaluateSelected(client: CheckClient, check: ObjectCheck): Promise<string[]> {
  const all = await client.list(check.kind, namespaceOf(check), { labelSelector: check.labelSelector });
  const live = all.filter((o) => !isTerminating(o));
  const group = `레이블이 ${check.labelSelector}인 ${KIND_KO[check.kind]}`;
  if (check.count !== undefined && live.length !== check.count)
    return [`${josa(group, '이/가')} ${check.count === 0 ? '없어야' : `${check.count}개여야`} 하는데 지금은 ${live.length}개입니다`];
  const min = check.count === undefined ? (check.minCount ?? 1) : 0;
  if (live.length < min) return [`${josa(group, '이/가')} ${min}개 이상 있어야 하는데 지금은 ${live.length}개입니다`];
  return live.flatMap((obj) => objectFailures(check, obj));
}

/** Evaluate one check; never throws — an unreachable cluster becomes a failure message. */
export async function evaluateCheck(client: CheckClient, check: ObjectCheck): Promise<string[]> {
  try {
    return check.name ? await evaluateNamed(client, check) : await evaluateSelected(client, check);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [`클러스터에서 ${KIND_KO[check.kind]} 정보를 가져오지 못했습니다: ${reason}`];
  }
}

/**
 * Evaluate every check of an exercise; all failures are reported, not just the first. Machine checks read
 * `machines` (the bare-machines lab); without it they fail with a Korean explanation.
 */
export async function evaluateChecks(client: CheckClient, checks: readonly ExerciseCheck[], machines: MachineFacts | null = null): Promise<CheckOutcome> {
  const results = await Promise.all(checks.map((c) => (c.kind === 'Machine' ? evaluateMachineCheck(machines, c) : c.kind === 'Request' ? evaluateRequestCheck(client, c) : evaluateCheck(client, c))));
  // Two checks on the same missing object would say the same thing twice.
  const failures = [...new Set(results.flat())];
  return { ok: failures.length === 0, failures };
}
