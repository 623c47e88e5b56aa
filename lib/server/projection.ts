/**
 * What leaves the server. Every object from the cluster passes through `projectObject` before any browser
 * sees it: a deep copy in wire form (dates as strings) with what must never be shown removed —
 *   - env values (`env[].value`): often credentials pasted into manifests; names and `valueFrom` refs stay
 *   - metadata.managedFields: large and useless to a learner
 *   - the `kubectl.kubernetes.io/last-applied-configuration` annotation: a full copy of the manifest,
 *     env values included
 *   - node `status.images`: hundreds of entries nobody draws
 * Secrets and ConfigMaps are not here because the server never reads them (see WATCHED_KINDS).
 * With `compact` (a feed of many pods), pods also lose what the API server defaulted or repeated
 * (projection-compact.ts), so 20,000 of them fit in a snapshot browsers can hold.
 * Cost: O(size of the object).
 */
import { API_VERSION, type Kind, type KubeObject } from '../k8s/types';
import { compactPod } from './projection-compact';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

interface EnvVarLike {
  name?: string;
  value?: string;
  valueFrom?: unknown;
}
interface ContainerLike {
  env?: EnvVarLike[];
}
interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  ephemeralContainers?: ContainerLike[];
}

function stripEnvValues(spec: PodSpecLike | undefined): void {
  if (!spec) return;
  for (const list of [spec.containers, spec.initContainers, spec.ephemeralContainers]) {
    for (const c of list ?? []) {
      for (const e of c.env ?? []) delete e.value;
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every pod spec inside an object, wherever its kind keeps one: a Pod's spec, a workload's spec.template.spec,
 * a CronJob's spec.jobTemplate.spec.template.spec. Found by shape rather than by kind, so a kind added to
 * WATCHED_KINDS later cannot leak env values by being missing from a list here.
 */
function podSpecsOf(kind: Kind, obj: Record<string, unknown>): PodSpecLike[] {
  const spec = obj.spec;
  if (!isRecord(spec)) return [];
  if (kind === 'Pod') return [spec];
  const found: PodSpecLike[] = [];
  for (let at: unknown = spec; isRecord(at); ) {
    const template = at.template;
    if (isRecord(template) && isRecord(template.spec)) found.push(template.spec);
    const jobTemplate = at.jobTemplate;
    at = isRecord(jobTemplate) ? jobTemplate.spec : undefined;
  }
  return found;
}

/** A projected copy is a KubeObject when its metadata is an object (the API server always sets one). */
const hasMetadata = (o: Record<string, unknown>): o is Record<string, unknown> & KubeObject =>
  o.metadata === undefined || isRecord(o.metadata);

/**
 * A browser-safe copy of `obj` with kind and apiVersion set (list items arrive without them). `owned`: `obj` was
 * parsed from JSON for this call and nobody else holds it, so it is projected in place (the copy is the parse).
 */
export function projectObject(kind: Kind, obj: unknown, opts: { compact?: boolean; owned?: boolean } = {}): KubeObject {
  // Otherwise a JSON round trip: a deep copy that also turns client-node's Date fields back into RFC 3339 strings,
  // so objects from a list and from a watch look the same.
  const parsed: unknown = opts.owned ? (obj ?? null) : JSON.parse(JSON.stringify(obj ?? null));
  const copy: Record<string, unknown> = isRecord(parsed) ? parsed : {};
  copy.kind = kind;
  copy.apiVersion = API_VERSION[kind];
  if (copy.metadata !== undefined && !isRecord(copy.metadata)) copy.metadata = {};
  const meta = copy.metadata as { managedFields?: unknown; annotations?: Record<string, string> } | undefined;
  if (meta) {
    delete meta.managedFields;
    if (meta.annotations) {
      delete meta.annotations[LAST_APPLIED_ANNOTATION];
      if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
    }
  }
  for (const spec of podSpecsOf(kind, copy)) stripEnvValues(spec);
  if (kind === 'Node') {
    const status = copy.status as { images?: unknown } | undefined;
    if (status) delete status.images;
  }
  if (opts.compact && kind === 'Pod') compactPod(copy);
  // Normalised above (metadata is an object or absent), so the guard holds; it is here for the type.
  if (!hasMetadata(copy)) throw new TypeError('projectObject: metadata must be an object');
  return copy;
}
