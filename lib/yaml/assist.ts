/**
 * Where the cursor is in a Kubernetes manifest, for the editor's hover help and key completion: the kind of the
 * document under the cursor (by its apiVersion and kind) and the field path of a key (`spec.template.spec.containers`
 * → `image`), read from indentation so that it works on half-typed YAML a parser rejects. Fields come from the kind
 * registry's schema (the walk `kubectl explain` uses). O(lines of the document under the cursor) per call.
 */
import { apiVersionOf, elementOf, fieldAt, kindInfo, type FieldSchema, type KindInfo } from '../k8s/kinds';
import { koreanOf, typeLabel } from '../k8s/kinds/field-docs';

/** One line's block structure: the columns of its `- ` markers, then a `key:` (if any) and what follows it. */
interface LineShape {
  dashes: number[];
  key?: string;
  /** Column where the line's content starts after its dashes (the key's column when there is a key). */
  col: number;
  keyEnd: number;
  /** The inline value after `key:`, without a trailing comment; '' when the value is a nested block. */
  value: string;
}

const KEY = /^("[^"\n]*"|'[^'\n]*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)(.*)$/;
const SEPARATOR = /^(---|\.\.\.)(\s|$)/;

function shapeOf(text: string): LineShape | undefined {
  let pos = 0;
  while (text[pos] === ' ') pos++;
  if (pos === text.length || text[pos] === '#') return undefined;
  const dashes: number[] = [];
  while (text[pos] === '-' && (pos + 1 === text.length || text[pos + 1] === ' ')) {
    dashes.push(pos++);
    while (text[pos] === ' ') pos++;
  }
  const match = KEY.exec(text.slice(pos));
  if (!match) return { dashes, col: pos, keyEnd: pos, value: text.slice(pos).trim() };
  const raw = match[1];
  const key = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  return { dashes, key, col: pos, keyEnd: pos + raw.length, value: match[2].replace(/(^|\s)#.*$/, '').trim() };
}

/** The lines of the YAML document (between `---` separators) that holds a line. */
function documentAround(lines: readonly string[], line: number): { start: number; end: number } {
  let start = line;
  while (start > 0 && !SEPARATOR.test(lines[start - 1])) start--;
  let end = line;
  while (end + 1 < lines.length && !SEPARATOR.test(lines[end + 1])) end++;
  return { start, end };
}

/** The registered kind a document declares, when its apiVersion (if written) is the one that kind is served at. */
function documentKind(lines: readonly string[], start: number, end: number): KindInfo | undefined {
  const top: Record<string, string> = {};
  for (let i = start; i <= end; i++) {
    const s = shapeOf(lines[i]);
    if (s?.key && s.col === 0 && s.dashes.length === 0) top[s.key] = s.value.replace(/^(["'])(.*)\1$/, '$2');
  }
  const info = top.kind ? kindInfo(top.kind) : undefined;
  return info && (!top.apiVersion || top.apiVersion === apiVersionOf(info)) ? info : undefined;
}

/**
 * The keys above a node, outermost first, walking up the indentation. The node is a mapping key at `col`, or, with
 * `inItem`, a list item whose `- ` is at `col`. Undefined when the node sits inside a scalar (a `|` block, a
 * `key: value` line) or a top-level list: no field path leads there.
 */
function parentKeys(lines: readonly string[], start: number, at: number, col: number, inItem: boolean): string[] | undefined {
  const path: string[] = [];
  let c = col;
  let item = inItem;
  for (let i = at - 1; i >= start; i--) {
    const s = shapeOf(lines[i]);
    if (!s) continue;
    const lastDash = s.dashes[s.dashes.length - 1];
    const isParent = s.key !== undefined && (item ? s.col <= c && !s.dashes.includes(c) : s.col < c);
    if (!isParent) {
      if (!item && s.col === c && lastDash !== undefined && lastDash < c) [c, item] = [lastDash, true];
      else if (s.col < c && !(item && s.dashes.includes(c))) return undefined;
      continue;
    }
    if (s.value !== '') return undefined;
    path.unshift(s.key!);
    [c, item] = lastDash === undefined ? [s.col, false] : [lastDash, true];
  }
  return c === 0 && !item ? path : undefined;
}

/** Help for the key under the cursor: where it is, its field path and schema. */
export interface FieldHelp {
  kind: string;
  /** Field path from the object's root: ['spec', 'replicas']. */
  path: string[];
  field: FieldSchema;
  /** kubectl explain's type label: `integer`, `[]Container`. */
  type: string;
  ko?: string;
  /** Document offsets of the key's text. */
  from: number;
  to: number;
}

function lineAt(text: string, offset: number) {
  const lines = text.split('\n');
  let line = 0;
  let lineStart = 0;
  while (line < lines.length - 1 && lineStart + lines[line].length < offset) lineStart += lines[line++].length + 1;
  return { lines, line, lineStart, ch: offset - lineStart };
}

/** The field of the key at `offset` (anywhere on the key's text), or undefined when the cursor is on no known key. */
export function fieldHelpAt(text: string, offset: number): FieldHelp | undefined {
  const { lines, line, lineStart, ch } = lineAt(text, offset);
  const s = shapeOf(lines[line]);
  if (!s?.key || ch < s.col || ch > s.keyEnd) return undefined;
  const lastDash = s.dashes[s.dashes.length - 1];
  const { start, end } = documentAround(lines, line);
  const info = documentKind(lines, start, end);
  const parents = info && parentKeys(lines, start, line, lastDash ?? s.col, lastDash !== undefined);
  if (!info || !parents) return undefined;
  const path = [...parents, s.key];
  const field = fieldAt(info.kind, path);
  if (!field) return undefined;
  return { kind: info.kind, path, field, type: typeLabel(field), ko: koreanOf(field), from: lineStart + s.col, to: lineStart + s.keyEnd };
}

export interface KeySuggestion {
  label: string;
  type: string;
  ko?: string;
  required: boolean;
  /** What choosing it inserts: `replicas: `, or `containers:` and a new line indented for the nested block. */
  insert: string;
}

/**
 * Keys already written in the mapping whose keys stand at column `col` around line `line`: up to its first line (a
 * `- ` item start or the parent key) and down to where it ends. `inItem`: the cursor's line starts the mapping.
 */
function presentKeys(lines: readonly string[], line: number, col: number, inItem: boolean, end: number): Set<string> {
  const present = new Set<string>();
  for (let i = line - 1; i >= 0 && !inItem && !SEPARATOR.test(lines[i]); i--) {
    const s = shapeOf(lines[i]);
    if (!s || s.col > col) continue;
    if (s.col < col) break;
    if (s.key !== undefined) present.add(s.key);
    if (s.dashes.length > 0) break;
  }
  for (let i = line + 1; i <= end; i++) {
    const s = shapeOf(lines[i]);
    if (!s || s.col > col) continue;
    if (s.col < col || s.dashes.length > 0) break;
    if (s.key !== undefined) present.add(s.key);
  }
  return present;
}

function insertFor(name: string, field: FieldSchema, col: number): string {
  const nested = ' '.repeat(col + 2);
  if (field.type === 'array') return `${name}:\n${nested}- `;
  if (field.type === 'object' || field.type === 'map') return `${name}:\n${nested}`;
  return `${name}: `;
}

/**
 * The keys that may be written where the cursor is (a line holding only indentation, `- ` markers and the start of
 * a key): the fields of the mapping at that path not yet present, required first, then by name. `from` is where the
 * typed part of the key starts. A root's `status` is left out: the cluster writes it, not the manifest.
 */
export function keySuggestionsAt(text: string, offset: number): { from: number; path: string[]; options: KeySuggestion[] } | undefined {
  const { lines, line, lineStart, ch } = lineAt(text, offset);
  const typed = /^( *(?:- +)*)[\w.-]*$/.exec(lines[line].slice(0, ch));
  if (!typed) return undefined;
  const col = typed[1].length;
  const dashes = shapeOf(`${typed[1]}x`)?.dashes ?? [];
  const { start, end } = documentAround(lines, line);
  const info = documentKind(lines, start, end);
  const inItem = dashes.length > 0;
  const path = info && parentKeys(lines, start, line, inItem ? dashes[dashes.length - 1] : col, inItem);
  const parent = info && path && fieldAt(info.kind, path);
  const fields = parent && (!inItem || parent.type === 'array') ? elementOf(parent).fields : undefined;
  if (!path || !fields) return undefined;
  const present = presentKeys(lines, line, col, inItem, end);
  const options = Object.entries(fields)
    .filter(([name]) => !present.has(name) && !(path.length === 0 && name === 'status'))
    .map(([name, field]) => ({ label: name, type: typeLabel(field), ko: koreanOf(field), required: field.required, insert: insertFor(name, field, col) }))
    .sort((a, b) => Number(b.required) - Number(a.required) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { from: lineStart + col, path, options };
}
