/**
 * A POSIX-sh subset parser: words with quoting and `$VAR`/`${VAR}`/`${VAR:-x}`/`$(…)`/`$((…))`, `;` `&&` `||` `|`
 * `&`, redirections (`>` `>>` `2>` `2>&1` `<`), and the compound commands scripts in pod specs use: while/until,
 * if/elif/else, for, `{ …; }`. Expansion happens later, when the command runs (variables change as it runs).
 */

export type Segment =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean; def?: Word }
  | { t: 'sub'; src: string; q: boolean }
  | { t: 'arith'; expr: string; q: boolean };
export type Word = Segment[];

export interface Redirect {
  op: '>' | '>>' | '<' | '2>' | '2>>' | '2>&1' | '>&2';
  target?: Word;
}

export type Command =
  | { t: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redirect[] }
  | { t: 'while'; until: boolean; cond: List; body: List }
  | { t: 'if'; clauses: { cond: List; body: List }[]; otherwise?: List }
  | { t: 'for'; name: string; items: Word[]; body: List }
  | { t: 'group'; body: List };
export interface Pipeline {
  bang: boolean;
  cmds: Command[];
}
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}
export type List = AndOr[];

export class ShellSyntaxError extends Error {}

type Token = { t: 'word'; w: Word; raw: string; quoted: boolean } | { t: 'op'; v: string };

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

function tokenize(src: string): Token[] {
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

const RESERVED = new Set(['while', 'until', 'do', 'done', 'if', 'then', 'elif', 'else', 'fi', 'for', 'in', '{', '}', '!']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  private isKeyword(k: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && !t.quoted && t.raw === k;
  }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t?.t === 'op' && ops.includes(t.v);
  }
  private expectKeyword(k: string): void {
    if (!this.isKeyword(k)) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()} (expecting "${k}")`);
    this.i++;
  }
  private describe(): string {
    const t = this.peek();
    if (!t) return 'end of file';
    return t.t === 'op' ? (t.v === '\n' ? 'newline' : `"${t.v}"`) : `"${t.raw}"`;
  }
  private skipNewlines(): void {
    while (this.isOp('\n', ';')) this.i++;
  }

  parseAll(): List {
    const l = this.list([]);
    if (this.peek()) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`);
    return l;
  }

  /** A list up to one of the `stop` keywords (not consumed). */
  list(stop: string[]): List {
    const items: List = [];
    this.skipNewlines();
    while (this.peek() && !stop.some((k) => this.isKeyword(k)) && !this.isOp(')')) {
      items.push(this.andOr());
      if (this.isOp(';', '\n', '&')) this.skipNewlines(), this.isOp('&') && this.i++;
      else break;
      this.skipNewlines();
    }
    return items;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&', '||')) {
      const op = (this.toks[this.i++] as { v: '&&' | '||' }).v;
      this.skipNewlinesOnly();
      rest.push({ op, p: this.pipeline() });
    }
    return { first, rest };
  }
  private skipNewlinesOnly(): void {
    while (this.isOp('\n')) this.i++;
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (this.isKeyword('!')) {
      bang = true;
      this.i++;
    }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlinesOnly();
      cmds.push(this.command());
    }
    return { bang, cmds };
  }

  private command(): Command {
    if (this.isKeyword('while') || this.isKeyword('until')) {
      const until = this.isKeyword('until');
      this.i++;
      const cond = this.list(['do']);
      this.expectKeyword('do');
      const body = this.list(['done']);
      this.expectKeyword('done');
      return { t: 'while', until, cond, body };
    }
    if (this.isKeyword('if')) {
      this.i++;
      const clauses: { cond: List; body: List }[] = [];
      let otherwise: List | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expectKeyword('then');
        clauses.push({ cond, body: this.list(['elif', 'else', 'fi']) });
        if (this.isKeyword('elif')) {
          this.i++;
          continue;
        }
        if (this.isKeyword('else')) {
          this.i++;
          otherwise = this.list(['fi']);
        }
        this.expectKeyword('fi');
        return { t: 'if', clauses, otherwise };
      }
    }
    if (this.isKeyword('for')) {
      this.i++;
      const nameTok = this.peek();
      if (nameTok?.t !== 'word') throw new ShellSyntaxError(`syntax error: bad for loop variable`);
      this.i++;
      const items: Word[] = [];
      if (this.isKeyword('in')) {
        this.i++;
        while (this.peek()?.t === 'word' && !this.isKeyword('do')) items.push((this.toks[this.i++] as { w: Word }).w);
      }
      this.skipNewlines();
      this.expectKeyword('do');
      const body = this.list(['done']);
      this.expectKeyword('done');
      return { t: 'for', name: nameTok.raw, items, body };
    }
    if (this.isKeyword('{')) {
      this.i++;
      const body = this.list(['}']);
      this.expectKeyword('}');
      return { t: 'group', body };
    }
    return this.simple();
  }

  private simple(): Command {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.t === 'op') {
        if (t.v === '2>&1' || t.v === '>&2') {
          redirs.push({ op: t.v });
          this.i++;
          continue;
        }
        if (['>', '>>', '<', '2>', '2>>'].includes(t.v)) {
          this.i++;
          const target = this.peek();
          if (target?.t !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`);
          this.i++;
          redirs.push({ op: t.v as Redirect['op'], target: target.w });
          continue;
        }
        break;
      }
      if (words.length === 0 && RESERVED.has(t.raw) && !t.quoted) {
        if (assigns.length || redirs.length) break;
        throw new ShellSyntaxError(`syntax error: unexpected "${t.raw}"`);
      }
      const m = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw) : null;
      if (m && t.w[0]?.t === 'lit' && !t.w[0].q && t.w[0].v.startsWith(`${m[1]}=`)) {
        const head = t.w[0].v.slice(m[1].length + 1);
        assigns.push({ name: m[1], value: [...(head ? [{ t: 'lit' as const, v: head, q: false }] : []), ...t.w.slice(1)] });
      } else words.push(t.w);
      this.i++;
    }
    if (!words.length && !assigns.length && !redirs.length) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`);
    return { t: 'simple', assigns, words, redirs };
  }
}

/** Parses a script; throws ShellSyntaxError with sh's wording on bad input. */
export function parseScript(src: string): List {
  return new Parser(tokenize(src)).parseAll();
}
