/**
 * Label and field selectors with the semantics and error wording of k8s.io/apimachinery/pkg/labels
 * and the API server's field selector support. Pure; used by the simulator, kubectl and the graph.
 */
import type { V1LabelSelector } from './api-types';
import { StatusError } from './types';

export type SelectorOperator = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined | null;

/** A parsed label selector: requirements that must all hold (AND). An empty list matches everything. */
export interface LabelSelector {
  requirements: Requirement[];
}

/** Builds the 400 BadRequest the API server returns for a malformed selector. */
export function badRequest(message: string): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 });
}

type Tok = { t: 'id' | 'op' | 'eos'; v: string };
const SPECIAL = '=!(),<>';
const OPERATOR_TOKENS = ['!=', '==', '=', '!', '(', ')', ',', '<', '>'];

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') { i++; continue; }
    if (SPECIAL.includes(ch)) {
      // longest special-symbol match, as the apimachinery lexer does
      const two = s.slice(i, i + 2);
      const sym = OPERATOR_TOKENS.includes(two) ? two : ch;
      out.push({ t: 'op', v: sym });
      i += sym.length;
      continue;
    }
    let j = i;
    while (j < s.length && !SPECIAL.includes(s[j]) && !' \t\n\r'.includes(s[j])) j++;
    out.push({ t: 'id', v: s.slice(i, j) });
    i = j;
  }
  out.push({ t: 'eos', v: '' });
  return out;
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Validates a label key (optional DNS-subdomain prefix + "/" + qualified name). Returns error strings like apimachinery. */
export function validateLabelKey(key: string): string[] {
  const parts = key.split('/');
  let name = key;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix, n] = parts;
    name = n;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))
      errs.push("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  else if (!QUALIFIED_NAME.test(name))
    errs.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  return errs;
}

/** Validates a label value (≤ 63 chars, alphanumeric ends, '-', '_', '.' inside; may be empty). */
export function validateLabelValue(value: string): string[] {
  if (value.length > 63) return ['must be no more than 63 characters'];
  if (!LABEL_VALUE.test(value))
    return ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"];
  return [];
}

/**
 * Parses a kubectl label selector (`app=web,tier!=db,env in (prod,qa),!legacy`).
 * Throws StatusError BadRequest with apimachinery's wording on syntax errors.
 */
export function parseLabelSelector(input: string): LabelSelector {
  const toks = lex(input);
  let pos = 0;
  // In value context the keywords in/notin are plain identifiers (`x in (in)` is legal).
  const peek = () => toks[pos];
  const next = () => toks[pos++];
  const isOp = (tok: Tok, v: string) => tok.t === 'op' && tok.v === v;
  const fail = (msg: string): never => { throw badRequest(`unable to parse requirement: ${msg}`); };
  const requirements: Requirement[] = [];

  const parseRequirement = (): Requirement => {
    let tok = next();
    let negate = false;
    if (isOp(tok, '!')) { negate = true; tok = next(); }
    if (tok.t !== 'id') return fail(`found '${tok.v}', expected: identifier`);
    const key = tok.v;
    const keyErrs = validateLabelKey(key);
    if (keyErrs.length) fail(`Invalid value: "${key}": ${keyErrs.join('; ')}`);
    const la = peek();
    if (la.t === 'eos' || isOp(la, ',')) return { key, operator: negate ? '!' : 'exists', values: [] };
    if (negate) return fail(`found '${la.v}', expected: ',' or 'end of string'`);
    const opTok = next();
    let operator: SelectorOperator;
    if (opTok.t === 'id' && (opTok.v === 'in' || opTok.v === 'notin')) operator = opTok.v;
    else if (opTok.t === 'op' && (opTok.v === '=' || opTok.v === '==' || opTok.v === '!=')) operator = opTok.v;
    else if (isOp(opTok, '>')) operator = 'gt';
    else if (isOp(opTok, '<')) operator = 'lt';
    else return fail(`found '${opTok.v}', expected: in, notin, =, ==, !=, gt, lt`);
    let values: string[];
    if (operator === 'in' || operator === 'notin') {
      const open = next();
      if (!isOp(open, '(')) return fail(`found '${open.v}' expected: '('`);
      values = [];
      for (;;) {
        const v = next();
        if (isOp(v, ')')) { if (values.length === 0) values.push(''); break; }
        if (isOp(v, ',')) { values.push(''); continue; }
        if (v.t !== 'id') return fail(`found '${v.v}', expected: ',', ')' or identifier`);
        values.push(v.v);
        const after = next();
        if (isOp(after, ')')) break;
        if (!isOp(after, ',')) return fail(`found '${after.v}', expected: ',' or ')'`);
      }
      values = [...new Set(values)].sort();
    } else {
      const la2 = peek();
      if (la2.t === 'eos' || isOp(la2, ',')) values = [''];
      else {
        const v = next();
        if (v.t !== 'id') return fail(`found '${v.v}', expected: identifier`);
        values = [v.v];
      }
    }
    if (operator === 'gt' || operator === 'lt') {
      if (values.length !== 1 || !/^-?\d+$/.test(values[0])) fail(`Invalid value: "${values[0]}": for 'Gt', 'Lt' operators, the value must be an integer`);
    } else {
      for (const v of values) {
        const errs = validateLabelValue(v);
        if (errs.length) fail(`Invalid value: "${v}": ${errs.join('; ')}`);
      }
    }
    return { key, operator, values };
  };

  for (;;) {
    const tok = peek();
    if (tok.t === 'eos') break;
    if (tok.t !== 'id' && !isOp(tok, '!')) throw badRequest(`found '${tok.v}', expected: !, identifier, or 'end of string'`);
    requirements.push(parseRequirement());
    const sep = next();
    if (sep.t === 'eos') break;
    if (!isOp(sep, ',')) throw badRequest(`found '${sep.v}', expected: ',' or 'end of string'`);
    const la = peek();
    if (la.t !== 'id' && !isOp(la, '!')) throw badRequest(`found '${la.v}', expected: identifier after ','`);
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { requirements };
}

/** True when the labels satisfy one requirement. */
export function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels != null && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case 'exists': return has;
    case '!': return !has;
    case '=': case '==': case 'in': return has && r.values.includes(value!);
    case '!=': case 'notin': return !has || !r.values.includes(value!);
    case 'gt': case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) return false;
      const n = Number(value), lim = Number(r.values[0]);
      return r.operator === 'gt' ? n > lim : n < lim;
    }
  }
}

