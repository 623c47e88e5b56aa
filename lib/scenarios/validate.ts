/**
 * Scenario validation: a malformed scenario file fails the content test with a Korean message naming the step,
 * instead of stalling in front of a class. Also parses YAML text into a Scenario.
 */
import { parse as parseYaml } from 'yaml';
import { KINDS } from '../k8s/types';
import { parseLabelSelector } from '../k8s/selectors';
import { parseFieldPath } from '../lessons/field-path';
import { STEP_VIEWS, type Scenario, type WaitCondition } from './schema';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ID_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const SCENARIO_KEYS = new Set(['id', 'title', 'summary', 'order', 'speed', 'topics', 'setup', 'ready', 'steps']);
const STEP_KEYS = new Set(['title', 'narration', 'command', 'action', 'waitFor', 'timeoutMs', 'spotlight', 'view', 'claims']);
const CONDITION_KEYS = new Set(['kind', 'name', 'namespace', 'labelSelector', 'count', 'minCount', 'absent', 'phase', 'ready', 'reason', 'expect', 'present', 'missing', 'terminating']);
const SPOTLIGHT_KINDS = new Set(['Pod', 'Node', 'Deployment', 'ReplicaSet', 'Service']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const hasHangul = (s: string) => /[가-힣]/.test(s);

function unknownKeys(raw: Record<string, unknown>, allowed: Set<string>, where: string): string[] {
  return Object.keys(raw).filter((k) => !allowed.has(k)).map((k) => `${where}: 알 수 없는 키 "${k}"`);
}

function selectorErrors(sel: unknown, where: string): string[] {
  if (sel === undefined) return [];
  if (!nonEmpty(sel)) return [`${where}: labelSelector는 비어 있지 않은 문자열이어야 합니다`];
  try {
    parseLabelSelector(sel);
    return [];
  } catch {
    return [`${where}: 레이블 셀렉터 "${sel}"를 읽을 수 없습니다`];
  }
}

function pathErrors(paths: string[], where: string): string[] {
  return paths.flatMap((p) => {
    try {
      parseFieldPath(p);
      return [];
    } catch {
      return [`${where}: 필드 경로 "${p}"를 읽을 수 없습니다`];
    }
  });
}

/** Problems with one wait condition, in Korean; empty when well formed. */
export function conditionErrors(raw: unknown, where: string): string[] {
  if (!isRecord(raw)) return [`${where}: 객체여야 합니다`];
  const errors = unknownKeys(raw, CONDITION_KEYS, where);
  const c = raw as Partial<WaitCondition> & Record<string, unknown>;
  if (!(KINDS as readonly unknown[]).includes(c.kind)) errors.push(`${where}: kind "${String(c.kind)}"는 지원하지 않습니다`);
  if ((c.name === undefined) === (c.labelSelector === undefined)) errors.push(`${where}: name과 labelSelector 중 정확히 하나가 필요합니다`);
  if (c.name !== undefined && !nonEmpty(c.name)) errors.push(`${where}: name은 비어 있지 않은 문자열이어야 합니다`);
  errors.push(...selectorErrors(c.labelSelector, where));
  for (const k of ['count', 'minCount'] as const) {
    const v = c[k];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) errors.push(`${where}: ${k}는 0 이상의 정수여야 합니다`);
  }
  if (c.count !== undefined && c.minCount !== undefined) errors.push(`${where}: count와 minCount는 함께 쓸 수 없습니다`);
  if (c.absent !== undefined && typeof c.absent !== 'boolean') errors.push(`${where}: absent는 true/false여야 합니다`);
  for (const k of ['ready', 'terminating'] as const) if (c[k] !== undefined && typeof c[k] !== 'boolean') errors.push(`${where}: ${k}는 true/false여야 합니다`);
  if (c.phase !== undefined && !['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'].includes(c.phase as string)) errors.push(`${where}: phase "${String(c.phase)}"는 파드 단계가 아닙니다`);
  const reasons = c.reason === undefined ? [] : Array.isArray(c.reason) ? c.reason : [c.reason];
  if (!reasons.every(nonEmpty)) errors.push(`${where}: reason은 문자열(또는 문자열 목록)이어야 합니다`);
  if (c.expect !== undefined) {
    if (!isRecord(c.expect)) errors.push(`${where}: expect는 필드 경로 → 값 객체여야 합니다`);
    else {
      errors.push(...pathErrors(Object.keys(c.expect), where));
      for (const [p, v] of Object.entries(c.expect)) if (v !== null && typeof v === 'object') errors.push(`${where}: expect.${p} 값은 문자열/숫자/불리언이어야 합니다`);
    }
  }
  for (const k of ['present', 'missing'] as const) {
    const v = c[k];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every(nonEmpty)) errors.push(`${where}: ${k}는 필드 경로 목록이어야 합니다`);
    else errors.push(...pathErrors(v, where));
  }
  return errors;
}

