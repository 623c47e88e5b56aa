/**
 * `kubectl explain TYPE[.FIELD…] [--recursive]` from the kind registry, laid out as kubectl 1.34 prints it from
 * the server's OpenAPI v3 (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl, with its `wrap`
 * from funcs.go = mitchellh/go-wordwrap at 76 columns), each description followed by its Korean one.
 * The upstream descriptions (~250 kB) load on first use, so they never weigh on the page's first load.
 */
import { elementOf, fieldAt, resolveResource, type FieldSchema, type KindInfo } from '../../k8s/kinds';
import { englishDoc, koreanOf, typeLabel, type FieldDocs } from '../../k8s/kinds/field-docs';
import { KubectlError, out, type KubectlContext } from '../context';
import type { ParsedCommand } from '../parse';
import { unknownType } from '../targets';

const IS_SPACE = new Set([' ', '\t', '\v', '\f', '\r', '\u0085']);

/** mitchellh/go-wordwrap WrapString: breaks at spaces, keeps newlines, never splits a word longer than the limit. */
export function wordWrap(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  const chars = (t: string) => [...t].length;
  for (const ch of s) {
    if (ch === '\n') {
      if (word === '') {
        if (current + chars(space) <= limit) buf += space;
      } else buf += space + word;
      buf += ch;
      word = space = '';
      current = 0;
    } else if (IS_SPACE.has(ch)) {
      if (space === '' || word !== '') {
        current += chars(space) + chars(word);
        buf += space + word;
        space = word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wordLen = chars(word);
      if (current + chars(space) + wordLen > limit && wordLen < limit) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + chars(space) <= limit) buf += space;
  } else buf += space + word;
  return buf;
}

/** Terminal columns of a character: Hangul and other wide CJK take two. */
const width = (ch: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1);

/** Greedy wrap by display width, for the Korean lines (go-wordwrap counts runes, which would overflow Hangul). */
function wrapWide(text: string, limit: number): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const wordText of text.split(' ')) {
    const w = [...wordText].reduce((n, ch) => n + width(ch), 0);
    if (line && used + 1 + w > limit) {
      lines.push(line);
      line = wordText;
      used = w;
    } else {
      line = line ? `${line} ${wordText}` : wordText;
      used += (used ? 1 : 0) + w;
    }
  }
  return [...lines, line].join('\n');
}

/** The template's `indent`: pad the first line and every line after a newline. */
const indent = (n: number, s: string) => ' '.repeat(n) + s.replace(/\n/g, `\n${' '.repeat(n)}`);

const enumValue = (v: string) => (v === '' ? '""' : v);

/** The `description` template: the field's text, then the description of the type it refers to. */
function longDescription(f: FieldSchema, docs: FieldDocs): string {
  const element = elementOf(f);
  const typeDoc = element.typeName ? docs[element.typeName]?.[''] : undefined;
  return [englishDoc(f, docs), typeDoc].filter(Boolean).map((d) => `${d}\n`).join('');
}

function koreanBlock(f: FieldSchema, pad: number, korean: boolean): string {
  const ko = korean ? koreanOf(f) : undefined;
  return ko ? `${indent(pad, wrapWide(`한국어: ${ko}`, 78 - pad))}\n` : '';
}

/** The `fieldList` template: one entry per property, sorted by name; recursive mode lists names and types only. */
function fieldList(f: FieldSchema, level: number, recursive: boolean, docs: FieldDocs, korean: boolean): string {
  const fields = elementOf(f).fields ?? {};
  let text = '';
  const pad = level * 2;
  for (const name of Object.keys(fields).sort()) {
    const child = fields[name];
    text += `${' '.repeat(pad)}${name}\t<${typeLabel(child)}>${child.required ? ' -required-' : ''}`;
    const values = child.enum;
    if (values?.length) text += `\n${' '.repeat(pad)}enum: ${values.slice(0, 4).map(enumValue).join(', ')}${values.length > 4 ? ', ....' : ''}`;
    text += '\n';
    if (recursive) text += fieldList(child, level + 1, true, docs, korean);
    else text += `${indent(pad + 2, wordWrap(englishDoc(child, docs) || '<no description>', 78 - pad))}\n${koreanBlock(child, pad + 2, korean)}\n`;
  }
  return text;
}

/**
 * The whole explanation of one kind or field; throws `field "x" does not exist` for a path the kind lacks.
 * `korean: false` leaves out the Korean lines: exactly what real kubectl prints from the sim server's /openapi/v3.
 */
export function renderExplain(info: KindInfo, path: readonly string[], recursive: boolean, docs: FieldDocs, korean = true): string {
  const field = fieldAt(info.kind, path);
  if (!field) {
    const known = path.findIndex((_, i) => !fieldAt(info.kind, path.slice(0, i + 1)));
    const hint = `힌트: 'kubectl explain ${[info.singular, ...path.slice(0, known)].join('.')}'로 쓸 수 있는 필드를 확인해 보세요.`;
    throw new KubectlError(`error: field "${path[known]}" does not exist`, hint);
  }
  let text = `${info.group ? `GROUP:      ${info.group}\n` : ''}KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
  if (path.length > 0) {
    text += `FIELD: ${path[path.length - 1]} <${typeLabel(field)}>\n`;
    if (field.enum) text += `ENUM:${field.enum.map((v) => `\n    ${enumValue(v)}`).join('')}`;
    text += '\n\n';
  }
  const description = path.length > 0 ? longDescription(field, docs) : `${docs[info.kind]?.[''] ?? ''}\n`;
  text += `DESCRIPTION:\n${indent(4, wordWrap(description.trim() ? description : '<empty>', 76))}\n${koreanBlock(field, 4, korean)}`;
  const list = fieldList(field, 1, recursive, docs, korean);
  if (list) text += `${korean && koreanOf(field) ? '\n' : ''}FIELDS:\n${list}`;
  return `${text}\n`;
}

export async function runExplain(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const arg = cmd.args[0];
  if (!arg) {
    throw new KubectlError(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
      '힌트: 예) kubectl explain pod.spec.containers',
    );
  }
  const [typeWord, ...path] = arg.split('.');
  const info = resolveResource(typeWord);
  if (!info) throw unknownType(typeWord);
  const { DOCS } = await import('../../k8s/kinds/upstream/docs');
  out(ctx, renderExplain(info, path, cmd.flags.recursive === true, DOCS));
  return 0;
}
