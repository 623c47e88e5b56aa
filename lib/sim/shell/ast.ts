/** The syntax tree of the sh subset (parse.ts builds it from tokenize.ts's tokens; run.ts walks it). */

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
