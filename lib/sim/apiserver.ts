/**
 * The API server's request path for user writes: kind/version check → strict decoding → namespace
 * → defaulting → validation → admission → optimistic concurrency → store. Every check happens before
 * the first write, so a failed call leaves the store untouched (the simulator also rolls back the rng).
 */
import type { V1DaemonSet, V1Deployment, V1Job, V1Namespace, V1Pod, V1ReplicaSet, V1Service } from '../k8s/api-types';
import { API_VERSION, CLUSTER_SCOPED, isKind, type Kind, type KubeObject } from '../k8s/types';
import { generateName } from '../k8s/names';
import type { Cause, DeleteOptions, PatchType, WriteOptions } from './types';
import type { Engine } from './engine';
import { alreadyExists, badRequest, conflict, forbidden, invalid, noKindMatch, notFound } from '../k8s/status';
import { fieldRequired } from '../k8s/field-errors';
import { firstTypeError, kindOf as registeredKind, unknownFields } from '../k8s/kinds';
import { applyDefaults, admitPod } from './defaults';
import { validateObject, validateUpdate } from './validation';
import { allocateService, checkNamespace } from './admission';
import { generateJobSelector } from './job-strategy';
import { deepClone, deepEqual, findUnsafeInput } from './json';
import { MAX_NESTING_DEPTH } from './limits';
import { admitQuota } from './quota';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch';
import { deletePod, KIND_KO, orphanDependents } from './lifecycle';
import { keyOf } from './store';
import { TEMPLATE_GENERATION_ANNOTATION } from './controllers/daemonset-util';

const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** Fields the server owns; ignored in user input on create. */
const SERVER_META = ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'managedFields', 'selfLink'] as const;

/** Kinds whose status is written only by controllers (status subresource). */
/** Kinds whose status only the status subresource writes (the strategy resets it on create and keeps it on update). */
const statusOwned = (kind: Kind) => registeredKind(kind).subresources.some((s) => s.name === 'status');

export function userCause(opts: WriteOptions | undefined, verb: string, kind: Kind, name: string): Cause {
  const actor = opts?.actor ?? 'kubectl';
  return { actor, message: `${actor}: ${KIND_KO[kind]} ${name} ${verb}`, hop: 'apiserver' };
}

/** Resolves and checks the kind of an object body (`no matches for kind …` like the REST mapper). */
export function kindOf(obj: KubeObject): Kind {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw badRequest(`json: cannot unmarshal ${jsonTypeName(obj)} into Go value of type map[string]interface {}`);
  const { kind, apiVersion } = obj as { kind?: unknown; apiVersion?: unknown };
  if (!kind) throw badRequest("Object 'Kind' is missing in the request body");
  for (const [field, v] of [['kind', kind], ['apiVersion', apiVersion]] as const)
    if (v !== undefined && typeof v !== 'string') throw badRequest(`json: cannot unmarshal ${jsonTypeName(v)} into Go struct field TypeMeta.${field} of type string`);
  if (!isKind(kind as string)) throw noKindMatch(kind as string, (apiVersion as string | undefined) ?? 'v1');
  if (apiVersion && apiVersion !== API_VERSION[kind as Kind]) throw noKindMatch(kind as string, apiVersion as string);
  return kind as Kind;
}

/** encoding/json's name for a JSON value's type, as in "cannot unmarshal number into …". */
function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

/**
 * Refuses input the rest of the path could not handle safely: nesting deeper than
 * MAX_NESTING_DEPTH (everything after this recurses) or a `__proto__` key anywhere (no Kubernetes
 * field, label or annotation key can be one; reported as the unknown field it is).
 */
function checkInput(kind: Kind | undefined, input: unknown): void {
  const found = findUnsafeInput(input, MAX_NESTING_DEPTH);
  if (!found) return;
  const what = kind ? `${kind} in version "${API_VERSION[kind].split('/').pop()}" cannot be handled as a ${kind}: ` : '';
  if (found.problem === 'depth') throw badRequest(`${what}exceeded max depth of ${MAX_NESTING_DEPTH}${found.path ? ` at ${found.path}` : ''}`);
  throw badRequest(`${what}strict decoding error: unknown field "${found.path}"`);
}

