/**
 * Verbs on resource paths: list/watch, get, create, update, patch, delete (one or a collection),
 * plus the scale, status, eviction and log subresources. Every engine call is synchronous and
 * throws StatusError; the caller turns throws into Status responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../k8s/types';
import type { DeleteOptions, WriteOptions } from '../sim/types';
import type { ServerContext } from './context';
import type { ResourceRoute } from './route';
import { decodeBody, patchTypeOf, readBody } from './body';
import { filterFromQuery } from './filter';
import { listPage } from './paging';
import { writeJson, writeJsonList, withTypeMeta } from './respond';
import { patchScale, putScale, scaleOf } from './scale';
import { badRequest, methodNotAllowed, success } from '../k8s/status';
import { tableEnvelope, wantsTable, type IncludeObject } from './table-response';
import { serveWatch } from './watch';
import { servePodLog } from './pod-log';

/** Handle one request on a resource path. */
export async function handleResource(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
  const method = req.method ?? 'GET';
  const { resource, name, subresource } = route;
  const write: WriteOptions = { actor: 'kubectl', dryRun: query.getAll('dryRun').includes('All') };
  const namespace = resource.namespaced ? route.namespace : undefined;
  if (resource.namespaced && name && !namespace) throw methodNotAllowed();

  if (!name) {
    if (method === 'GET') return listOrWatch(ctx, req, res, route, query);
    if (method === 'POST') return create(ctx, req, res, route, write);
    if (method === 'DELETE') return deleteCollection(ctx, res, route, query, write);
    throw methodNotAllowed();
  }

  const { sim } = ctx;
  const kind = resource.kind;
  if (subresource === 'scale') {
    if (method === 'GET') return writeJson(res, 200, scaleOf(sim.get(kind, name, namespace)));
    const body = decodeBody(await readBody(req), req.headers['content-type']);
    if (method === 'PUT') return writeJson(res, 200, putScale(sim, route, body, write));
    if (method === 'PATCH') return writeJson(res, 200, patchScale(sim, route, body, patchTypeOf(req.headers['content-type']), write));
    throw methodNotAllowed();
  }
  if (subresource === 'eviction') {
    if (method !== 'POST') throw methodNotAllowed();
    const eviction = decodeBody(await readBody(req), req.headers['content-type']) as { deleteOptions?: unknown } | undefined;
    sim.evict(name, namespace ?? 'default', { ...deleteOptionsFrom(query, eviction?.deleteOptions), ...write });
    return writeJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }
  if (subresource === 'log') {
    if (method !== 'GET') throw methodNotAllowed();
    return servePodLog(ctx, req, res, name, namespace, query);
  }

  // the object itself, or its status subresource (same engine calls)
  switch (method) {
    case 'GET': {
      const obj = sim.get(kind, name, namespace);
      if (wantsTable(req.headers.accept) && !subresource) {
        return writeJson(res, 200, tableEnvelope(kind, [obj], { now: sim.now(), resourceVersion: obj.metadata?.resourceVersion, includeObject: includeObjectOf(query) }));
      }
      return writeJson(res, 200, withTypeMeta(kind, obj));
    }
    case 'PUT': {
      const obj = decodeBody(await readBody(req), req.headers['content-type']) as KubeObject | undefined;
      if (!obj || typeof obj !== 'object') throw badRequest('the body of the request is empty');
      if (obj.metadata?.name && obj.metadata.name !== name) {
        throw badRequest(`the name of the object (${shown(obj.metadata.name)}) does not match the name on the URL (${name})`);
      }
      const next = { ...withKindFromUrl(route, obj), metadata: { ...obj.metadata, name, ...(namespace ? { namespace } : {}) } } as KubeObject;
      return writeJson(res, 200, withTypeMeta(kind, sim.update(next, write)));
    }
    case 'PATCH': {
      const type = patchTypeOf(req.headers['content-type']);
      // the engine's strategic merge handles $setElementOrder and containers merged by name
      const patch = decodeBody(await readBody(req), req.headers['content-type']);
      if (type === 'apply' && !subresource && !exists(ctx, route)) {
        // server-side apply creates what does not exist yet
        const obj = withKindFromUrl(route, (patch ?? {}) as KubeObject);
        const created = sim.create({ ...obj, metadata: { ...obj.metadata, name, ...(namespace ? { namespace } : {}) } } as KubeObject, write);
        return writeJson(res, 201, withTypeMeta(kind, created));
      }
      return writeJson(res, 200, withTypeMeta(kind, sim.patch(kind, name, namespace, patch, type, write)));
    }
    case 'DELETE': {
      if (subresource) throw methodNotAllowed();
      const body = decodeBody(await readBody(req), req.headers['content-type']);
      const deleted = sim.delete(kind, name, namespace, { ...deleteOptionsFrom(query, body), ...write });
      if (deleted.metadata?.deletionTimestamp) return writeJson(res, 200, withTypeMeta(kind, deleted));
      return writeJson(res, 200, success(resource.kind, name, deleted.metadata?.uid));
    }
    default:
      throw methodNotAllowed();
  }
}

