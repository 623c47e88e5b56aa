/**
 * Elastic tabstops as Go's text/tabwriter lays them out (the way kubectl aligns every table and `describe`):
 * cells are tab-terminated, a column block is a run of consecutive lines that have a cell in that column, and
 * each block is as wide as its widest cell + padding (at least minWidth). The last cell of a line is never padded.
 * `rememberWidths` keeps widths across flushes, like kubectl's fork does for `get -w`.
 */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  rememberWidths?: boolean;
}

/** kubectl get / api-resources: minwidth 6, padding 3. */
export const GET_TABLE: TabWriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe and rollout history: minwidth 0, padding 2. */
export const DESCRIBE: TabWriterOptions = { minWidth: 0, padding: 2 };

/** Display width in code points (Go counts runes, not bytes). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private readonly remembered: number[] = [];
  constructor(private readonly opts: TabWriterOptions) {}

  /** Lay out text whose lines contain tab-separated cells. Keeps a trailing newline if present. */
  format(text: string): string {
    const endsWithNewline = text.endsWith('\n');
    const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
    const out: string[] = new Array(lines.length);
    this.formatBlock(lines, out, [], 0, lines.length);
    return out.join('\n') + (endsWithNewline ? '\n' : '');
  }

  private formatBlock(lines: string[][], out: string[], widths: number[], line0: number, line1: number): void {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      this.writeLines(lines, out, widths, start, i);
      start = i;
      let w = this.opts.minWidth;
      for (; i < line1 && column < lines[i].length - 1; i++) {
        w = Math.max(w, width(lines[i][column]) + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        w = Math.max(w, this.remembered[column] ?? 0);
        this.remembered[column] = w;
      }
      this.formatBlock(lines, out, [...widths, w], start, i);
      start = i;
      i--; // the outer loop's i++ must revisit line i
    }
    this.writeLines(lines, out, widths, start, line1);
  }

  private writeLines(lines: string[][], out: string[], widths: number[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      out[i] = lines[i]
        .map((cell, j) => (j < widths.length && j < lines[i].length - 1 ? cell + ' '.repeat(Math.max(0, widths[j] - width(cell))) : cell))
        .join('');
    }
  }
}

/** One-shot layout of tab-separated text. */
export function tabulate(text: string, opts: TabWriterOptions = GET_TABLE): string {
  return new TabWriter(opts).format(text);
}
