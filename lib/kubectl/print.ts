/**
 * Printing objects as kubectl does: human tables from the server-side Table (priority-1 columns only with
 * `-o wide`, NAMESPACE first with `-A`, LABELS last with `--show-labels`, `kind/` name prefixes when several
 * types are shown), `-o name`, and `-o yaml|json` with kubectl's key order and List wrapper.
 */
import { Document, Scalar, visit } from 'yaml';
import { formatLabels, toTable } from '../k8s/table';
import { API_VERSION, type Kind, type KubeObject } from '../k8s/types';
import { qualifiedSingular } from './resources';
import { TabWriter } from './tabwriter';

export interface TableLayout {
  wide?: boolean;
  showLabels?: boolean;
  withNamespace?: boolean;
  /** Prefix NAME cells with `pod/`, `deployment.apps/` (kubectl does when several types are printed). */
  withKind?: boolean;
  noHeaders?: boolean;
}

/** Table text (tab-separated, before alignment) for objects of one kind. */
export function tableLines(kind: Kind, objects: readonly KubeObject[], now: number, layout: TableLayout, header = true): string {
  const table = toTable(kind, objects, { now });
  const visible = table.columnDefinitions
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => layout.wide || c.priority === 0);
  const lines: string[] = [];
  if (header && !layout.noHeaders) {
    const names = visible.map(({ c }) => c.name.toUpperCase());
    if (layout.withNamespace) names.unshift('NAMESPACE');
    if (layout.showLabels) names.push('LABELS');
    lines.push(names.join('\t'));
  }
  for (const row of table.rows) {
    const cells = visible.map(({ c, i }) => {
      const text = cellText(row.cells[i]);
      return layout.withKind && c.format === 'name' && c.priority === 0 ? `${qualifiedSingular(kind)}/${text}` : text;
    });
    if (layout.withNamespace) cells.unshift(row.object.metadata?.namespace ?? '');
    if (layout.showLabels) cells.push(formatLabels(row.object.metadata?.labels));
    lines.push(cells.join('\t'));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '<none>';
  return String(cell);
}

/** `-o name`: `pod/web`, `deployment.apps/web`. */
export function nameLine(kind: Kind, obj: KubeObject): string {
  return `${qualifiedSingular(kind)}/${obj.metadata?.name ?? ''}`;
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.\d+Z$/;

/** Plain JSON with apiVersion/kind set, in kubectl's field order, timestamps at second precision. */
export function withTypeMeta(kind: Kind, obj: KubeObject): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(obj), (key, value) =>
    typeof value === 'string' && TIMESTAMP.test(value) && key !== 'eventTime' ? value.replace(TIMESTAMP, '$1Z') : value,
  ) as Record<string, unknown>;
  const { apiVersion: _a, kind: _k, metadata, spec, status, ...rest } = plain;
  const ordered: Record<string, unknown> = { apiVersion: API_VERSION[kind], kind };
  if (metadata !== undefined) ordered.metadata = metadata;
  Object.assign(ordered, rest);
  if (spec !== undefined) ordered.spec = spec;
  if (status !== undefined) ordered.status = status;
  return ordered;
}

/** YAML as kubectl emits it (sigs.k8s.io/yaml): keys sorted, sequences not indented under their key. */
export function toYaml(value: unknown): string {
  const doc = new Document(value, { sortMapEntries: true, aliasDuplicateObjects: false });
  // go-yaml quotes strings that would read back as timestamps
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value === 'string' && /^\d{4}-\d\d-\d\dT/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

/** JSON as kubectl prints unstructured objects: Go's encoder sorts map keys, 4-space indent. */
export function toJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
    : v;
  return `${JSON.stringify(sorted(value), null, 4)}\n`;
}

/** One object, or a `kind: List` wrapper for several, as YAML or JSON. */
export function serialize(items: { kind: Kind; obj: KubeObject }[], format: 'yaml' | 'json', single: boolean): string {
  const objects = items.map(({ kind, obj }) => withTypeMeta(kind, obj));
  const value = single && objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  return format === 'yaml' ? toYaml(value) : toJson(value);
}
