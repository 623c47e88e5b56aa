/** `apply -f`, `create -f`, `delete -f` over the editor's files. */
import { badRequest } from '../../k8s/status';
import { isStatusError, type KubeObject } from '../../k8s/types';
import { KubectlError, err, out, str, type KubectlContext } from '../context';
import { describeError, statusMessage } from '../errors';
import type { ParsedCommand } from '../parse';
import { deletedLine, qualifiedPlural, qualifiedSingular, resourceOf } from '../resources';
import { decodingError, goValue, problemHint, readManifests, type FileDoc } from './files';
import { warnIfDeprecated } from '../deprecation';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** `--dry-run`: none, client or server; anything else is kubectl's error. */
export function dryRunMode(cmd: ParsedCommand): 'none' | 'client' | 'server' {
  const v = str(cmd.flags, 'dry-run') ?? 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  throw new KubectlError(
    `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`,
    '힌트: 미리 보기만 하려면 --dry-run=client -o yaml을 쓰세요.',
  );
}

export function dryRunSuffix(mode: 'none' | 'client' | 'server'): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}

function namespaceFor(doc: FileDoc, cmd: ParsedCommand): string | undefined {
  if (!resourceOf(doc.kind).namespaced) return undefined;
  const fromFile = doc.object.metadata?.namespace;
  const fromFlag = str(cmd.flags, 'namespace');
  if (fromFile && fromFlag && fromFile !== fromFlag) {
    throw new KubectlError(
      `error: the namespace from the provided object "${fromFile}" does not match the namespace "${fromFlag}". You must pass '--namespace=${fromFile}' to perform this operation.`,
      '힌트: 파일의 metadata.namespace와 -n 값을 맞춰 주세요.',
    );
  }
  return fromFile ?? fromFlag ?? 'default';
}

function objectName(doc: FileDoc): string {
  const name = doc.object.metadata?.name;
  if (!name) {
    throw new KubectlError(
      `error: error when retrieving current configuration of:\nResource: "${qualifiedPlural(doc.kind)}", GroupVersionKind: "${doc.kind}"\nfrom server for: "${doc.file}": resource name may not be empty`,
      `힌트: ${doc.file} ${doc.line}번째 줄 문서에 metadata.name을 넣어 주세요.`,
    );
  }
  return name;
}

