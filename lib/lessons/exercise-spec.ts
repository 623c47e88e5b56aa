/**
 * Exercise checks are data written in the lesson (a ```exercise YAML block): which objects must exist, with
 * which fields, how many, in which phase. This module defines that shape and validates it, so a lesson with a
 * malformed check fails the content test rather than confusing a student.
 */
import { z } from '../validation/zod';
import { KINDS } from '../k8s/types';
import { parseFieldPath } from './field-path';
import { MACHINE_NAMES, MachineCheckSchema, type MachineCheck } from './machine-check';
import { RequestCheckSchema, type RequestCheck } from './request-check';

export type Scalar = string | number | boolean | null;

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ID_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const nonBlank = (s: string) => s.trim() !== '';
const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function fieldPathReadable(path: string): boolean {
  try {
    parseFieldPath(path);
    return true;
  } catch {
    return false;
  }
}

const count = (key: string) => z.number({ error: `${key}는 0 이상의 정수여야 합니다` }).int({ error: `${key}는 0 이상의 정수여야 합니다` }).min(0, { error: `${key}는 0 이상의 정수여야 합니다` });

/**
 * One assertion about the cluster. Targets either one object by `name` or a set by `labelSelector`. Field-level
 * rules are the schema's; the rules between fields run once every field is well formed.
 */
const ObjectCheckSchema = z
  .strictObject({
    kind: z.enum(KINDS, { error: (iss) => `kind "${String(iss.input)}"는 지원하지 않습니다` }),
    name: z.string({ error: 'name은 비어 있지 않은 문자열이어야 합니다' }).refine(nonBlank, { error: 'name은 비어 있지 않은 문자열이어야 합니다' }).optional(),
    /** Defaults to 'default' for namespaced kinds. */
    namespace: z.string({ error: 'namespace는 문자열이어야 합니다' }).optional(),
    labelSelector: z.string({ error: 'labelSelector는 비어 있지 않은 문자열이어야 합니다' }).refine(nonBlank, { error: 'labelSelector는 비어 있지 않은 문자열이어야 합니다' }).optional(),
    /** Exact number of (non-terminating) objects the selector must match. */
    count: count('count').optional(),
    /** At least this many; a selector with neither count nor minCount means at least one. */
    minCount: count('minCount').optional(),
    /** Pods only: every matched pod is in this phase. */
    phase: z.enum(POD_PHASES, { error: (iss) => `phase "${String(iss.input)}"는 파드 단계가 아닙니다` }).optional(),
    /** Pods and Nodes: every matched object reports the Ready condition (True, or not True for false). */
    ready: z.boolean({ error: 'ready는 true/false여야 합니다' }).optional(),
    /** Field path → expected value, compared on every matched object. */
    expect: z.record(z.string(), z.custom<Scalar>(isScalar), { error: 'expect는 비어 있지 않은 객체여야 합니다' }).optional(),
    /** Field paths that must be set to anything (e.g. a probe or resource request). */
    present: z.array(z.string(), { error: 'present는 필드 경로 목록이어야 합니다' }).min(1, { error: 'present는 필드 경로 목록이어야 합니다' }).optional(),
    /** The named object must be gone (terminating counts as gone). */
    absent: z.literal(true, { error: 'absent는 true만 쓸 수 있습니다' }).optional(),
    /** Deployments only: its latest rollout completed while the load generator ran, with no failed request (traffic-check.ts). */
    zeroDowntimeRollout: z.literal(true, { error: 'zeroDowntimeRollout은 true만 쓸 수 있습니다' }).optional(),
  })
  .superRefine((c, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    const hasName = c.name !== undefined;
    const hasSelector = c.labelSelector !== undefined;
    if (hasName === hasSelector) fail('name과 labelSelector 중 정확히 하나가 필요합니다');
    for (const key of ['count', 'minCount'] as const) if (c[key] !== undefined && !hasSelector) fail(`${key}는 labelSelector와 함께 써야 합니다`);
    if (c.count !== undefined && c.minCount !== undefined) fail('count와 minCount는 함께 쓸 수 없습니다');
    if (c.phase !== undefined && c.kind !== 'Pod') fail('phase는 Pod에만 쓸 수 있습니다');
    if (c.ready !== undefined && c.kind !== 'Pod' && c.kind !== 'Node') fail('ready는 Pod와 Node에만 쓸 수 있습니다');
    if (c.expect !== undefined && Object.keys(c.expect).length === 0) fail('expect는 비어 있지 않은 객체여야 합니다');
    for (const path of [...Object.keys(c.expect ?? {}), ...(c.present ?? [])]) if (!fieldPathReadable(path)) fail(`필드 경로 "${path}"를 읽을 수 없습니다`);
    if (c.zeroDowntimeRollout && (c.kind !== 'Deployment' || !hasName)) fail('zeroDowntimeRollout은 name이 있는 Deployment에만 쓸 수 있습니다');
    if (c.absent) {
      if (!hasName) fail('absent는 name과 함께 써야 합니다');
      if ([c.count, c.minCount, c.phase, c.ready, c.expect, c.present].some((v) => v !== undefined)) fail('absent와 다른 조건은 함께 쓸 수 없습니다');
    }
  });

