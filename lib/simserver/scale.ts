/**
 * The `scale` subresource of Deployments and ReplicaSets, served as autoscaling/v1 Scale.
 * kubectl scale sends a merge patch `{"spec":{"replicas":N}}`; PUT and the other patch types are
 * accepted too. Only spec.replicas is writable, as on the real API server.
 */
import type { KubeObject } from '../k8s/types';
import { formatLabelSelector } from '../k8s/kinds';
import type { PatchType, Simulator, WriteOptions } from '../sim/types';
import type { ResourceRoute } from './route';
import { badRequest, conflict, failure } from '../k8s/status';
import { findUnsafeInput } from '../sim/json';
import { MAX_NESTING_DEPTH } from '../sim/limits';

interface Scalable {
  metadata?: KubeObject['metadata'];
  spec?: { replicas?: number; selector?: Parameters<typeof formatLabelSelector>[0] };
  status?: { replicas?: number };
}

export interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** The Scale view of a Deployment or ReplicaSet. */
export function scaleOf(obj: KubeObject): Scale {
  const o = obj as Scalable;
  const m = o.metadata ?? {};
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 1 },
    status: { replicas: o.status?.replicas ?? 0, selector: formatLabelSelector(o.spec?.selector) || undefined },
  };
}

const SCALE_FIELDS: Record<string, readonly string[] | null> = { apiVersion: null, kind: null, metadata: null, spec: ['replicas'], status: null };

/**
 * Strict decoding of a Scale body (kubectl's default field validation): `spec` holds only
 * `replicas`, and a `__proto__` key is refused like any unknown field.
 */
function checkScaleBody(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (!Object.hasOwn(SCALE_FIELDS, k)) unknown.push(k);
    else if (SCALE_FIELDS[k] && v && typeof v === 'object') for (const sub of Object.keys(v)) if (!SCALE_FIELDS[k]!.includes(sub)) unknown.push(`${k}.${sub}`);
  }
  const hidden = findUnsafeInput(body, MAX_NESTING_DEPTH);
  if (hidden?.problem === 'proto-key' && !unknown.length) unknown.push(hidden.path);
  if (unknown.length) {
    throw badRequest(`Scale in version "v1" cannot be handled as a Scale: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
  }
}

/** Write a new replica count taken from a full Scale body (PUT). */
export function putScale(sim: Simulator, route: ResourceRoute, body: unknown, opts: WriteOptions): Scale {
  checkScaleBody(body);
  const current = sim.get(route.resource.kind, route.name!, route.namespace);
  const scale = body as Partial<Scale> | undefined;
  const rv = scale?.metadata?.resourceVersion;
  if (rv && rv !== current.metadata?.resourceVersion) {
    throw conflict(route.resource.kind, route.name!);
  }
  return setReplicas(sim, route, scale?.spec?.replicas, opts);
}

/** Apply a patch to the Scale view, then write its spec.replicas. */
export function patchScale(sim: Simulator, route: ResourceRoute, patch: unknown, type: PatchType, opts: WriteOptions): Scale {
  const current = scaleOf(sim.get(route.resource.kind, route.name!, route.namespace));
  let replicas: unknown = current.spec.replicas;
  if (type === 'json') {
    for (const op of (Array.isArray(patch) ? patch : []) as ({ op?: string; path?: string; value?: unknown } | null)[]) {
      if (op?.path !== '/spec/replicas') continue;
      if (op.op === 'replace' || op.op === 'add') replicas = op.value;
      if (op.op === 'test' && op.value !== replicas) throw failure(422, 'Invalid', 'the server rejected our request due to an error in our request');
    }
  } else {
    checkScaleBody(patch);
    const spec = (patch as { spec?: { replicas?: unknown } } | undefined)?.spec;
    if (spec && typeof spec === 'object' && Object.hasOwn(spec, 'replicas')) replicas = spec.replicas;
  }
  return setReplicas(sim, route, replicas, opts);
}

function setReplicas(sim: Simulator, route: ResourceRoute, replicas: unknown, opts: WriteOptions): Scale {
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw badRequest('spec.replicas: Invalid value: must be an integer');
  }
  const updated = sim.patch(route.resource.kind, route.name!, route.namespace, { spec: { replicas } }, 'merge', opts);
  return scaleOf(updated);
}
