/**
 * How deep a JSON or YAML text nests, measured before parsing it. Parsers and everything after them
 * recurse once per level; 5,000 `[` are enough to exhaust the stack, and V8 may then abort the whole
 * process (issue #12), which no try/catch survives. Both scans are linear and never recurse.
 */
import { CST, Lexer } from 'yaml';

/** Deepest `[`/`{` nesting of a JSON text, outside strings. O(n); returns early once past `stop`. */
export function jsonNestingDepth(text: string, stop = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > stop) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export interface YamlShape {
  /** an upper bound of the nesting depth of any document's value */
  depthBound: number;
  /** `---` markers (a text without any holds one document) */
  documentStarts: number;
  /** where the bound first went past `stop` (a character offset), if it did */
  overAt?: number;
}

const SYNTHETIC = new Set(['\x02', '\x18', '\x1f']); // the lexer's zero-width markers

/**
 * An upper bound of how deep a YAML text nests, from the lexer's tokens (which know quotes, block
 * scalars and flow context; the lexer itself is a loop, not a recursion). Flow collections count
 * exactly. Block collections are bounded by a stack of open columns: each line's indentation closes
 * deeper columns, and every token that starts a node on the line opens one. A column holds at most
 * two levels (a block sequence may sit at its parent mapping key's column), so depth ≤ 2·columns +
 * flow depth. Aliases are not followed: check the parsed value too. O(n); stops early past `stop`.
 */
export function yamlShape(text: string, stop = Infinity): YamlShape {
  const columns: number[] = [];
  let flow = 0;
  let col = 0;
  let lineStart = true;
  let depthBound = 0;
  let documentStarts = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (SYNTHETIC.has(token)) continue;
    const start = offset;
    offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') {
      col = 0;
      lineStart = true;
      continue;
    }
    const at = col;
    const nl = token.lastIndexOf('\n');
    col = nl < 0 ? col + token.length : token.length - nl - 1;
    if (type === 'space' || type === 'comment' || type === 'byte-order-mark') continue;
    if (type === 'doc-start' || type === 'doc-end' || type === 'directive-line') {
      if (type === 'doc-start') documentStarts++;
      columns.length = 0;
      flow = 0;
      lineStart = false;
      continue;
    }
    if (flow === 0) {
      if (lineStart) while (columns.length && columns[columns.length - 1] > at) columns.pop();
      if (!columns.length || columns[columns.length - 1] < at) columns.push(at);
    }
    lineStart = false;
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if ((type === 'flow-map-end' || type === 'flow-seq-end') && flow > 0) flow--;
    const bound = 2 * columns.length + flow;
    if (bound > depthBound && (depthBound = bound) > stop) return { depthBound, documentStarts, overAt: start };
  }
  return { depthBound, documentStarts };
}
