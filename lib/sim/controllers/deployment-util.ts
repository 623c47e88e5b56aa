/**
 * Helpers of the deployment controller (pkg/controller/deployment/util): revisions, replica
 * annotations, template hashing and equality, proportional-scaling fractions, status and conditions.
 */
import type { V1Deployment, V1DeploymentCondition, V1PodTemplateSpec, V1ReplicaSet } from '../../k8s/api-types';
import { fnv32a, safeEncode } from '../../k8s/names';
import { canonicalJson } from '../json';
import { maxSurge, maxUnavailable } from '../rollout-math';

export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const HASH_LABEL = 'pod-template-hash';

/** Annotations the deployment does not copy to its ReplicaSets. */
const SKIP_COPY = new Set([REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'kubectl.kubernetes.io/last-applied-configuration', 'deprecated.deployment.rollback.to']);

export const revisionOf = (o: { metadata?: { annotations?: Record<string, string> } }): number => Number(o.metadata?.annotations?.[REVISION] ?? 0) || 0;
export const specReplicas = (o: V1ReplicaSet | V1Deployment): number => o.spec?.replicas ?? 1;

/** pod-template-hash: fnv32a over the canonical template (+ collisionCount), encoded with the safe alphabet. */
export function computeHash(template: V1PodTemplateSpec, collisionCount?: number): string {
  return safeEncode(fnv32a(canonicalJson(template) + (collisionCount !== undefined ? String(collisionCount) : '')));
}

const templateKeyCache = new WeakMap<object, string>();
/** Canonical template without the pod-template-hash label (EqualIgnoreHash). Cached per template object. */
export function templateKey(t: V1PodTemplateSpec): string {
  let k = templateKeyCache.get(t);
  if (k === undefined) {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels[HASH_LABEL];
    k = canonicalJson({ ...t, metadata: { ...t.metadata, labels } });
    templateKeyCache.set(t, k);
  }
  return k;
}

export function copyAnnotations(d: V1Deployment, base: Record<string, string> = {}): Record<string, string> {
  const out = { ...base };
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (!SKIP_COPY.has(k)) out[k] = v;
  return out;
}

/** The replica-count annotations the controller keeps on every ReplicaSet it scales. */
export function replicaAnnotations(d: V1Deployment): Record<string, string> {
  const r = specReplicas(d);
  return { [DESIRED_REPLICAS]: String(r), [MAX_REPLICAS]: String(r + maxSurge(d)) };
}

/** Rounds half away from zero like integer.RoundToInt32 (math.Round). */
const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/** getReplicaSetFraction: this set's share of a proportional scale. */
export function replicaSetFraction(rs: V1ReplicaSet, d: V1Deployment): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  const annotated = Number(rs.metadata?.annotations?.[MAX_REPLICAS]);
  const base = Number.isFinite(annotated) && rs.metadata?.annotations?.[MAX_REPLICAS] !== undefined ? annotated : (d.status?.replicas ?? 0);
  if (base === 0) return 0;
  return roundHalfAway((specReplicas(rs) * deploymentReplicas) / base) - specReplicas(rs);
}

/** GetProportion: bounded by what is left to add/remove. */
export function proportion(rs: V1ReplicaSet, d: V1Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

export interface DeploymentStatusCounts {
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
}

/** calculateStatus: sums over the sets; unavailable = Σ spec.replicas − available (never negative). */
export function statusCounts(all: V1ReplicaSet[], newRS?: V1ReplicaSet): DeploymentStatusCounts {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let desired = 0;
  for (const rs of all) {
    desired += specReplicas(rs);
    replicas += rs.status?.replicas ?? 0;
    ready += rs.status?.readyReplicas ?? 0;
    available += rs.status?.availableReplicas ?? 0;
  }
  return {
    replicas,
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: ready,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, desired - available),
  };
}

export function getCondition(d: V1Deployment, type: string): V1DeploymentCondition | undefined {
  return d.status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition: keeps lastTransitionTime when status and reason are unchanged. */
export function setCondition(conds: V1DeploymentCondition[], next: V1DeploymentCondition): V1DeploymentCondition[] {
  const i = conds.findIndex((c) => c.type === next.type);
  const prev = i >= 0 ? conds[i] : undefined;
  if (prev && prev.status === next.status && prev.reason === next.reason && prev.message === next.message) return conds;
  const merged = prev && prev.status === next.status ? { ...next, lastTransitionTime: prev.lastTransitionTime } : next;
  const out = [...conds];
  if (i >= 0) out[i] = merged;
  else out.push(merged);
  return out;
}

/** Oldest first; ties by name (creation timestamps have one-second resolution). */
export const byCreation = (a: V1ReplicaSet, b: V1ReplicaSet): number => {
  const ca = String(a.metadata!.creationTimestamp);
  const cb = String(b.metadata!.creationTimestamp);
  return ca < cb ? -1 : ca > cb ? 1 : a.metadata!.name! < b.metadata!.name! ? -1 : 1;
};

/** NewRSNewReplicas: how big the new set may grow now. */
export function newRSReplicas(d: V1Deployment, all: V1ReplicaSet[], newRS: V1ReplicaSet): number {
  if ((d.spec!.strategy?.type ?? 'RollingUpdate') === 'Recreate') return specReplicas(d);
  const current = all.reduce((n, rs) => n + specReplicas(rs), 0);
  const maxTotal = specReplicas(d) + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
}

export { maxSurge, maxUnavailable };

