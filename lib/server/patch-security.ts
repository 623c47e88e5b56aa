/**
 * The baseline check (pod-security.ts) for patches. A merge or strategic merge patch is itself a partial
 * object, so it is checked as one. A JSON patch (RFC 6902) is a list of operations: every value an `add`,
 * `replace` or `test` writes is placed at its path in an otherwise empty object and that object is checked;
 * `copy` and `move` take their value from the live object, which the server does not read, so they may not
 * write under spec or annotations at all.
 */
import { podSecurityViolation, type Violation } from './pod-security';

/** Largest array index a JSON patch path may name here; real pod specs are far smaller. */
const MAX_INDEX = 1_000;

export type PatchCheck = { ok: true } | { ok: false; violation?: Violation; message?: string };

/** RFC 6901 pointer → tokens ("/a~1b/0" → ["a/b", "0"]); null when malformed. */
export function pointerTokens(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isIndex = (t: string) => t === '-' || /^(0|[1-9]\d*)$/.test(t);

/** An object that holds `value` at `tokens` and nothing else (arrays where the path names an index). */
export function placeAt(tokens: string[], value: unknown): unknown | null {
  let out: unknown = value;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (isIndex(t)) {
      const index = t === '-' ? 0 : Number(t);
      if (index > MAX_INDEX) return null;
      const arr: unknown[] = [];
      arr[index] = out;
      out = arr;
    } else {
      out = { [t]: out };
    }
  }
  return out;
}

const GUARDED_PREFIXES = ['/spec', '/metadata/annotations'];

function checkJsonPatch(kind: string, ops: unknown[]): PatchCheck {
  for (const op of ops) {
    if (!op || typeof op !== 'object') return { ok: false, message: 'JSON 패치의 각 항목은 객체여야 합니다.' };
    const { op: verb, path, value } = op as { op?: unknown; path?: unknown; value?: unknown };
    if (typeof verb !== 'string' || typeof path !== 'string') return { ok: false, message: 'JSON 패치의 각 항목에는 op와 path가 있어야 합니다.' };
    const tokens = pointerTokens(path);
    if (!tokens) return { ok: false, message: 'JSON 패치의 path는 "/"로 시작해야 합니다.' };
    if (verb === 'copy' || verb === 'move') {
      if (tokens.length === 0 || GUARDED_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) {
        return { ok: false, message: `JSON 패치의 ${verb}로는 spec이나 annotations 아래에 값을 쓸 수 없습니다 (옮겨 오는 값을 검사할 수 없습니다). add나 replace로 값을 직접 적어 주세요.` };
      }
      continue;
    }
    if (verb !== 'add' && verb !== 'replace' && verb !== 'test') continue;
    const placed = placeAt(tokens, value);
    if (placed === null) return { ok: false, message: `JSON 패치 경로의 배열 위치가 너무 큽니다 (최대 ${MAX_INDEX}).` };
    const violation = podSecurityViolation(kind, placed);
    if (violation) return { ok: false, violation };
  }
  return { ok: true };
}

/** Checks a patch of `kind` of the given type against the baseline level. */
export function checkPatchSecurity(kind: string, patchType: 'merge' | 'strategic' | 'json', patch: unknown): PatchCheck {
  if (patchType === 'json') return checkJsonPatch(kind, Array.isArray(patch) ? patch : []);
  const violation = podSecurityViolation(kind, patch);
  return violation ? { ok: false, violation } : { ok: true };
}