function actionErrors(raw: unknown, where: string): string[] {
  if (!isRecord(raw)) return [`${where}: action은 객체여야 합니다`];
  switch (raw.type) {
    case 'failNode':
    case 'recoverNode':
      return nonEmpty(raw.node) ? unknownKeys(raw, new Set(['type', 'node']), where) : [`${where}: ${raw.type}에는 node가 필요합니다`];
    case 'deletePod': {
      const errors = unknownKeys(raw, new Set(['type', 'name', 'labelSelector', 'namespace']), where);
      if ((raw.name === undefined) === (raw.labelSelector === undefined)) errors.push(`${where}: deletePod에는 name과 labelSelector 중 하나가 필요합니다`);
      return [...errors, ...selectorErrors(raw.labelSelector, where)];
    }
    default:
      return [`${where}: 알 수 없는 action "${String(raw.type)}" (failNode, recoverNode, deletePod 중 하나)`];
  }
}

function commandErrors(cmd: unknown, where: string): string[] {
  if (!nonEmpty(cmd)) return [`${where}: 명령은 비어 있지 않은 문자열이어야 합니다`];
  return /^kubectl\s+\S/.test(cmd.trim()) ? [] : [`${where}: 명령은 kubectl로 시작해야 합니다: "${cmd}"`];
}

function conditionListErrors(raw: unknown, where: string): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length === 0) return [`${where}: 조건 목록이어야 합니다`];
  return raw.flatMap((c, i) => conditionErrors(c, `${where}[${i}]`));
}

/** A claim backs words of its step's narration: a cluster condition, or a regular expression over the command output. */
function claimListErrors(raw: unknown, step: Record<string, unknown>, where: string): string[] {
  if (!Array.isArray(raw) || raw.length === 0) return [`${where}.claims: 주장 목록이어야 합니다`];
  const narration = typeof step.narration === 'string' ? step.narration.replace(/\s+/g, ' ') : '';
  return raw.flatMap((c, i) => {
    const at = `${where}.claims[${i}]`;
    if (!isRecord(c)) return [`${at}: 객체여야 합니다`];
    const errors: string[] = [];
    if (!nonEmpty(c.says) || !narration.includes(c.says.replace(/\s+/g, ' '))) errors.push(`${at}: says "${String(c.says)}"가 설명(narration)에 없습니다`);
    const { says: _says, output, ...condition } = c;
    if (output === undefined) return [...errors, ...conditionErrors(condition, at)];
    if (Object.keys(condition).length > 0) errors.push(`${at}: output 주장에는 조건 키를 함께 쓸 수 없습니다`);
    if (!nonEmpty(step.command)) errors.push(`${at}: output 주장은 kubectl 명령이 있는 단계에만 쓸 수 있습니다`);
    try {
      new RegExp(String(output), 'm');
    } catch {
      errors.push(`${at}: output 정규식 "${String(output)}"를 읽을 수 없습니다`);
    }
    return errors;
  });
}

