/**
 * The part of kubectl's JSONPath students use: `{.items[*].metadata.name}`, `{.spec.containers[0].image}`,
 * `{range .items[*]}…{end}`, `{"\n"}` literals; also the bare paths of custom-columns and --sort-by.
 * Filters (`[?()]`) and slices are not supported and say so.
 */

type Step = { key: string } | { index: number } | { all: true };

export class JsonPathError extends Error {}

/** `.a.b[0].c[*]` → steps. A leading `$` or `@` is the current object. */
export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  let rest = path.trim().replace(/^[$@]/, '');
  while (rest.length > 0) {
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^\.([A-Za-z0-9_\-/]+|\*)/))) {
      steps.push(m[1] === '*' ? { all: true } : { key: m[1] });
    } else if ((m = rest.match(/^\[(\d+)\]/))) {
      steps.push({ index: Number(m[1]) });
    } else if ((m = rest.match(/^\[\*\]/))) {
      steps.push({ all: true });
    } else if ((m = rest.match(/^\[['"]([^'"]+)['"]\]/))) {
      steps.push({ key: m[1] });
    } else {
      throw new JsonPathError(`unrecognized identifier ${rest.slice(0, 12)}`);
    }
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/** Every value the path reaches from `root`. */
export function evaluate(root: unknown, steps: Step[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if ('all' in step) next.push(...(Array.isArray(value) ? value : Object.values(value)));
      else if ('index' in step) {
        if (Array.isArray(value) && step.index < value.length) next.push(value[step.index]);
      } else if (!Array.isArray(value) && step.key in value) next.push((value as Record<string, unknown>)[step.key]);
    }
    current = next;
  }
  return current;
}

export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

type Node = { text: string } | { path: Step[] } | { range: Step[]; body: Node[] };

function unescape(literal: string): string {
  return literal.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"');
}

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) stack[stack.length - 1].push({ text: template.slice(last, m.index) });
    last = m.index + m[0].length;
    const expr = m[1].trim();
    if (expr === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (expr.startsWith('range ')) {
      const node: Node = { range: parsePath(expr.slice(6)), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
    } else if (/^".*"$|^'.*'$/.test(expr)) {
      stack[stack.length - 1].push({ text: unescape(expr.slice(1, -1)) });
    } else if (expr.includes('?(') || expr.includes(':')) {
      throw new JsonPathError(`filters and slices are not supported in this practice terminal: ${expr}`);
    } else {
      stack[stack.length - 1].push({ path: parsePath(expr) });
    }
  }
  if (last < template.length) stack[stack.length - 1].push({ text: template.slice(last) });
  if (stack.length > 1) throw new JsonPathError('unclosed action');
  return root;
}

function render(nodes: Node[], context: unknown): string {
  let out = '';
  for (const node of nodes) {
    if ('text' in node) out += node.text;
    else if ('path' in node) out += evaluate(context, node.path).map(valueText).join(' ');
    else for (const item of evaluate(context, node.range)) out += render(node.body, item);
  }
  return out;
}

/** Render a kubectl `-o jsonpath=TEMPLATE` against an object or a List. */
export function renderJsonPath(template: string, root: unknown): string {
  const t = template.replace(/^'(.*)'$/s, '$1');
  return render(parseTemplate(t.includes('{') ? t : `{${t}}`), root);
}
