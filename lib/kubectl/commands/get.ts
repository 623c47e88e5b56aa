/** `kubectl get`: tables, -o wide|yaml|json|name, -l, --field-selector, -n/-A, --show-labels, -w. */
import { labelsMatch, matchesFieldSelector, parseFieldSelector } from '../../k8s/selectors';
import { isStatusError, type Kind, type KubeObject } from '../../k8s/types';
import { KubectlError, err, namespaceOf, out, str, type KubectlContext } from '../context';
import { describeError } from '../errors';
import { notFoundHint } from '../not-found-hint';
import type { ParsedCommand } from '../parse';
import { nameLine, serialize, tableLines, type TableLayout } from '../print';
import { TabWriter } from '../tabwriter';
import { compactCopyNote } from '../../cluster/live-full-pod';
import { byNamespaceAndName, missingNamespaceHint, noResourcesMessage, parseTargets, scopedNamespace, type Target } from '../targets';
import { customColumns, jsonPathOutput, sortObjects } from './get-templates';
import { warnIfDeprecated } from '../deprecation';
import { pendingLoadBalancerHint } from './service-hints';

export type OutputFormat = 'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'custom-columns';

/** Validate `-o`, worded like kubectl when the format is one we don't print. `jsonpath=…` keeps its template. */
export function outputFormat(flags: ParsedCommand['flags'], allowed: OutputFormat[] = ['wide', 'yaml', 'json', 'name']): OutputFormat {
  const o = str(flags, 'output');
  if (o === undefined || o === '') return 'table';
  const base = o.split('=')[0];
  if ((allowed as string[]).includes(o) || (o.includes('=') && (allowed as string[]).includes(base))) return (o.includes('=') ? base : o) as OutputFormat;
  throw new KubectlError(
    `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed.join(',')}`,
    `힌트: 이 터미널에서 쓸 수 있는 출력 형식은 ${allowed.join(', ')}이에요.`,
  );
}

interface Fetched {
  kind: Kind;
  objects: KubeObject[];
  /** named objects that were not found (already reported on stderr) */
  missing: number;
  hint?: string;
}

async function fetchTarget(ctx: KubectlContext, target: Target, namespace: string | undefined, cmd: ParsedCommand): Promise<Fetched> {
  const kind = target.type.kind;
  const ns = scopedNamespace(kind, namespace);
  warnIfDeprecated(ctx, kind);
  if (target.names.length > 0) {
    const objects: KubeObject[] = [];
    let missing = 0;
    let hint: string | undefined;
    for (const name of target.names) {
      try {
        const obj = await ctx.client.get(kind, name, ns ?? (target.type.namespaced ? 'default' : undefined));
        objects.push(obj);
        const note = compactCopyNote(kind, obj);
        if (note) err(ctx, note);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        const printed = describeError(e);
        err(ctx, printed.message);
        hint = (await notFoundHint(ctx, e, ns ?? 'default')) ?? printed.hint;
        missing++;
      }
    }
    return { kind, objects, missing, hint };
  }
  const labelSelector = str(cmd.flags, 'selector');
  const fieldSelector = str(cmd.flags, 'field-selector');
  const objects = await ctx.client.list(kind, ns, { labelSelector, fieldSelector });
  return { kind, objects: [...objects].sort(byNamespaceAndName), missing: 0 };
}

