/**
 * A small in-memory ClusterClient for kubectl tests: an object store with the API server's error bodies, merge
 * and JSON patches and change notifications, but no controllers (tests set status themselves).
 */
import type { ClusterClient } from '../../cluster/types';
import { InProcessClient } from './base-client';
import { objectKey } from '../../cluster/types';
import { labelsMatch, matchesFieldSelector, parseFieldSelector } from '../../k8s/selectors';
import type { ListOptions, PatchType } from '../../k8s/client-types';
import { alreadyExists, badRequest, notFound } from '../../k8s/status';
import { CLUSTER_SCOPED, type Kind, type KubeObject } from '../../k8s/types';

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base;
}

function jsonPatch(target: unknown, ops: { op: string; path: string; value?: unknown }[]): unknown {
  const doc = JSON.parse(JSON.stringify(target)) as Record<string, unknown>;
  for (const op of ops) {
    const parts = op.path.split('/').slice(1);
    let at: Record<string, unknown> = doc;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    const last = parts[parts.length - 1];
    if (op.op === 'remove') delete at[last];
    else at[last] = op.value;
  }
  return doc;
}

export class FakeClusterClient extends InProcessClient implements ClusterClient {
  private readonly objects = new Map<string, KubeObject>();
  private rv = 1;
  private uid = 1;
  constructor(public clock: { now(): number } = { now: () => Date.parse('2026-01-01T00:00:00Z') }) {
    super();
  }

  private keyOf(kind: Kind, obj: KubeObject): string {
    return objectKey(kind, obj.metadata?.name ?? '', CLUSTER_SCOPED.has(kind) ? undefined : (obj.metadata?.namespace ?? 'default'));
  }

  private emit(type: 'upsert' | 'delete', kind: Kind, object: KubeObject): void {
    this.emitChanges([{ type, kind, key: this.keyOf(kind, object), object }]);
  }

  /** Put an object as-is (status included), e.g. a fixture. */
  seed(kind: Kind, obj: KubeObject): KubeObject {
    const stored = JSON.parse(JSON.stringify(obj)) as KubeObject;
    stored.metadata = { uid: `uid-${this.uid++}`, creationTimestamp: new Date(this.clock.now()).toISOString(), ...stored.metadata, resourceVersion: String(++this.rv) };
    if (!CLUSTER_SCOPED.has(kind)) stored.metadata.namespace ??= 'default';
    (stored as { kind?: string }).kind = kind;
    this.objects.set(this.keyOf(kind, stored), stored);
    this.emit('upsert', kind, stored);
    return stored;
  }

  async list(kind: Kind, namespace?: string, opts?: ListOptions): Promise<KubeObject[]> {
    const fields = opts?.fieldSelector ? parseFieldSelector(opts.fieldSelector, kind) : [];
    return [...this.objects.entries()]
      .filter(([key]) => key.startsWith(`${kind}/`))
      .map(([, o]) => o)
      .filter((o) => namespace === undefined || CLUSTER_SCOPED.has(kind) || o.metadata?.namespace === namespace)
      .filter((o) => !opts?.labelSelector || labelsMatch(opts.labelSelector, o.metadata?.labels))
      .filter((o) => fields.length === 0 || matchesFieldSelector(fields, o))
      .map((o) => JSON.parse(JSON.stringify(o)));
  }

  async get(kind: Kind, name: string, namespace?: string): Promise<KubeObject> {
    const found = this.objects.get(objectKey(kind, name, CLUSTER_SCOPED.has(kind) ? undefined : (namespace ?? 'default')));
    if (!found) throw notFound(kind, name);
    return JSON.parse(JSON.stringify(found));
  }

  async create(obj: KubeObject, opts?: { dryRun?: boolean }): Promise<KubeObject> {
    const kind = this.kindOf(obj);
    const name = obj.metadata?.name ?? '';
    const key = this.keyOf(kind, obj);
    if (this.objects.has(key)) throw alreadyExists(kind, name);
    if (opts?.dryRun) return obj;
    return this.seed(kind, { ...obj, metadata: { ...obj.metadata, generation: 1 } } as KubeObject);
  }

  /** Like the API server, reject bodies without a kind. */
  private kindOf(obj: KubeObject): Kind {
    const kind = (obj as { kind?: Kind }).kind;
    if (!kind) throw badRequest("Object 'Kind' is missing in the request body");
    return kind;
  }

  async update(obj: KubeObject): Promise<KubeObject> {
    const kind = this.kindOf(obj);
    await this.get(kind, obj.metadata?.name ?? '', obj.metadata?.namespace);
    return this.seed(kind, obj);
  }

  async patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType): Promise<KubeObject> {
    const current = await this.get(kind, name, namespace);
    const next = (type === 'json' ? jsonPatch(current, patch as never) : mergePatch(current, patch)) as KubeObject;
    const specChanged = JSON.stringify((next as { spec?: unknown }).spec) !== JSON.stringify((current as { spec?: unknown }).spec);
    next.metadata = { ...next.metadata, generation: (current.metadata?.generation ?? 1) + (specChanged ? 1 : 0) };
    return this.seed(kind, next);
  }

  async delete(kind: Kind, name: string, namespace?: string): Promise<KubeObject> {
    const found = await this.get(kind, name, namespace);
    this.objects.delete(objectKey(kind, name, CLUSTER_SCOPED.has(kind) ? undefined : (namespace ?? 'default')));
    this.emit('delete', kind, found);
    return found;
  }

  cached(): ReadonlyMap<string, KubeObject> {
    return this.objects;
  }
}
