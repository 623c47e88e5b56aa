/**
 * Exercise checks are data written in the lesson (a ```exercise YAML block): which objects must exist, with
 * which fields, how many, in which phase. This module defines that shape and validates it, so a lesson with a
 * malformed check fails the content test rather than confusing a student.
 */
import { KINDS, type Kind } from '../k8s/types';
import { parseFieldPath } from './field-path';

export type Scalar = string | number | boolean | null;

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;
export type PodPhase = (typeof POD_PHASES)[number];

/** One assertion about the cluster. Targets either one object by `name` or a set by `labelSelector`. */
export interface ObjectCheck {
  kind: Kind;
  name?: string;
  /** Defaults to 'default' for namespaced kinds. */
  namespace?: string;
  labelSelector?: string;
  /** Exact number of (non-terminating) objects the selector must match. */
  count?: number;
  /** At least this many; a selector with neither count nor minCount means at least one. */
  minCount?: number;
  /** Pods only: every matched pod is in this phase. */
  phase?: PodPhase;
  /** Pods only: every matched pod reports the Ready condition. */
  ready?: boolean;
  /** Field path → expected value, compared on every matched object. */
  expect?: Record<string, Scalar>;
  /** Field paths that must be set to anything (e.g. a probe or resource request). */
  present?: string[];
  /** The named object must be gone (terminating counts as gone). */
  absent?: boolean;
}

export interface ExerciseSpec {
  id: string;
  title: string;
  /** What the student should do, in Korean. */
  task: string;
  hint?: string;
  /** kubectl lines that solve it from the lesson's starting cluster; tests replay them in the simulator. */
  solution?: string[];
  checks: ObjectCheck[];
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const CHECK_KEYS = new Set(['kind', 'name', 'namespace', 'labelSelector', 'count', 'minCount', 'phase', 'ready', 'expect', 'present', 'absent']);
const ID_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is Scalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function fieldPathErrors(path: string, where: string): string[] {
  try {
    parseFieldPath(path);
    return [];
  } catch {
    return [`${where}: 필드 경로 "${path}"를 읽을 수 없습니다`];
  }
}

/** Every problem with one check, in Korean; empty when it is well formed. */
export function checkErrors(raw: unknown, where = 'check'): string[] {
  if (!isRecord(raw)) return [`${where}: 객체여야 합니다`];
  const errors: string[] = [];
  for (const key of Object.keys(raw)) if (!CHECK_KEYS.has(key)) errors.push(`${where}: 알 수 없는 키 "${key}"`);
  const { kind, name, labelSelector, count, minCount, phase, ready, expect, present, absent, namespace } = raw;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) errors.push(`${where}: kind "${String(kind)}"는 지원하지 않습니다`);
  const hasName = typeof name === 'string' && name.length > 0;
  const hasSelector = typeof labelSelector === 'string' && labelSelector.length > 0;
  if (hasName === hasSelector) errors.push(`${where}: name과 labelSelector 중 정확히 하나가 필요합니다`);
  if (name !== undefined && !hasName) errors.push(`${where}: name은 비어 있지 않은 문자열이어야 합니다`);
  if (labelSelector !== undefined && !hasSelector) errors.push(`${where}: labelSelector는 비어 있지 않은 문자열이어야 합니다`);
  if (namespace !== undefined && typeof namespace !== 'string') errors.push(`${where}: namespace는 문자열이어야 합니다`);
  for (const [key, value] of [['count', count], ['minCount', minCount]] as const) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || (value as number) < 0) errors.push(`${where}: ${key}는 0 이상의 정수여야 합니다`);
    if (!hasSelector) errors.push(`${where}: ${key}는 labelSelector와 함께 써야 합니다`);
  }
  if (count !== undefined && minCount !== undefined) errors.push(`${where}: count와 minCount는 함께 쓸 수 없습니다`);
  if (phase !== undefined && !(POD_PHASES as readonly unknown[]).includes(phase)) errors.push(`${where}: phase "${String(phase)}"는 파드 단계가 아닙니다`);
  if ((phase !== undefined || ready !== undefined) && kind !== 'Pod') errors.push(`${where}: phase와 ready는 Pod에만 쓸 수 있습니다`);
  if (ready !== undefined && typeof ready !== 'boolean') errors.push(`${where}: ready는 true/false여야 합니다`);
  if (expect !== undefined) {
    if (!isRecord(expect) || Object.keys(expect).length === 0) errors.push(`${where}: expect는 비어 있지 않은 객체여야 합니다`);
    else
      for (const [path, value] of Object.entries(expect)) {
        errors.push(...fieldPathErrors(path, where));
        if (!isScalar(value)) errors.push(`${where}: expect["${path}"] 값은 문자열, 숫자, 불리언 중 하나여야 합니다`);
      }
  }
  if (present !== undefined) {
    if (!Array.isArray(present) || present.length === 0 || !present.every((p) => typeof p === 'string')) errors.push(`${where}: present는 필드 경로 목록이어야 합니다`);
    else for (const path of present) errors.push(...fieldPathErrors(path as string, where));
  }
  if (absent !== undefined) {
    if (absent !== true) errors.push(`${where}: absent는 true만 쓸 수 있습니다`);
    if (!hasName) errors.push(`${where}: absent는 name과 함께 써야 합니다`);
    if ([count, minCount, phase, ready, expect, present].some((v) => v !== undefined)) errors.push(`${where}: absent와 다른 조건은 함께 쓸 수 없습니다`);
  }
  return errors;
}

/** Validate a whole exercise block as parsed from YAML. */
export function validateExercise(raw: unknown): Validation<ExerciseSpec> {
  if (!isRecord(raw)) return { ok: false, errors: ['exercise: 객체여야 합니다'] };
  const errors: string[] = [];
  const id = raw.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) errors.push(`exercise: id "${String(id)}"는 소문자, 숫자, -만 쓸 수 있습니다`);
  const where = `exercise ${String(id)}`;
  for (const key of ['title', 'task'] as const)
    if (typeof raw[key] !== 'string' || !(raw[key] as string).trim()) errors.push(`${where}: ${key}가 필요합니다`);
  if (raw.hint !== undefined && typeof raw.hint !== 'string') errors.push(`${where}: hint는 문자열이어야 합니다`);
  if (raw.solution !== undefined && !(Array.isArray(raw.solution) && raw.solution.length > 0 && raw.solution.every((l) => typeof l === 'string' && l.trim())))
    errors.push(`${where}: solution은 kubectl 명령 목록이어야 합니다`);
  if (!Array.isArray(raw.checks) || raw.checks.length === 0) errors.push(`${where}: checks 목록이 비어 있습니다`);
  else raw.checks.forEach((c, i) => errors.push(...checkErrors(c, `${where} checks[${i}]`)));
  return errors.length ? { ok: false, errors } : { ok: true, value: raw as unknown as ExerciseSpec };
}
