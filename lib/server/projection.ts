/**
 * What leaves the server. Every object from the cluster passes through `projectObject` before any browser
 * sees it: a deep copy in wire form (dates as strings) with what must never be shown removed —
 *   - env values (`env[].value`): often credentials pasted into manifests; names and `valueFrom` refs stay
 *   - metadata.managedFields: large and useless to a learner
 *   - the `kubectl.kubernetes.io/last-applied-configuration` annotation: a full copy of the manifest,
 *     env values included
 *   - node `status.images`: hundreds of entries nobody draws
 * Secrets and ConfigMaps are not here because the server never reads them (see WATCHED_KINDS).
 * Cost: O(size of the object).
 */
import { API_VERSION, type Kind, type KubeObject } from '../k8s/types';

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

/** The pod spec inside a kind, wherever it sits (Pod: spec; workloads: spec.template.spec). */
function podSpecOf(kind: Kind, obj: Record<string, unknown>): PodSpecLike | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  if (kind === 'Pod') return spec as PodSpecLike;
  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    return (spec.template as { spec?: PodSpecLike } | undefined)?.spec;
  }
  return undefined;
}

/** A browser-safe copy of `obj` with kind and apiVersion set (list items arrive without them). */
export function projectObject(kind: Kind, obj: unknown): KubeObject {
  // JSON round trip: a deep copy that also turns client-node's Date fields back into RFC 3339 strings,
  // so objects from a list and from a watch look the same.
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  copy.kind = kind;
  copy.apiVersion = API_VERSION[kind];
  const meta = copy.metadata as { managedFields?: unknown; annotations?: Record<string, string> } | undefined;
  if (meta) {
    delete meta.managedFields;
    if (meta.annotations) {
      delete meta.annotations[LAST_APPLIED_ANNOTATION];
      if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
    }
  }
  stripEnvValues(podSpecOf(kind, copy));
  if (kind === 'Node') {
    const status = copy.status as { images?: unknown } | undefined;
    if (status) delete status.images;
  }
  return copy as unknown as KubeObject;
}