export async function runGet(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const format = outputFormat(cmd.flags, ['wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns']);
  const targets = parseTargets(cmd.args, 'get');
  const all = cmd.flags['all-namespaces'] === true;
  const namespace = all ? undefined : namespaceOf(cmd.flags);
  const fetched: Fetched[] = [];
  for (const t of targets) fetched.push(await fetchTarget(ctx, t, namespace, cmd));
  const sortBy = str(cmd.flags, 'sort-by');
  if (sortBy) for (const f of fetched) f.objects = sortObjects(f.kind, f.objects, sortBy);
  const failed = fetched.some((f) => f.missing > 0);
  const named = targets.some((t) => t.names.length > 0);
  const multi = targets.length > 1 || cmd.args[0]?.split(',').includes('all');
  const total = fetched.reduce((n, f) => n + f.objects.length, 0);

  const layout: TableLayout = {
    wide: format === 'wide',
    showLabels: cmd.flags['show-labels'] === true,
    withNamespace: all,
    withKind: multi || cmd.flags['show-kind'] === true,
    noHeaders: cmd.flags['no-headers'] === true,
  };
  const writer = new TabWriter({ minWidth: 6, padding: 3, rememberWidths: true });

  if (total === 0 && !named) {
    const clusterScoped = targets.every((t) => !t.type.namespaced);
    err(ctx, noResourcesMessage(clusterScoped ? undefined : namespace));
    const hint = clusterScoped ? null : await missingNamespaceHint(ctx, namespace);
    if (hint) err(ctx, hint);
  } else if (format === 'yaml' || format === 'json') {
    const items = fetched.flatMap((f) => f.objects.map((obj) => ({ kind: f.kind, obj })));
    if (items.length > 0) out(ctx, serialize(items, format, named && items.length === 1 && targets.length === 1 && targets[0].names.length === 1));
  } else if (format === 'jsonpath' || format === 'custom-columns') {
    const items = fetched.flatMap((f) => f.objects.map((obj) => ({ kind: f.kind, obj })));
    const single = named && items.length === 1 && targets.length === 1 && targets[0].names.length === 1;
    const template = (str(cmd.flags, 'output') ?? '').slice(format.length + 1);
    // jsonpath prints exactly the template's text (no newline added), as kubectl does
    if (format === 'jsonpath' && items.length > 0) ctx.write(jsonPathOutput(template, items, single), 'stdout');
    else if (items.length > 0) out(ctx, customColumns(template, items, layout.noHeaders === true));
  } else if (format === 'name') {
    const lines = fetched.flatMap((f) => f.objects.map((o) => nameLine(f.kind, o)));
    if (lines.length > 0) out(ctx, lines.join('\n'));
  } else {
    // one writer per type; a watch reuses the first so its rows keep the table's column widths
    const blocks = fetched
      .filter((f) => f.objects.length > 0)
      .map((f, i) => (i === 0 ? writer : new TabWriter({ minWidth: 6, padding: 3 })).format(tableLines(f.kind, f.objects, ctx.now(), layout)));
    if (blocks.length > 0) out(ctx, blocks.join('\n'));
    const lbHint = fetched.map((f) => pendingLoadBalancerHint(f.kind, f.objects)).find(Boolean);
    if (lbHint) err(ctx, lbHint);
  }

  if (cmd.flags.watch === true) {
    if (targets.length !== 1) {
      throw new KubectlError('error: you may only specify a single resource type', '힌트: -w는 한 가지 종류만 지켜볼 수 있어요. 예) kubectl get pods -w');
    }
    await watchTarget(ctx, targets[0], namespace, cmd, format, layout, writer, total === 0 && !named);
  }
  if (failed) err(ctx, fetched.find((f) => f.hint)?.hint ?? '');
  return failed ? 1 : 0;
}

/** Stream rows for every change until Ctrl+C (the context's signal) aborts. */
async function watchTarget(
  ctx: KubectlContext,
  target: Target,
  namespace: string | undefined,
  cmd: ParsedCommand,
  format: OutputFormat,
  layout: TableLayout,
  writer: TabWriter,
  needsHeader: boolean,
): Promise<void> {
  const signal = ctx.signal;
  if (!signal || signal.aborted) return;
  const kind = target.type.kind;
  const ns = scopedNamespace(kind, namespace);
  const labelSelector = str(cmd.flags, 'selector');
  const fieldSelector = str(cmd.flags, 'field-selector');
  const fields = fieldSelector ? parseFieldSelector(fieldSelector, kind) : [];
  let headerPending = needsHeader;
  await new Promise<void>((resolve) => {
    const unsubscribe = ctx.client.subscribe((changes) => {
      for (const change of changes) {
        const obj = change.object;
        if (change.kind !== kind) continue;
        if (ns !== undefined && obj.metadata?.namespace !== ns) continue;
        if (target.names.length > 0 && !target.names.includes(obj.metadata?.name ?? '')) continue;
        if (labelSelector && !labelsMatch(labelSelector, obj.metadata?.labels)) continue;
        if (fields.length > 0 && !matchesFieldSelector(fields, obj)) continue;
        if (format === 'name') out(ctx, nameLine(kind, obj));
        else if (format === 'yaml' || format === 'json') out(ctx, `${format === 'yaml' ? '---\n' : ''}${serialize([{ kind, obj }], format, true)}`);
        else {
          out(ctx, writer.format(tableLines(kind, [obj], ctx.now(), layout, headerPending)));
          headerPending = false;
        }
      }
    });
    signal.addEventListener('abort', () => {
      unsubscribe();
      resolve();
    }, { once: true });
  });
}
