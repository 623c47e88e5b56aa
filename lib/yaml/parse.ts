/**
 * Manifests from editor text: several `---` documents, YAML syntax errors with line:column in Korean, and the
 * API server's strict decoding (unknown fields, wrong value types) checked against the kind registry's field
 * schema (lib/k8s/kinds, the same one the engine decodes with) with a "did you mean" hint. Pure and total: never
 * throws.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { API_VERSION, KINDS, type Kind, type KubeObject } from '../k8s/types';
import { kindSchema, unmarshalError, type FieldSchema } from '../k8s/kinds';
import { josa } from '../text/korean';
import { suggestionsFor } from '../text/suggest';
import { deepValueProblem, yamlLimitProblem } from './limits';
import { findUnsafeInput } from '../sim/json';
import { MAX_NESTING_DEPTH } from '../sim/limits';

export interface YamlProblem {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** Korean explanation for the editor. */
  message: string;
  /** What kubectl / the API server would print. */
  detail: string;
  /** Korean hint, e.g. `replicas를 말씀하신 건가요?` */
  hint?: string;
  /** Which `---` document (0-based). */
  docIndex: number;
  kind: 'syntax' | 'type-meta' | 'strict';
}

export interface ManifestDoc {
  object: KubeObject;
  kind: Kind;
  docIndex: number;
  line: number;
}

export interface ManifestResult {
  ok: boolean;
  docs: ManifestDoc[];
  problems: YamlProblem[];
}

const SYNTAX_KO: Record<string, string> = {
  BAD_INDENT: '들여쓰기가 맞지 않아요. 같은 수준의 키는 같은 칸에서 시작해야 해요.',
  TAB_AS_INDENT: '들여쓰기에 탭을 쓸 수 없어요. 스페이스를 쓰세요.',
  DUPLICATE_KEY: '같은 키가 한 번 더 나와요. 키는 한 번만 쓸 수 있어요.',
  MULTILINE_IMPLICIT_KEY: '키 뒤에 콜론(:)이 빠졌거나 들여쓰기가 어긋났어요.',
  BLOCK_AS_IMPLICIT_KEY: '키 뒤에 콜론(:)이 빠졌거나 들여쓰기가 어긋났어요.',
  MISSING_CHAR: '닫는 따옴표나 괄호가 빠졌어요.',
  UNEXPECTED_TOKEN: '여기에 올 수 없는 문자가 있어요. 콜론(:) 뒤에 스페이스가 있는지 확인해 보세요.',
  BAD_SCALAR_START: '값이 올 수 없는 문자로 시작해요. 따옴표로 감싸 보세요.',
  BLOCK_IN_FLOW: '대괄호/중괄호 안에서 줄바꿈 블록을 쓸 수 없어요.',
  MISSING_ANCHOR: '정의되지 않은 앵커(*)를 참조하고 있어요.',
};

/** Pick 을/를 for an English word read aloud in Korean (rough: final m/n/l/k sounds take 을). */
export function objectParticle(word: string): string {
  return /([mnlk]|[mnl]e|ck)$/i.test(word) ? '을' : '를';
}

