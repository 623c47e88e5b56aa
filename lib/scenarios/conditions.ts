/**
 * Wait-until conditions evaluated synchronously over a client's cache (`ClusterClient.cached()`), so the runner can
 * check after every simulated time step without a round-trip, and the same code works on live and replayed clusters.
 * Cost: O(objects in the cache) per condition.
 */
import { CLUSTER_SCOPED, type KubeObject, type V1Pod } from '../k8s/types';
import { labelsMatch } from '../k8s/selectors';
import { readField } from '../lessons/field-path';
import { KIND_KO } from '../k8s/kind-names';
import { josa } from '../text/korean';
import type { Scalar, WaitCondition } from './schema';

export interface ConditionOutcome {
  ok: boolean;
  /** Korean sentences saying what is still missing; empty when ok. */
  waitingFor: string[];
}

function namespaceOf(c: WaitCondition): string {
  return CLUSTER_SCOPED.has(c.kind) ? '' : (c.namespace ?? 'default');
}

/** Objects of the condition's kind/namespace picked by name or selector: the live ones, or only the terminating ones. */
export function selectObjects(c: WaitCondition, cache: ReadonlyMap<string, KubeObject>): KubeObject[] {
  const prefix = `${c.kind}/${namespaceOf(c)}/`;
  const terminating = c.terminating ?? false;
  const out: KubeObject[] = [];
  for (const [key, obj] of cache) {
    if (!key.startsWith(prefix) || Boolean(obj.metadata?.deletionTimestamp) !== terminating) continue;
    if (c.name !== undefined && obj.metadata?.name !== c.name) continue;
    if (c.labelSelector !== undefined && !labelsMatch(c.labelSelector, obj.metadata?.labels)) continue;
    out.push(obj);
  }
  return out.sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

function sameValue(actual: unknown, expected: Scalar): boolean {
  if (actual === expected) return true;
  if (expected === null) return actual === undefined || actual === null;
  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  return String(actual) === String(expected);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Every waiting/terminated reason a pod's containers report now. */
export function containerReasons(pod: V1Pod): string[] {
  const reasons: string[] = [];
  for (const s of pod.status?.containerStatuses ?? []) {
    if (s.state?.waiting?.reason) reasons.push(s.state.waiting.reason);
    if (s.state?.terminated?.reason) reasons.push(s.state.terminated.reason);
  }
  return reasons;
}

/** Pods and Nodes share the shape of their Ready condition. */
function readyConditionTrue(obj: KubeObject): boolean {
  const conditions = (obj as { status?: { conditions?: { type?: string; status?: string }[] } }).status?.conditions ?? [];
  return conditions.some((x) => x.type === 'Ready' && x.status === 'True');
}

/** First reason this object does not pass the condition's filters, or null when it passes. */
function filterMiss(c: WaitCondition, obj: KubeObject): string | null {
  const pod = obj as V1Pod;
  if (c.phase !== undefined && (pod.status?.phase ?? 'Pending') !== c.phase) return `${c.phase} 상태`;
  if (c.ready !== undefined && readyConditionTrue(obj) !== c.ready) return c.ready ? '준비(Ready) 상태' : '준비되지 않은 상태';
  if (c.reason !== undefined) {
    const wanted = Array.isArray(c.reason) ? c.reason : [c.reason];
    if (!containerReasons(pod).some((r) => wanted.includes(r))) return `${wanted.join('/')} 상태`;
  }
  for (const [path, expected] of Object.entries(c.expect ?? {})) {
    if (!sameValue(readField(obj, path), expected)) return `${path}=${String(expected)}`;
  }
  for (const path of c.present ?? []) if (isEmpty(readField(obj, path))) return `${path} 설정됨`;
  for (const path of c.missing ?? []) if (!isEmpty(readField(obj, path))) return `${path} 비어 있음`;
  return null;
}

function subject(c: WaitCondition): string {
  const who = c.name !== undefined ? `${KIND_KO[c.kind]} ${c.name}` : `${c.labelSelector} ${KIND_KO[c.kind]}`;
  return c.terminating ? `종료 중(Terminating)인 ${who}` : who;
}

/** Evaluate one condition against the cache. Pure; never throws on odd objects. */
export function evaluateCondition(c: WaitCondition, cache: ReadonlyMap<string, KubeObject>): ConditionOutcome {
  const selected = selectObjects(c, cache);
  const who = subject(c);
  if (c.absent) {
    return selected.length === 0 ? { ok: true, waitingFor: [] } : { ok: false, waitingFor: [`${josa(who, '이/가')} 사라지기를 기다리는 중 (지금 ${selected.length}개)`] };
  }
  const misses = selected.map((o) => filterMiss(c, o));
  const passing = misses.filter((m) => m === null).length;
  if (c.count !== undefined) {
    return passing === c.count ? { ok: true, waitingFor: [] } : { ok: false, waitingFor: [`조건에 맞는 ${who}: ${c.count}개를 기다리는 중 (지금 ${passing}개)`] };
  }
  if (c.minCount !== undefined) {
    return passing >= c.minCount ? { ok: true, waitingFor: [] } : { ok: false, waitingFor: [`조건에 맞는 ${who}: ${c.minCount}개 이상을 기다리는 중 (지금 ${passing}개)`] };
  }
  if (selected.length === 0) return { ok: false, waitingFor: [`${josa(who, '이/가')} 생기기를 기다리는 중`] };
  const firstMiss = misses.find((m) => m !== null);
  return firstMiss ? { ok: false, waitingFor: [`${who}: ${josa(firstMiss, '을/를')} 기다리는 중`] } : { ok: true, waitingFor: [] };
}

/** All conditions at once; ok only when every one holds. */
export function evaluateConditions(conds: readonly WaitCondition[] | undefined, cache: ReadonlyMap<string, KubeObject>): ConditionOutcome {
  const waitingFor = (conds ?? []).flatMap((c) => evaluateCondition(c, cache).waitingFor);
  return { ok: waitingFor.length === 0, waitingFor };
}