function strictDecode(kind: Kind, obj: KubeObject): void {
  checkInput(kind, obj);
  const wrongType = firstTypeError(kind, API_VERSION[kind], obj);
  if (wrongType) throw badRequest(wrongType);
  const unknown = unknownFields(kind, obj);
  if (unknown.length)
    throw badRequest(
      `${kind} in version "${API_VERSION[kind].split('/').pop()}" cannot be handled as a ${kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  const undecodable = registeredKind(kind).strategy?.decodeError?.(obj as never);
  if (undecodable) throw badRequest(`${kind} in version "${API_VERSION[kind].split('/').pop()}" cannot be handled as a ${kind}: ${undecodable}`);
}

function namespaceFor(e: Engine, kind: Kind, obj: KubeObject, fallback?: string): string | undefined {
  if (CLUSTER_SCOPED.has(kind)) return undefined;
  return obj.metadata?.namespace || fallback || 'default';
}

/** create: returns the stored object (or the would-be object for dryRun). */
export function createObject(e: Engine, input: KubeObject, opts?: WriteOptions): KubeObject {
  const kind = kindOf(input);
  strictDecode(kind, input);
  const raw = deepClone(input);
  const meta = { ...(raw.metadata ?? {}) };
  if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
  for (const f of SERVER_META) delete meta[f];
  if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName, e.rng.next);
  const ns = namespaceFor(e, kind, raw);
  if (ns !== undefined) meta.namespace = ns;
  else delete meta.namespace;
  let obj = applyDefaults(kind, { ...raw, apiVersion: API_VERSION[kind], kind, metadata: meta } as KubeObject, Math.round(e.timings.progressDeadline / 1000));
  // a Job's generated selector names its uid, so the uid is drawn before validation (job strategy PrepareForCreate)
  const uid = kind === 'Job' && meta.name ? e.rng.uuid() : undefined;
  if (uid) obj = generateJobSelector(obj as V1Job, uid) as KubeObject;
  const errs = validateObject(kind, obj);
  if (errs.length) throw invalid(kind, meta.name ?? '', errs);
  const name = meta.name!;
  if (ns !== undefined) checkNamespace(e, kind, name, ns);
  if (e.store.get(kind, keyOf(name, ns))) throw alreadyExists(kind, name);
  admitQuota(e, kind, obj);
  if (statusOwned(kind) && kind !== 'Namespace' && kind !== 'Node') delete (obj as { status?: unknown }).status;
  if (kind === 'Pod') obj = admitPod(obj as V1Pod, e.timings.podEvictionTimeout);
  if (kind === 'Service') obj = allocateService(e, obj as V1Service);
  if (kind === 'DaemonSet') obj = withTemplateGeneration(obj);
  if (kind === 'Node') obj = { ...obj, status: (obj as { status?: object }).status ?? {} } as KubeObject;
  if (opts?.dryRun) return { ...obj, metadata: { ...obj.metadata, uid: uid ?? e.rng.uuid(), creationTimestamp: e.iso() } } as KubeObject;
  return e.createObject(kind, obj, userCause(opts, '생성', kind, name), uid);
}

/**
 * pkg/registry/apps/daemonset/strategy.go: templateGeneration 1 on create, +1 whenever the pod template changes;
 * apps/v1 carries it as the `deprecated.daemonset.template.generation` annotation.
 */
function withTemplateGeneration(obj: KubeObject, current?: KubeObject): KubeObject {
  const tmpl = (o: KubeObject) => (o as V1DaemonSet).spec?.template;
  const prev = Number(current?.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 0);
  const generation = !current ? 1 : deepEqual(tmpl(obj), tmpl(current)) ? prev || 1 : prev + 1;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(generation) } } } as KubeObject;
}

function specOf(o: KubeObject): unknown {
  return (o as { spec?: unknown }).spec;
}

/** update: optimistic concurrency on metadata.resourceVersion; status of controller-owned kinds is kept. */
export function updateObject(e: Engine, input: KubeObject, opts?: WriteOptions, verb = '수정'): KubeObject {
  const kind = kindOf(input);
  strictDecode(kind, input);
  const raw = deepClone(input);
  const name = raw.metadata?.name;
  if (!name) throw invalid(kind, '', [fieldRequired('metadata.name', 'name or generateName is required')]);
  const ns = namespaceFor(e, kind, raw);
  const current = e.store.get(kind, keyOf(name, ns));
  if (!current) throw notFound(kind, name);
  const rv = raw.metadata?.resourceVersion;
  if (rv && rv !== current.metadata!.resourceVersion) throw conflict(kind, name);
  const cm = current.metadata!;
  const meta = { ...raw.metadata, name, uid: cm.uid, creationTimestamp: cm.creationTimestamp, resourceVersion: cm.resourceVersion };
  if (ns !== undefined) meta.namespace = ns;
  if (cm.deletionTimestamp) {
    meta.deletionTimestamp = cm.deletionTimestamp;
    meta.deletionGracePeriodSeconds = cm.deletionGracePeriodSeconds;
  }
  if (cm.generation !== undefined) meta.generation = cm.generation;
  let obj = applyDefaults(kind, { ...raw, apiVersion: API_VERSION[kind], kind, metadata: meta } as KubeObject, Math.round(e.timings.progressDeadline / 1000));
  if (kind === 'Pod') obj = { ...obj, spec: { ...(current as V1Pod).spec, ...(obj as V1Pod).spec, containers: (obj as V1Pod).spec!.containers } } as KubeObject;
  const errs = [...validateObject(kind, obj), ...validateUpdate(kind, obj, current)];
  if (errs.length) throw invalid(kind, name, errs);
  admitQuota(e, kind, obj, current);
  if (statusOwned(kind)) obj = { ...obj, status: (current as { status?: unknown }).status } as KubeObject;
  if (kind === 'Service') obj = allocateService(e, obj as V1Service, current as V1Service);
  if (kind === 'Namespace') obj = { ...obj, spec: (current as V1Namespace).spec } as KubeObject;
  if (registeredKind(kind).generation && !deepEqual(specOf(obj), specOf(current)))
    obj = { ...obj, metadata: { ...obj.metadata, generation: (cm.generation ?? 1) + 1 } } as KubeObject;
  if (kind === 'DaemonSet') obj = withTemplateGeneration(obj, current);
  // A no-op write does not bump resourceVersion, as on a real API server.
  if (deepEqual(obj, current)) return current;
  if (opts?.dryRun) return obj;
  return e.updateObject(kind, obj, userCause(opts, verb, kind, name));
}

/** patch: applies the patch to the stored object, then takes the update path. */
export function patchObject(e: Engine, kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType, opts?: WriteOptions): KubeObject {
  if (!isKind(kind)) throw noKindMatch(kind);
  const ns = CLUSTER_SCOPED.has(kind) ? undefined : namespace || 'default';
  const current = e.store.get(kind, keyOf(name, ns));
  if (!current) throw notFound(kind, name);
  let body = patch;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      throw badRequest(`error decoding patch: invalid character in ${JSON.stringify(String(patch).slice(0, 40))}`);
    }
  }
  checkInput(undefined, body); // the patch functions recurse over the patch too
  const base = deepClone(current);
  let next: unknown;
  if (type === 'json') next = jsonPatch(base, body);
  else if (type === 'merge') next = mergePatch(base, body);
  else next = strategicMergePatch(base, body);
  if (next === null || typeof next !== 'object') throw badRequest('the patch produced an object that is not a JSON object');
  const obj = next as KubeObject;
  if (obj.metadata?.name !== name) throw badRequest(`the name of the object (${obj.metadata?.name}) does not match the name on the URL (${name})`);
  const patchedRv = obj.metadata?.resourceVersion;
  if (patchedRv && patchedRv !== current.metadata!.resourceVersion) throw conflict(kind, name);
  return updateObject(e, { ...obj, kind, apiVersion: API_VERSION[kind] } as KubeObject, opts, '패치');
}

/** delete: pods terminate gracefully; owners propagate to dependents per propagationPolicy (default Background). */
export function deleteObject(e: Engine, kind: Kind, name: string, namespace: string | undefined, opts?: DeleteOptions & WriteOptions): KubeObject {
  const ns = CLUSTER_SCOPED.has(kind) ? undefined : namespace || 'default';
  const current = e.store.get(kind, keyOf(name, ns));
  if (!current) throw notFound(kind, name);
  if (kind === 'Namespace' && PROTECTED_NAMESPACES.has(name)) throw forbidden('Namespace', name, 'this namespace may not be deleted');
  if (opts?.dryRun) return current;
  const cause = userCause(opts, '삭제', kind, name);
  if (kind === 'Pod') return deletePod(e, current as V1Pod, cause, opts?.gracePeriodSeconds);
  if (kind === 'Namespace') {
    if (current.metadata!.deletionTimestamp) return current;
    const n = current as V1Namespace;
    return e.updateObject('Namespace', { ...n, metadata: { ...n.metadata, deletionTimestamp: e.iso() }, status: { phase: 'Terminating' } } as KubeObject, cause);
  }
  const policy = opts?.propagationPolicy ?? 'Background';
  const uid = current.metadata!.uid!;
  if (policy === 'Orphan') orphanDependents(e, uid, cause);
  if (policy === 'Foreground' && (kind === 'Deployment' || kind === 'ReplicaSet') && e.store.dependents.get(uid)?.size) {
    if (current.metadata!.deletionTimestamp) return current;
    const o = current as V1Deployment | V1ReplicaSet;
    return e.updateObject(kind, { ...o, metadata: { ...o.metadata, deletionTimestamp: e.iso(), finalizers: [...(o.metadata?.finalizers ?? []), 'foregroundDeletion'] } } as KubeObject, cause);
  }
  return e.removeObject(kind, name, ns, cause)!;
}
