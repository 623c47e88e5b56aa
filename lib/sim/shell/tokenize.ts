/**
 * The sh subset's tokenizer: words (quoting, `$VAR`, `${VAR:-x}`, `$(…)`, `$((…))` kept as segments for later
 * expansion) and operators, longest first. O(length of the script).
 */
import { ShellSyntaxError, type Segment, type Word } from './ast';

export type Token = { t: 'word'; w: Word; raw: string; quoted: boolean } | { t: 'op'; v: string };

const OPS = ['2>&1', '>&2', '2>>', '&&', '||', '>>', '2>', ';;', ';', '&', '|', '>', '<', '(', ')', '\n'];

/** Reads `${…}` / `$(…)` / `$((…))` bodies, honouring nesting. Returns the body and the index after it. */
function balanced(s: string, i: number, open: string, close: string): [string, number] {
  let depth = 1;
  let j = i;
  while (j < s.length) {
    if (s.startsWith(open, j)) depth++;
    else if (s.startsWith(close, j) && --depth === 0) return [s.slice(i, j), j + close.length];
    j++;
  }
  throw new ShellSyntaxError(`syntax error: unterminated ${open}`);
}

/** Parses a `$…` expansion at s[i] === '$'. */
function dollar(s: string, i: number, q: boolean): [Segment, number] {
  const n = s[i + 1];
  if (s.startsWith('$((', i)) {
    const [expr, end] = balanced(s, i + 3, '((', '))');
    return [{ t: 'arith', expr, q }, end];
  }
  if (n === '(') {
    const [src, end] = balanced(s, i + 2, '(', ')');
    return [{ t: 'sub', src, q }, end];
  }
  if (n === '{') {
    const [body, end] = balanced(s, i + 2, '{', '}');
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*])(?::?-(.*))?$/s.exec(body);
    if (!m) throw new ShellSyntaxError(`syntax error: bad substitution`);
    return [{ t: 'var', name: m[1], q, ...(m[2] !== undefined ? { def: parseWordText(m[2], q) } : {}) }, end];
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*])/.exec(s.slice(i + 1));
  if (!m) return [{ t: 'lit', v: '$', q }, i + 1];
  return [{ t: 'var', name: m[1], q }, i + 1 + m[1].length];
}

/** A word's text (e.g. the default in `${X:-text}`) as segments. */
function parseWordText(s: string, q: boolean): Word {
  const w: Word = [];
  let lit = '';
  for (let i = 0; i < s.length; ) {
    if (s[i] === '$') {
      if (lit) w.push({ t: 'lit', v: lit, q });
      lit = '';
      const [seg, end] = dollar(s, i, q);
      w.push(seg);
      i = end;
    } else lit += s[i++];
  }
  if (lit) w.push({ t: 'lit', v: lit, q });
  return w;
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    // a word: runs until unquoted whitespace or an operator
    const w: Word = [];
    let raw = '';
    let quoted = false;
    let lit = '';
    const flush = (q: boolean) => {
      if (lit) w.push({ t: 'lit', v: lit, q });
      lit = '';
    };
    while (i < src.length) {
      const ch = src[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || (ch !== '$' && OPS.some((o) => o !== '2>' && o !== '2>&1' && o !== '2>>' && src.startsWith(o, i)))) break;
      if (ch === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
        flush(false);
        w.push({ t: 'lit', v: src.slice(i + 1, end), q: true });
        raw += src.slice(i, end + 1);
        quoted = true;
        i = end + 1;
      } else if (ch === '"') {
        flush(false);
        quoted = true;
        let j = i + 1;
        let dq = '';
        const seg: Word = [];
        for (;;) {
          if (j >= src.length) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
          const d = src[j];
          if (d === '"') break;
          if (d === '\\' && '$`"\\\n'.includes(src[j + 1] ?? '')) {
            dq += src[j + 1];
            j += 2;
          } else if (d === '$') {
            if (dq) seg.push({ t: 'lit', v: dq, q: true });
            dq = '';
            const [s, end] = dollar(src, j, true);
            seg.push(s);
            j = end;
          } else dq += src[j++];
        }
        if (dq || seg.length === 0) seg.push({ t: 'lit', v: dq, q: true });
        w.push(...seg);
        raw += src.slice(i, j + 1);
        i = j + 1;
      } else if (ch === '\\') {
        flush(false);
        w.push({ t: 'lit', v: src[i + 1] ?? '', q: true });
        raw += src.slice(i, i + 2);
        quoted = true;
        i += 2;
      } else if (ch === '$') {
        flush(false);
        const [s, end] = dollar(src, i, false);
        w.push(s);
        raw += src.slice(i, end);
        i = end;
      } else {
        lit += ch;
        raw += ch;
        i++;
      }
    }
    flush(false);
    out.push({ t: 'word', w, raw, quoted });
  }
  return out;
}
