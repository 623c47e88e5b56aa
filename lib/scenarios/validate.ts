/**
 * Scenario validation: a malformed scenario fails the content test with a Korean message naming the step, instead
 * of stalling in front of a class. The rules are schema.ts's; this module says where each problem is
 * (`2단계.waitFor[0]: …`) and parses YAML text or a fetched list into Scenarios.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from '../validation/zod';
import { ScenarioSchema, type Scenario } from './schema';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lists whose items the messages number (`ready[0]`, `1단계.claims[2]`); also named when the list itself is wrong. */
const LISTS = new Set(['setup', 'ready', 'waitFor', 'claims']);

/** Where a path points, as the messages say it: `steps[1].waitFor[0]` → `2단계.waitFor[0]`; '' for the scenario. */
function placeOf(path: Path): string {
  let at = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (i === 0 && key === 'steps' && typeof next === 'number') at = `${next + 1}단계`;
    else if (typeof key === 'string' && LISTS.has(key)) at += `${at ? '.' : ''}${key}${typeof next === 'number' ? `[${next}]` : ''}`;
    else continue;
    if (typeof next === 'number') i++;
  }
  return at;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, key) => (isRecord(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/** One zod issue as Korean lines prefixed with its place. */
function issueLines(issue: Issue, root: unknown, base: Path = []): string[] {
  const path = [...base, ...issue.path];
  const at = placeOf(path);
  const line = (message: string) => (at ? `${at}: ${message}` : message);
  // A narration claim is an output pattern when it has an `output` key, else a condition (schema.ts).
  const claim = path.at(-2) === 'claims' ? valueAt(root, path) : undefined;
  const outputClaim = isRecord(claim) && 'output' in claim;
  if (issue.code === 'unrecognized_keys') {
    return outputClaim ? [line('output 주장에는 조건 키를 함께 쓸 수 없습니다')] : issue.keys.map((k) => `${at || '시나리오'}: 알 수 없는 키 "${k}"`);
  }
  if (issue.code === 'invalid_union' && issue.errors.length === 2) {
    if (!isRecord(claim)) return [line('객체여야 합니다')];
    return issue.errors[outputClaim ? 0 : 1].flatMap((inner) => issueLines(inner, root, path));
  }
  const [field, key] = path.slice(-2);
  if (field === 'expect' && typeof key === 'string') return [line(`expect.${key} 값은 문자열/숫자/불리언이어야 합니다`)];
  return [line(issue.message)];
}

/** Check a parsed scenario object; `expectedId` (the file name) must equal its id when given. */
export function validateScenario(raw: unknown, expectedId?: string): Validation<Scenario> {
  if (!isRecord(raw)) return { ok: false, errors: ['시나리오는 객체여야 합니다'] };
  const result = ScenarioSchema.safeParse(raw);
  const errors = result.success ? [] : [...new Set(result.error.issues.flatMap((i) => issueLines(i, raw)))];
  const idReadable = result.success || !result.error.issues.some((i) => i.path[0] === 'id');
  if (expectedId !== undefined && idReadable && raw.id !== expectedId) errors.push(`id "${String(raw.id)}"가 파일 이름 "${expectedId}"와 다릅니다`);
  return result.success && errors.length === 0 ? { ok: true, value: result.data } : { ok: false, errors };
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

/**
 * The scenario list as fetched from /api/scenarios: every well-formed scenario, and a Korean line for each one that
 * isn't (a stale or corrupted response must not take the good ones, or the page, down with it).
 */
export function parseScenarioList(json: unknown): { scenarios: Scenario[]; errors: string[] } {
  if (!Array.isArray(json)) return { scenarios: [], errors: ['시나리오 목록이 배열이 아닙니다'] };
  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  json.forEach((raw, i) => {
    const result = validateScenario(raw);
    if (result.ok) scenarios.push(result.value);
    else errors.push(`${i + 1}번째 시나리오(${isRecord(raw) ? String(raw.id) : '?'}): ${result.errors[0]}`);
  });
  return { scenarios, errors };
}
