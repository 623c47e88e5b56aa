/**
 * `kubectl rollout undo` / `rollout history` semantics, done client-side exactly like kubectl: find
 * the ReplicaSet of the wanted revision among the deployment's sets, then patch the deployment's
 * pod template back to that set's template. The deployment controller then reuses that ReplicaSet
 * (its revision becomes the newest), as on a real cluster.
 */
import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import type { Simulator, WriteOptions } from './types';
import { badRequest } from '../k8s/status';
import { canonicalJson } from './json';
import { HASH_LABEL, MAX_REPLICAS, DESIRED_REPLICAS, REVISION, REVISION_HISTORY, revisionOf } from './controllers/deployment-util';

const SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export interface RolloutRevision {
  revision: number;
  replicaSet: string;
  changeCause?: string;
  template: V1ReplicaSet['spec'] extends infer S ? (S extends { template?: infer T } ? T : never) : never;
}

function ownedSets(sim: Simulator, d: V1Deployment): V1ReplicaSet[] {
  const ns = d.metadata!.namespace!;
  return (sim.list('ReplicaSet', ns).items as V1ReplicaSet[]).filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.controller && r.uid === d.metadata!.uid));
}

function withoutHash<T extends { metadata?: { labels?: Record<string, string> } }>(t: T): T {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** The deployment's revisions, oldest first (what `kubectl rollout history` lists). */
export function rolloutHistory(sim: Simulator, name: string, namespace = 'default'): RolloutRevision[] {
  const d = sim.get('Deployment', name, namespace) as V1Deployment;
  return ownedSets(sim, d)
    .filter((rs) => revisionOf(rs) > 0)
    .map((rs) => ({ revision: revisionOf(rs), replicaSet: rs.metadata!.name!, changeCause: rs.metadata?.annotations?.['kubernetes.io/change-cause'], template: withoutHash(rs.spec!.template!) }))
    .sort((a, b) => a.revision - b.revision);
}

/**
 * Rolls a deployment back to `toRevision` (default: the previous one). Returns kubectl's message
 * (`deployment.apps/web rolled back`, or `deployment.apps/web skipped rollback (…)`); throws a
 * BadRequest StatusError with kubectl's wording when there is nothing to roll back to.
 */
export function rollbackDeployment(sim: Simulator, name: string, namespace = 'default', toRevision = 0, opts?: WriteOptions): string {
  const d = sim.get('Deployment', name, namespace) as V1Deployment;
  if (d.spec?.paused)
    throw badRequest(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`);
  let target: V1ReplicaSet | undefined;
  if (toRevision > 0) {
    target = ownedSets(sim, d).find((rs) => revisionOf(rs) === toRevision);
    if (!target) throw badRequest(`unable to find specified revision ${toRevision} in history`);
  } else {
    const sorted = ownedSets(sim, d)
      .filter((rs) => revisionOf(rs) > 0)
      .sort((a, b) => revisionOf(b) - revisionOf(a));
    target = sorted[1];
    if (!target) throw badRequest(`no rollout history found for deployment "${name}"`);
  }
  const template = withoutHash(target.spec!.template!);
  if (canonicalJson(template) === canonicalJson(d.spec!.template)) return `deployment.apps/${name} skipped rollback (current template already matches revision ${revisionOf(target)})`;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata?.annotations ?? {})) if (!SKIP.has(k)) annotations[k] = v;
  sim.patch(
    'Deployment',
    name,
    namespace,
    [
      { op: 'test', path: '/metadata/resourceVersion', value: d.metadata!.resourceVersion },
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
    'json',
    { actor: opts?.actor ?? 'kubectl', ...opts },
  );
  return `deployment.apps/${name} rolled back`;
}
