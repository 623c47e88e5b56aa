/**
 * Cell helpers the per-kind printers share, as kubernetes pkg/printers/internalversion/printers.go and
 * apimachinery's labels package format them. Pure.
 */

/** The parts of metav1.LabelSelector the printers read. */
export interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export const nameOf = (obj: { metadata?: { name?: string } }): string => obj.metadata?.name ?? '';

/** CONTAINERS and IMAGES cells of a workload: the template's names and images, comma-separated. */
export function templateCells(containers: { name: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** A LabelSelector as labels.Selector.String() prints it: requirements sorted by key, comma-separated. */
export function selectorString(sel: LabelSelectorLike | undefined): string {
  if (!sel) return '';
  const parts: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push([k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})`
      : e.operator === 'NotIn' ? `${e.key} notin (${values})`
      : e.operator === 'Exists' ? e.key
      : `!${e.key}`;
    parts.push([e.key, text]);
  }
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

/**
 * metav1.FormatLabelSelector: the selector as selectorString prints it, `<none>` when it selects on nothing
 * (printReplicaSet and printDaemonSet print it so; printDeployment prints selector.String() as it is).
 */
export const formatLabelSelector = (sel: LabelSelectorLike | undefined | null): string => selectorString(sel ?? undefined) || '<none>';

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}