/** True when every requirement holds. O(requirements). */
export function matchesLabelSelector(sel: LabelSelector, labels: Labels): boolean {
  for (const r of sel.requirements) if (!matchesRequirement(r, labels)) return false;
  return true;
}

/** Parses (if needed) and matches in one call; convenient for one-off checks. */
export function labelsMatch(selector: string | LabelSelector, labels: Labels): boolean {
  return matchesLabelSelector(typeof selector === 'string' ? parseLabelSelector(selector) : selector, labels);
}

/**
 * Converts a metav1.LabelSelector (matchLabels + matchExpressions) into requirements.
 * A null selector matches nothing in Kubernetes; callers handle that case; here it yields an empty (match-all) list.
 */
export function fromLabelSelectorObject(sel: V1LabelSelector | undefined | null): LabelSelector {
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) requirements.push({ key, operator: '=', values: [value] });
  for (const e of sel?.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') requirements.push({ key: e.key, operator: 'in', values: [...(e.values ?? [])] });
    else if (op === 'NotIn') requirements.push({ key: e.key, operator: 'notin', values: [...(e.values ?? [])] });
    else if (op === 'Exists') requirements.push({ key: e.key, operator: 'exists', values: [] });
    else if (op === 'DoesNotExist') requirements.push({ key: e.key, operator: '!', values: [] });
  }
  return { requirements };
}

/** True when a metav1.LabelSelector selects the labels (matchLabels AND matchExpressions). */
export function labelSelectorObjectMatches(sel: V1LabelSelector | undefined | null, labels: Labels): boolean {
  return matchesLabelSelector(fromLabelSelectorObject(sel), labels);
}

/** Moved to the registry's printing helpers (one selector printer); re-exported until lib/simserver imports it there. */
export { formatLabelSelector } from './kinds/printing';

// ---- field selectors ----

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** Fields the API server supports per kind (beyond metadata.name / metadata.namespace, which every kind supports). */
export const SUPPORTED_FIELDS: Record<string, readonly string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Node: ['spec.unschedulable'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
};

/** Parses `metadata.name=web,status.phase!=Running`. If kind is given, unsupported fields throw BadRequest like the API server. */
export function parseFieldSelector(input: string, kind?: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (input.trim() === '') return out;
  for (const raw of input.split(',')) {
    const part = raw.trim();
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    const [, field, op, value] = m;
    if (kind) {
      const allowed = field === 'metadata.name' || field === 'metadata.namespace' || (SUPPORTED_FIELDS[kind] ?? []).includes(field);
      if (!allowed) throw badRequest(`field label not supported: ${field}`);
    }
    out.push({ field, operator: op === '!=' ? '!=' : '=', value });
  }
  return out;
}

/** Reads a dotted field path (`spec.nodeName`) from an object as the API server's field-set does (strings; missing = ''). */
export function fieldValue(obj: unknown, path: string): string {
  if (path === 'source') path = 'source.component';
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (cur == null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[p];
  }
  if (cur == null) return path === 'spec.unschedulable' || path === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}

/** True when obj satisfies every field requirement. */
export function matchesFieldSelector(reqs: readonly FieldRequirement[], obj: unknown): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field);
    if ((v === r.value) !== (r.operator === '=')) return false;
  }
  return true;
}

/** A friendly Korean explanation of a selector error, for the terminal and lessons. */
export function selectorErrorKo(err: unknown, selector?: string): string {
  const msg = err instanceof Error ? err.message : String(err);
  const where = selector ? ` "${selector}"` : '';
  if (msg.startsWith('field label not supported')) {
    const f = msg.split(': ')[1] ?? '';
    return `필드 셀렉터${where}에서 "${f}" 필드는 지원되지 않습니다. metadata.name, metadata.namespace 같은 지원 필드를 사용해 주세요.`;
  }
  if (msg.includes("expected: '('")) return `셀렉터${where}를 해석할 수 없습니다: in/notin 뒤에는 괄호로 감싼 값 목록이 필요합니다 (예: env in (prod,dev)).`;
  if (msg.includes('Invalid value')) return `셀렉터${where}에 올바르지 않은 레이블 키나 값이 있습니다: 영문자·숫자로 시작하고 끝나야 하며 '-', '_', '.'만 쓸 수 있습니다.`;
  return `셀렉터${where}를 해석할 수 없습니다. "키=값", "키!=값", "키 in (a,b)", "키 notin (a)", "키", "!키" 형식을 쉼표로 이어 써 주세요. (${msg})`;
}