/** Set to null every key the previous apply had that the new manifest dropped, so a merge patch removes it. */
function deletions(previous: unknown, next: unknown): unknown {
  if (!isPlainObject(previous) || !isPlainObject(next)) return next;
  const result: Record<string, unknown> = { ...next };
  for (const key of Object.keys(previous)) {
    if (!(key in next)) result[key] = null;
    else result[key] = deletions(previous[key], next[key]);
  }
  return result;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Verb = 'creating' | 'applying' | 'deleting';

/** Run each document in file order, printing per-document results; returns the exit code. */
async function eachDocument(
  cmd: ParsedCommand,
  ctx: KubectlContext,
  verb: Verb,
  action: (doc: FileDoc, name: string, namespace: string | undefined) => Promise<string>,
): Promise<number> {
  const docs = readManifests(cmd, ctx);
  let hint: string | undefined;
  for (const doc of docs) {
    const name = objectName(doc);
    const namespace = namespaceFor(doc, cmd);
    warnIfDeprecated(ctx, doc.kind);
    // kubectl delete decodes without strict checks: only create and apply reach the API server's decoder
    if (doc.problems && verb !== 'deleting') {
      err(ctx, await rejection(ctx, verb, doc, name, namespace));
      hint ??= problemHint(doc.file, doc.problems[0]);
      continue;
    }
    try {
      out(ctx, await action(doc, name, namespace));
    } catch (e) {
      if (!isStatusError(e)) throw e;
      const printed = describeError(e);
      err(ctx, printed.message.replace('): ', `): error when ${verb} "${doc.file}": `));
      hint ??= printed.hint;
    }
  }
  if (hint) {
    err(ctx, hint);
    return 1;
  }
  return 0;
}

/**
 * How the API server turns down a document with unknown fields or wrong types. A new object is created, so the
 * body's strict decoding fails: `Error from server (BadRequest): error when creating "x.yaml": …` (AddSourceToErr
 * in kubectl's apply.go). An existing object is patched, and the patch handler answers Invalid on the field
 * "patch" with the patch map (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go), which kubectl prints
 * from the causes as `The request is invalid: patch: Invalid value: "map[…]": strict decoding error: …`. The
 * value is our merge patch in Go's `%+v` form (kubectl's strategic merge patch would add its $setElementOrder
 * directives).
 */
async function rejection(ctx: KubectlContext, verb: Verb, doc: FileDoc, name: string, namespace: string | undefined): Promise<string> {
  const decoding = decodingError(doc.problems ?? []);
  const existing = verb === 'applying' ? await currentObject(ctx, doc, name, namespace) : undefined;
  if (!existing) return statusMessage(badRequest(`error when creating "${doc.file}": ${decoding}`).status);
  const patch = applyPatch(existing, { ...doc.object, metadata: { ...doc.object.metadata, namespace } } as KubeObject, JSON.stringify(doc.object));
  const reason = decoding.replace(/^.* cannot be handled as a \w+: /, '');
  return `The request is invalid: patch: Invalid value: ${JSON.stringify(goValue(patch))}: ${reason}`;
}

async function currentObject(ctx: KubectlContext, doc: FileDoc, name: string, namespace: string | undefined): Promise<KubeObject | undefined> {
  try {
    return await ctx.client.get(doc.kind, name, namespace);
  } catch (e) {
    if (!isStatusError(e) || e.reason !== 'NotFound') throw e;
    return undefined;
  }
}

/** The merge patch `apply` sends: the manifest, nulls for keys the last apply had and this one dropped, and the new last-applied annotation. */
function applyPatch(existing: KubeObject, manifest: KubeObject, applied: string): Record<string, unknown> {
  const previousText = existing.metadata?.annotations?.[LAST_APPLIED];
  let previous: unknown = {};
  try {
    previous = previousText ? JSON.parse(previousText) : {};
  } catch {
    previous = {};
  }
  const { status: _status, ...desired } = manifest as KubeObject & { status?: unknown };
  const patch = deletions(previous, desired) as Record<string, unknown>;
  const metadata = { ...(patch.metadata as Record<string, unknown>) };
  metadata.annotations = { ...(metadata.annotations as Record<string, unknown> | null), [LAST_APPLIED]: `${applied}\n` };
  return { ...patch, metadata };
}

export function runApply(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const mode = dryRunMode(cmd);
  return eachDocument(cmd, ctx, 'applying', async (doc, name, namespace) => {
    const label = `${qualifiedSingular(doc.kind)}/${name}`;
    const manifest = { ...doc.object, metadata: { ...doc.object.metadata, namespace } } as KubeObject;
    const applied = JSON.stringify(doc.object);
    const existing = await currentObject(ctx, doc, name, namespace);
    if (!existing) {
      const annotations = { ...manifest.metadata?.annotations, [LAST_APPLIED]: `${applied}\n` };
      if (mode !== 'client') {
        await ctx.client.create({ ...manifest, metadata: { ...manifest.metadata, annotations } } as KubeObject, { dryRun: mode === 'server' });
      }
      return `${label} created${dryRunSuffix(mode)}`;
    }
    const previousText = existing.metadata?.annotations?.[LAST_APPLIED];
    if (previousText === undefined) {
      err(ctx, `Warning: resource ${qualifiedPlural(doc.kind)}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`);
    }
    if (previousText?.trim() === applied) return `${label} unchanged${dryRunSuffix(mode)}`;
    if (mode === 'none') await ctx.client.patch(doc.kind, name, namespace, applyPatch(existing, manifest, applied), 'merge');
    return `${label} configured${dryRunSuffix(mode)}`;
  });
}

export function runCreateFromFiles(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  const mode = dryRunMode(cmd);
  return eachDocument(cmd, ctx, 'creating', async (doc, name, namespace) => {
    if (mode !== 'client') {
      await ctx.client.create({ ...doc.object, metadata: { ...doc.object.metadata, namespace } } as KubeObject, { dryRun: mode === 'server' });
    }
    return `${qualifiedSingular(doc.kind)}/${name} created${dryRunSuffix(mode)}`;
  });
}

export function runDeleteFromFiles(cmd: ParsedCommand, ctx: KubectlContext): Promise<number> {
  return eachDocument(cmd, ctx, 'deleting', async (doc, name, namespace) => {
    await ctx.client.delete(doc.kind, name, namespace);
    return deletedLine(doc.kind, name, namespace);
  });
}
