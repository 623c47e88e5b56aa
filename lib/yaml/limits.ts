/**
 * The simulator's bounds on YAML text (lib/sim/limits.ts), checked before the YAML parser runs:
 * size in UTF-8 bytes, nesting depth (an upper bound from the lexer) and `---` documents. The
 * editor and `kubectl apply -f` in the browser get a Korean problem pointing at the spot; the sim
 * server answers the same bounds with a Status (lib/simserver/body.ts).
 */
import { MAX_NESTING_DEPTH, MAX_YAML_BYTES, MAX_YAML_DOCUMENTS } from '../sim/limits';
import { yamlShape } from './nesting';
import type { YamlProblem } from './parse';

/** The lexer's bound may overshoot the real depth about twice; the parsed value is checked exactly. */
export const YAML_DEPTH_BOUND = 2 * MAX_NESTING_DEPTH + 10;

/** UTF-8 length of `text`, counted only up to `stop` + 1 (a pasted novel is not walked to its end). */
export function utf8Length(text: string, stop = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first bound `text` breaks, as an editor problem; undefined when it is within all of them. */
export function yamlLimitProblem(text: string): YamlProblem | undefined {
  const bytes = utf8Length(text, MAX_YAML_BYTES);
  if (bytes > MAX_YAML_BYTES) {
    return {
      line: 1, column: 1, docIndex: 0, kind: 'syntax',
      message: `YAML이 너무 커요. 한 번에 ${MAX_YAML_BYTES / 1024}KiB까지 읽을 수 있어요. 파일을 여러 개로 나눠 보세요.`,
      detail: `error: the YAML is over the simulator's limit of ${MAX_YAML_BYTES} bytes`,
    };
  }
  const shape = yamlShape(text, YAML_DEPTH_BOUND);
  if (shape.overAt !== undefined) {
    return {
      ...lineColumn(text, shape.overAt), docIndex: 0, kind: 'syntax',
      message: `YAML이 너무 깊게 중첩되어 있어요. 괄호와 들여쓰기는 ${MAX_NESTING_DEPTH}단계까지 쓸 수 있어요.`,
      detail: `error converting YAML to JSON: yaml: exceeded max depth of ${MAX_NESTING_DEPTH}`,
    };
  }
  if (shape.documentStarts > MAX_YAML_DOCUMENTS) {
    return {
      line: 1, column: 1, docIndex: 0, kind: 'syntax',
      message: `문서(---)가 너무 많아요. 한 파일에 ${MAX_YAML_DOCUMENTS.toLocaleString('en-US')}개까지 쓸 수 있어요.`,
      detail: `error: more than ${MAX_YAML_DOCUMENTS} YAML documents`,
    };
  }
  return undefined;
}

/** The problem for a parsed document whose value nests too deep (YAML aliases can do that). */
export function deepValueProblem(at: { line: number; column: number }, docIndex: number): YamlProblem {
  return {
    ...at, docIndex, kind: 'syntax',
    message: `YAML이 너무 깊게 중첩되어 있어요. 앵커(&)와 별칭(*)을 펼치면 ${MAX_NESTING_DEPTH}단계를 넘어요.`,
    detail: `error converting YAML to JSON: yaml: exceeded max depth of ${MAX_NESTING_DEPTH}`,
  };
}
