/** `-o jsonpath=…`, `-o custom-columns=…` and `--sort-by=…` for kubectl get. */
import type { Kind, KubeObject } from '../../k8s/types';
import { KubectlError } from '../context';
import { evaluate, JsonPathError, parsePath, renderJsonPath, valueText } from '../jsonpath';
import { withTypeMeta } from '../print';
import { tabulate } from '../tabwriter';

function wrap<T>(what: string, template: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    throw new KubectlError(
      `error: error parsing ${what} ${template}, ${e.message}`,
      "힌트: 예) -o jsonpath='{.items[*].metadata.name}' 또는 -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image",
    );
  }
}

export function jsonPathOutput(template: string, items: { kind: Kind; obj: KubeObject }[], single: boolean): string {
  const objects = items.map(({ kind, obj }) => withTypeMeta(kind, obj));
  const root = single ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  return wrap('jsonpath', template, () => renderJsonPath(template, root));
}

export function customColumns(spec: string, items: { kind: Kind; obj: KubeObject }[], noHeaders: boolean): string {
  const columns = spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i <= 0) {
      throw new KubectlError(`error: custom-columns format specified, but no custom columns given`, '힌트: 열이름:경로 형식으로 써 주세요. 예) -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName');
    }
    return { header: part.slice(0, i), path: wrap('custom-columns', part, () => parsePath(part.slice(i + 1))) };
  });
  const lines = noHeaders ? [] : [columns.map((c) => c.header).join('\t')];
  for (const { kind, obj } of items) {
    const plain = withTypeMeta(kind, obj);
    lines.push(columns.map((c) => evaluate(plain, c.path).map(valueText).join(',') || '<none>').join('\t'));
  }
  return tabulate(`${lines.join('\n')}\n`);
}

/** kubectl --sort-by: numbers numerically, everything else as text; objects without the field first. */
export function sortObjects(kind: Kind, objects: KubeObject[], path: string): KubeObject[] {
  const steps = wrap('sort-by', path, () => parsePath(path.replace(/^\{(.*)\}$/, '$1')));
  const keyed = objects.map((obj) => ({ obj, key: evaluate(withTypeMeta(kind, obj), steps)[0] }));
  return keyed
    .sort((a, b) => {
      if (a.key === undefined || b.key === undefined) return a.key === undefined ? (b.key === undefined ? 0 : -1) : 1;
      if (typeof a.key === 'number' && typeof b.key === 'number') return a.key - b.key;
      const x = valueText(a.key);
      const y = valueText(b.key);
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map((k) => k.obj);
}