export type ObjectCheck = z.infer<typeof ObjectCheckSchema>;

/** A check on API objects, (kind: Machine) on a machine of the bare-machines lab, or (kind: Request) a request's answer. */
const CheckSchema = z.discriminatedUnion('kind', [MachineCheckSchema, RequestCheckSchema, ObjectCheckSchema], {
  error: (iss) => `kind "${String((iss.input as { kind?: unknown } | undefined)?.kind)}"는 지원하지 않습니다`,
});

export type ExerciseCheck = ObjectCheck | MachineCheck | RequestCheck;

/** A solution line for a machine's shell (`on: worker-1`), in lessons that start from bare machines. */
const MachineStepSchema = z.strictObject({ on: z.enum(MACHINE_NAMES), run: z.string().refine(nonBlank) });

/** One solution step: the machine it runs on (null: the kubectl terminal) and the line. */
export interface SolutionStep {
  on: string | null;
  run: string;
}

/** An exercise's solution as steps; a plain string is a kubectl line (on master in a machines lesson). */
export function solutionSteps(exercise: Pick<ExerciseSpec, 'solution'>): SolutionStep[] {
  return (exercise.solution ?? []).map((s) => (typeof s === 'string' ? { on: null, run: s } : s));
}

const ExerciseSchema = z.object({
  id: z.string().regex(ID_PATTERN),
  title: z.string().refine(nonBlank),
  /** What the student should do, in Korean. */
  task: z.string().refine(nonBlank),
  hint: z.string({ error: 'hint는 문자열이어야 합니다' }).optional(),
  /** kubectl lines that solve it from the lesson's starting cluster; tests replay them in the simulator. */
  solution: z.array(z.union([z.string().refine(nonBlank), MachineStepSchema]), { error: 'solution은 kubectl 명령 목록이어야 합니다' }).min(1).optional(),
  checks: z.array(CheckSchema, { error: 'checks 목록이 비어 있습니다' }).min(1, { error: 'checks 목록이 비어 있습니다' }),
});

export type ExerciseSpec = z.infer<typeof ExerciseSchema>;

/** A zod issue in the content test's Korean, prefixed with where it is (`exercise web checks[0]: …`). */
function issueText(issue: z.core.$ZodIssue, where: string): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${where}: 알 수 없는 키 "${k}"`);
  if (issue.path[0] === 'expect' && issue.path.length === 2) return [`${where}: expect["${String(issue.path[1])}"] 값은 문자열, 숫자, 불리언 중 하나여야 합니다`];
  return [`${where}: ${issue.message}`];
}

function checkIssues(issues: readonly z.core.$ZodIssue[], where: string): string[] {
  return issues.flatMap((i) => issueText(i, where));
}

/** Every problem with one check, in Korean; empty when it is well formed. */
export function checkErrors(raw: unknown, where = 'check'): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [`${where}: 객체여야 합니다`];
  const result = CheckSchema.safeParse(raw);
  return result.success ? [] : checkIssues(result.error.issues, where);
}

/** Validate a whole exercise block as parsed from YAML; the value's type is the schema's. */
export function validateExercise(raw: unknown): Validation<ExerciseSpec> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: ['exercise: 객체여야 합니다'] };
  const result = ExerciseSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const id = String((raw as { id?: unknown }).id);
  const where = `exercise ${id}`;
  const errors = result.error.issues.flatMap((issue) => {
    const [field, index] = issue.path;
    if (field === 'id') return [`exercise: id "${id}"는 소문자, 숫자, -만 쓸 수 있습니다`];
    if ((field === 'title' || field === 'task') && issue.path.length === 1) return [`${where}: ${field}가 필요합니다`];
    if (field === 'checks' && typeof index === 'number') {
      const inner = { ...issue, path: issue.path.slice(2) } as z.core.$ZodIssue;
      return checkIssues([inner], `${where} checks[${index}]`);
    }
    if (field === 'solution') return [`${where}: solution은 kubectl 명령 목록이어야 합니다`];
    return [`${where}: ${issue.message}`];
  });
  return { ok: false, errors: [...new Set(errors)] };
}
