/** Building blocks of `kubectl describe` output: tab-separated lines laid out by the describe tabwriter. */
import type { CoreV1Event, V1Toleration } from '../../k8s/api-types';
import { formatAge, timestampMs } from '../../k8s/age';
import type { KubeObject } from '../../k8s/types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123 with numeric zone, as describe prints times: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123(ts: unknown): string {
  const ms = timestampMs(ts);
  if (Number.isNaN(ms)) return '<unknown>';
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/**
 * `Labels:` style multi-line map: first entry on the field's line, the rest on lines of their own after a tab
 * (printLabelsMultilineWithIndent in kubectl's describe.go, called with the indent inside the title).
 */
export function mapLines(label: string, entries: Record<string, string> | undefined, indent = ''): string[] {
  const pairs = Object.keys(entries ?? {}).sort().map((k) => `${k}=${entries![k]}`);
  if (pairs.length === 0) return [`${indent}${label}:\t<none>`];
  return [`${indent}${label}:\t${pairs[0]}`, ...pairs.slice(1).map((p) => `\t${p}`)];
}

/** Annotations describe never shows (skipAnnotations in kubectl's describe.go). */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
/** maxAnnotationLen in kubectl's describe.go: longer values go on their own lines, cut with "...". */
const MAX_ANNOTATION = 140;

/** printAnnotationsMultiline: `key: value`, sorted; long or multi-line values below their key. */
export function annotationLines(entries: Record<string, string> | undefined, indent = ''): string[] {
  const keys = Object.keys(entries ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) return [`${indent}Annotations:\t<none>`];
  const lines: string[] = [];
  keys.forEach((key, i) => {
    const lead = i === 0 ? `${indent}Annotations:\t` : '\t';
    const value = entries![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      lines.push(`${lead}${key}:`, ...value.split('\n').map((s) => `\t  ${s.length > MAX_ANNOTATION - 2 ? `${s.slice(0, MAX_ANNOTATION - 2)}...` : s}`));
    } else lines.push(`${lead}${key}: ${value}`);
  });
  return lines;
}

/** The Events: table at the end of describe, oldest first, `<none>` when empty. */
export function eventLines(events: CoreV1Event[], now: number): string[] {
  if (events.length === 0) return ['Events:\t<none>'];
  const sorted = [...events].sort((a, b) => timestampMs(a.lastTimestamp ?? a.eventTime) - timestampMs(b.lastTimestamp ?? b.eventTime));
  const lines = ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------'];
  for (const e of sorted) {
    const first = timestampMs(e.firstTimestamp ?? e.eventTime);
    const last = timestampMs(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp);
    const count = e.count ?? 1;
    const age = count > 1 && !Number.isNaN(first)
      ? `${formatAge(now - last)} (x${count} over ${formatAge(now - first)})`
      : formatAge(now - last);
    const from = e.source?.component ?? e.reportingComponent ?? '';
    lines.push(`  ${e.type ?? ''}\t${e.reason ?? ''}\t${age}\t${from}\t${(e.message ?? '').trim()}`);
  }
  return lines;
}

/** Events about one object (by uid when known, else kind + name). */
export function eventsFor(obj: KubeObject, kind: string, events: CoreV1Event[]): CoreV1Event[] {
  const uid = obj.metadata?.uid;
  return events.filter((e) =>
    uid && e.involvedObject?.uid ? e.involvedObject.uid === uid : e.involvedObject?.kind === kind && e.involvedObject?.name === obj.metadata?.name,
  );
}

export function controllerOf(obj: KubeObject): string | undefined {
  const owner = obj.metadata?.ownerReferences?.find((o) => o.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}

/**
 * printTolerationsMultilineWithIndent: `key=value:Effect`, ` op=Exists` only for Exists without a value, sorted by
 * key, the rest on lines of their own after a tab.
 */
export function tolerationLines(title: string, tolerations: readonly V1Toleration[] | undefined): string[] {
  if (!tolerations?.length) return [`${title}:\t<none>`];
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  return sorted.map((t, i) => {
    let text = `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    return i === 0 ? `${title}:\t${text}` : `\t${text}`;
  });
}