/** Parse and check every document. */
export function parseManifests(text: string): ManifestResult {
  const problems: YamlProblem[] = [];
  const docs: ManifestDoc[] = [];
  // too big or too deep for the parser: say so instead of parsing (issue #12)
  const limit = yamlLimitProblem(text);
  if (limit) return { ok: false, docs, problems: [limit] };
  try {
    const lineCounter = new LineCounter();
    const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const list = Array.isArray(documents) ? documents : [];
    const position = (offset: number | undefined) => {
      const p = lineCounter.linePos(offset ?? 0);
      return { line: p.line, column: p.col };
    };
    list.forEach((doc, docIndex) => {
      if (doc.errors.length > 0) {
        for (const e of doc.errors) {
          const pos = position(e.pos?.[0]);
          const english = e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
          problems.push({
            ...pos,
            docIndex,
            kind: 'syntax',
            message: `YAML 문법 오류: ${SYNTAX_KO[e.code] ?? '형식이 올바르지 않아요.'}`,
            detail: `error converting YAML to JSON: yaml: line ${pos.line}: ${english}`,
          });
        }
        return;
      }
      if (doc.contents === null) return; // empty document between separators: kubectl skips it
      const start = position(doc.contents.range?.[0]);
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) return;
      if (findUnsafeInput(value, MAX_NESTING_DEPTH)?.problem === 'depth') {
        problems.push(deepValueProblem(start, docIndex));
        return;
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push({
          ...start, docIndex, kind: 'type-meta',
          message: '문서가 "키: 값" 형태의 오브젝트가 아니에요. apiVersion, kind, metadata로 시작해 보세요.',
          detail: 'error: json: cannot unmarshal into Go value of type map[string]interface {}',
        });
        return;
      }
      const typed = checkTypeMeta(value as Record<string, unknown>, start, docIndex, problems);
      if (!typed) return;
      const before = problems.length;
      checkFields(doc.contents as Node, kindSchema(typed)!, [], typed, docIndex, problems, position);
      if (problems.length === before) docs.push({ object: value as KubeObject, kind: typed, docIndex, line: start.line });
    });
  } catch (e) {
    problems.push({
      line: 1, column: 1, docIndex: 0, kind: 'syntax',
      message: 'YAML을 읽지 못했어요.',
      detail: `error: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  return { ok: problems.length === 0, docs, problems };
}

function checkTypeMeta(
  obj: Record<string, unknown>,
  at: { line: number; column: number },
  docIndex: number,
  problems: YamlProblem[],
): Kind | undefined {
  const { kind, apiVersion } = obj;
  if (typeof kind !== 'string' || kind === '') {
    problems.push({ ...at, docIndex, kind: 'type-meta', message: 'kind가 없어요. 예) kind: Deployment', detail: 'error validating data: kind not set' });
    return undefined;
  }
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    problems.push({ ...at, docIndex, kind: 'type-meta', message: 'apiVersion이 없어요. 예) apiVersion: apps/v1', detail: 'error validating data: apiVersion not set' });
    return undefined;
  }
  const known = (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : undefined;
  if (!known || API_VERSION[known] !== apiVersion) {
    const right = known ? API_VERSION[known] : undefined;
    const guess = known ? undefined : suggestionsFor(kind, KINDS as readonly string[])[0];
    problems.push({
      ...at, docIndex, kind: 'type-meta',
      message: right
        ? `${kind}의 apiVersion은 ${right}이에요. (지금: ${apiVersion})`
        : `알 수 없는 kind "${kind}"예요.${guess ? ` ${guess}${objectParticle(guess)} 말씀하신 건가요?` : ''}`,
      detail: `no matches for kind "${kind}" in version "${apiVersion}"`,
      hint: right ? `apiVersion: ${right}` : guess ? `${guess}${objectParticle(guess)} 말씀하신 건가요?` : undefined,
    });
    return undefined;
  }
  return known;
}

/** What a field of each type takes, in Korean (ending in a noun so josa() can attach the particle). */
const TYPE_KO: Record<FieldSchema['type'], string> = {
  string: '문자열', integer: '정수', number: '숫자', boolean: 'true/false', object: '"키: 값" 오브젝트', map: '"키: 값" 목록',
  array: '"- 항목" 목록', intOrString: '숫자나 문자열', quantity: '"100m", "1Gi" 같은 수량', free: '값',
};

const ACTUAL_KO: Record<string, string> = { number: '숫자', string: '문자열', boolean: 'true/false', object: '오브젝트', array: '목록' };

function jsonType(node: Node): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    return typeof v;
  }
  return 'unknown';
}

function fits(field: FieldSchema, node: Node): boolean {
  const t = jsonType(node);
  if (t === 'null' || field.type === 'free') return true; // null clears a field, as in JSON
  switch (field.type) {
    case 'string': return t === 'string';
    case 'integer': return t === 'number' && Number.isInteger((node as { value: unknown }).value);
    case 'number': return t === 'number';
    case 'boolean': return t === 'boolean';
    case 'intOrString': case 'quantity': return t === 'string' || t === 'number';
    case 'object': case 'map': return t === 'object';
    case 'array': return t === 'array';
  }
}

function checkFields(
  node: Node,
  field: FieldSchema,
  path: string[],
  kind: Kind,
  docIndex: number,
  problems: YamlProblem[],
  position: (offset: number | undefined) => { line: number; column: number },
  parentType = kind as string,
): void {
  const dotted = path.join('.').replace(/\[\d+\]/g, '');
  if (!fits(field, node)) {
    const actual = jsonType(node);
    problems.push({
      ...position(node.range?.[0]), docIndex, kind: 'strict',
      message: `${path.join('.')}에는 ${josa(TYPE_KO[field.type], '이/가')} 와야 해요. (지금: ${ACTUAL_KO[actual] ?? actual})`,
      detail: unmarshalError(kind, API_VERSION[kind], actual, `${parentType}.${dotted}`, field),
    });
    return;
  }
  if (field.type === 'array' && isSeq(node) && field.items) {
    const last = path.length - 1;
    node.items.forEach((item, index) => {
      const itemPath = [...path.slice(0, last), `${path[last]}[${index}]`];
      if (item && typeof item === 'object' && 'range' in item) checkFields(item as Node, field.items!, itemPath, kind, docIndex, problems, position, parentType);
    });
    return;
  }
  if (field.type === 'map' && isMap(node) && field.values) {
    for (const pair of node.items) {
      if (isPair(pair) && pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
        checkFields(pair.value as Node, field.values, path, kind, docIndex, problems, position, parentType);
      }
    }
    return;
  }
  if (field.type !== 'object' || !isMap(node) || !field.fields) return;
  const fields = field.fields;
  const known = Object.keys(fields);
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const child = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!child) {
      const guess = suggestionsFor(key, known, 2).sort((a, b) => Math.abs(a.length - key.length) - Math.abs(b.length - key.length))[0];
      const full = [...path, key].join('.');
      problems.push({
        ...position(pair.key.range?.[0]), docIndex, kind: 'strict',
        message: `알 수 없는 필드 "${full}"예요.${guess ? ` ${guess}${objectParticle(guess)} 말씀하신 건가요?` : ''}`,
        detail: `${kind} in version "${API_VERSION[kind].replace('apps/', '')}" cannot be handled as a ${kind}: strict decoding error: unknown field "${full}"`,
        hint: guess ? `${guess}${objectParticle(guess)} 말씀하신 건가요?` : undefined,
      });
      continue;
    }
    if (pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
      checkFields(pair.value as Node, child, [...path, key], kind, docIndex, problems, position, field.typeName ?? parentType);
    }
  }
}
