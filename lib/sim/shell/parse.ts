/**
 * A POSIX-sh subset parser: words with quoting and `$VAR`/`${VAR}`/`${VAR:-x}`/`$(…)`/`$((…))`, `;` `&&` `||` `|`
 * `&`, redirections (`>` `>>` `2>` `2>&1` `<`), and the compound commands scripts in pod specs use: while/until,
 * if/elif/else, for, `{ …; }`. Expansion happens later, when the command runs (variables change as it runs).
 */
import { ShellSyntaxError, type AndOr, type Command, type List, type Pipeline, type Redirect, type Word } from './ast';
import { tokenize, type Token } from './tokenize';

export { ShellSyntaxError, type AndOr, type Command, type List, type Pipeline, type Redirect, type Segment, type Word } from './ast';

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