async function listOrWatch(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> {
  const { sim } = ctx;
  const kind = route.resource.kind;
  const filter = filterFromQuery(query, kind);
  const watch = query.get('watch');
  if (watch === 'true' || watch === '1') {
    const timeout = Number(query.get('timeoutSeconds') ?? '');
    return serveWatch(ctx, req, res, route, {
      resourceVersion: query.get('resourceVersion') ?? '',
      timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
      allowBookmarks: query.get('allowWatchBookmarks') === 'true',
      filter,
    });
  }
  const limit = Number(query.get('limit') ?? '');
  const scope = `${kind}|${route.namespace ?? ''}|${filter.labelSelector ?? ''}|${filter.fieldSelector ?? ''}`;
  // the stored objects, not copies: each is serialised as its slice is written, and stored objects are never modified
  const list = () => sim.listStored(kind, route.namespace, { labelSelector: filter.labelSelector, fieldSelector: filter.fieldSelector });
  const page = listPage(list, scope, Number.isFinite(limit) ? limit : undefined, query.get('continue') ?? undefined);
  if (wantsTable(req.headers.accept)) {
    return writeJson(res, 200, tableEnvelope(kind, page.items, {
      now: sim.now(), resourceVersion: page.resourceVersion, continueToken: page.continueToken,
      remainingItemCount: page.remainingItemCount, includeObject: includeObjectOf(query),
    }));
  }
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continueToken) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  const apiVersion = route.resource.group ? `${route.resource.group}/${route.resource.version}` : route.resource.version;
  return writeJsonList(res, { kind: `${kind}List`, apiVersion, metadata }, page.items, (o) => withTypeMeta(kind, o));
}

async function create(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, write: WriteOptions): Promise<void> {
  const obj = decodeBody(await readBody(req), req.headers['content-type']) as KubeObject | undefined;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw badRequest('the body of the request is empty');
  const ns = route.resource.namespaced ? route.namespace ?? 'default' : undefined;
  if (ns && obj.metadata?.namespace && obj.metadata.namespace !== ns) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const { metadata = {} } = obj;
  const next = { ...withKindFromUrl(route, obj), metadata: { ...metadata, ...(ns ? { namespace: ns } : {}) } } as KubeObject;
  delete (next.metadata as Record<string, unknown>).creationTimestamp;
  const created = ctx.sim.create(next, write);
  writeJson(res, 201, withTypeMeta(route.resource.kind, created));
}

function deleteCollection(ctx: ServerContext, res: ServerResponse, route: ResourceRoute, query: URLSearchParams, write: WriteOptions): void {
  const kind = route.resource.kind;
  const filter = filterFromQuery(query, kind);
  const list = ctx.sim.list(kind, route.namespace, { labelSelector: filter.labelSelector, fieldSelector: filter.fieldSelector });
  const opts = { ...deleteOptionsFrom(query, undefined), ...write };
  const deleted = list.items.map((o) => ctx.sim.delete(kind, o.metadata!.name!, o.metadata?.namespace, opts));
  writeJson(res, 200, { kind: `${kind}List`, apiVersion: 'v1', metadata: {}, items: deleted.map((o) => withTypeMeta(kind, o)) });
}

/** DeleteOptions from the query string and/or the request body (JSON or protobuf-decoded). */
function deleteOptionsFrom(query: URLSearchParams, body: unknown): DeleteOptions {
  const b = (body && typeof body === 'object' ? body : {}) as { gracePeriodSeconds?: number; propagationPolicy?: string; orphanDependents?: boolean };
  const opts: DeleteOptions = {};
  const grace = query.get('gracePeriodSeconds') ?? b.gracePeriodSeconds;
  if (grace !== undefined && grace !== null && grace !== '') opts.gracePeriodSeconds = Number(grace);
  let policy = query.get('propagationPolicy') ?? b.propagationPolicy;
  if (!policy && (query.get('orphanDependents') === 'true' || b.orphanDependents === true)) policy = 'Orphan';
  if (policy === 'Foreground' || policy === 'Background' || policy === 'Orphan') opts.propagationPolicy = policy;
  return opts;
}

function exists(ctx: ServerContext, route: ResourceRoute): boolean {
  try {
    ctx.sim.get(route.resource.kind, route.name!, route.resource.namespaced ? route.namespace : undefined);
    return true;
  } catch {
    return false;
  }
}

/**
 * The API server decodes a body into the type the URL names, so typed clients may omit
 * apiVersion and kind; a body of another kind is refused.
 */
function withKindFromUrl(route: ResourceRoute, obj: KubeObject): KubeObject {
  const { kind, group, version, plural } = route.resource;
  if (obj.kind && obj.kind !== kind) {
    throw badRequest(`${shown(obj.kind)} in version "${shown(obj.apiVersion ?? '')}" cannot be handled as a ${kind}: the kind does not match the resource ${plural}`);
  }
  return { ...obj, apiVersion: obj.apiVersion ?? (group ? `${group}/${version}` : version), kind } as KubeObject;
}

function includeObjectOf(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** A value from the body inside a message: strings as they are, anything else as JSON (an object's own `toString` key would make String() throw). */
function shown(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}