function stepErrors(raw: unknown, where: string): string[] {
  if (!isRecord(raw)) return [`${where}: 객체여야 합니다`];
  const errors = unknownKeys(raw, STEP_KEYS, where);
  if (!nonEmpty(raw.title) || !hasHangul(raw.title)) errors.push(`${where}: title은 한국어 문장이어야 합니다`);
  if (!nonEmpty(raw.narration) || !hasHangul(raw.narration)) errors.push(`${where}: narration은 한국어 설명이어야 합니다`);
  if (raw.command !== undefined && raw.action !== undefined) errors.push(`${where}: command와 action은 함께 쓸 수 없습니다`);
  if (raw.command !== undefined) errors.push(...commandErrors(raw.command, where));
  if (raw.action !== undefined) errors.push(...actionErrors(raw.action, where));
  errors.push(...conditionListErrors(raw.waitFor, `${where}.waitFor`));
  if (raw.timeoutMs !== undefined && !(Number.isInteger(raw.timeoutMs) && (raw.timeoutMs as number) > 0)) errors.push(`${where}: timeoutMs는 양의 정수여야 합니다`);
  if (raw.view !== undefined && !(STEP_VIEWS as readonly unknown[]).includes(raw.view)) errors.push(`${where}: view는 ${STEP_VIEWS.join(', ')} 중 하나여야 합니다`);
  if (raw.claims !== undefined) errors.push(...claimListErrors(raw.claims, raw, where));
  if (raw.spotlight !== undefined) {
    const s = raw.spotlight;
    if (!isRecord(s) || !SPOTLIGHT_KINDS.has(s.kind as string) || (s.name === undefined && s.labelSelector === undefined))
      errors.push(`${where}: spotlight는 { kind: Pod|Node|…, name 또는 labelSelector }여야 합니다`);
    else errors.push(...selectorErrors(s.labelSelector, `${where}.spotlight`));
  }
  return errors;
}

/** Check a parsed scenario object; `expectedId` (the file name) must equal its id when given. */
export function validateScenario(raw: unknown, expectedId?: string): Validation<Scenario> {
  if (!isRecord(raw)) return { ok: false, errors: ['시나리오는 객체여야 합니다'] };
  const errors = unknownKeys(raw, SCENARIO_KEYS, '시나리오');
  if (!nonEmpty(raw.id) || !ID_PATTERN.test(raw.id)) errors.push(`id "${String(raw.id)}"는 소문자-하이픈 형식이어야 합니다`);
  else if (expectedId !== undefined && raw.id !== expectedId) errors.push(`id "${raw.id}"가 파일 이름 "${expectedId}"와 다릅니다`);
  if (!nonEmpty(raw.title) || !hasHangul(raw.title)) errors.push('title은 한국어여야 합니다');
  if (!nonEmpty(raw.summary) || !hasHangul(raw.summary)) errors.push('summary는 한국어여야 합니다');
  if (!Number.isInteger(raw.order)) errors.push('order는 정수여야 합니다');
  if (raw.speed !== undefined && !(typeof raw.speed === 'number' && raw.speed >= 0.5 && raw.speed <= 60)) errors.push('speed는 0.5에서 60 사이의 숫자여야 합니다');
  if (raw.topics !== undefined && (!Array.isArray(raw.topics) || !raw.topics.every(nonEmpty))) errors.push('topics는 문자열 목록이어야 합니다');
  if (raw.setup !== undefined) {
    if (!Array.isArray(raw.setup)) errors.push('setup은 kubectl 명령 목록이어야 합니다');
    else raw.setup.forEach((cmd, i) => errors.push(...commandErrors(cmd, `setup[${i}]`)));
  }
  errors.push(...conditionListErrors(raw.ready, 'ready'));
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) errors.push('steps에 단계가 하나 이상 있어야 합니다');
  else raw.steps.forEach((s, i) => errors.push(...stepErrors(s, `${i + 1}단계`)));
  return errors.length ? { ok: false, errors } : { ok: true, value: raw as unknown as Scenario };
}

/** Parse and validate YAML text. */
export function parseScenario(yamlText: string, expectedId?: string): Validation<Scenario> {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (e) {
    return { ok: false, errors: [`YAML을 읽을 수 없습니다: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return validateScenario(raw, expectedId);
}
