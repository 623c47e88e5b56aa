/**
 * What the workload view shows, as a flat list of strings a store selector can compare shallowly (pod churn
 * that changes no count leaves it equal, so the view does not re-render): one column per Deployment (its
 * ReplicaSets beneath), per Job and per DaemonSet (a box of their pods beneath), then pods without an owner.
 * O(Deployments + ReplicaSets + Jobs + DaemonSets).
 *
 * Entries: `D|key` a Deployment, `J|key` a Job, `A|key` a DaemonSet (each starts a column);
 * `R|key|pods` a ReplicaSet, `O|ownerKey#pods|pods` the pods of the Job/DaemonSet above; `S|__standalone__|pods`.
 */
import type { WorkloadColumnInput } from './workload-layout';

export const STANDALONE = '__standalone__';
/** Empty old ReplicaSets kept for rollback; show only the latest few so history does not crowd the view. */
export const EMPTY_HISTORY_SHOWN = 2;

interface Namespaced {
  key: string;
  namespace: string;
}

export interface WorkloadShapeInput {
  deployments: Readonly<Record<string, Namespaced>>;
  replicaSets: Readonly<Record<string, Namespaced & { owner: { kind: string; name: string } | null; revision: number; desired: number }>>;
  jobs: Readonly<Record<string, Namespaced>>;
  daemonSets: Readonly<Record<string, Namespaced>>;
  podIdsByOwner: Readonly<Record<string, readonly string[]>>;
  /** Whether objects of this namespace are shown (the filter bar's namespace and kube-system toggle). */
  visible: (namespace: string) => boolean;
}

/** The box id under a Job or DaemonSet that holds its pods. */
export const ownedPodsId = (ownerKey: string) => `${ownerKey}#pods`;

export function workloadShape(s: WorkloadShapeInput): string[] {
  const out: string[] = [];
  const byDeployment = new Map<string, WorkloadShapeInput['replicaSets'][string][]>();
  for (const rs of Object.values(s.replicaSets)) {
    if (!s.visible(rs.namespace) || rs.owner?.kind !== 'Deployment') continue;
    const key = `Deployment/${rs.namespace}/${rs.owner.name}`;
    (byDeployment.get(key) ?? byDeployment.set(key, []).get(key)!).push(rs);
  }
  const pods = (key: string) => s.podIdsByOwner[key]?.length ?? 0;
  for (const d of Object.values(s.deployments)) {
    if (!s.visible(d.namespace)) continue;
    out.push(`D|${d.key}`);
    const list = (byDeployment.get(d.key) ?? []).sort((a, b) => b.revision - a.revision);
    let emptyShown = 0;
    for (const rs of list) {
      const n = pods(rs.key);
      if (n === 0 && rs.desired === 0 && emptyShown++ >= EMPTY_HISTORY_SHOWN) continue;
      out.push(`R|${rs.key}|${n}`);
    }
  }
  for (const [tag, owners] of [['J', s.jobs], ['A', s.daemonSets]] as const) {
    for (const o of Object.values(owners)) {
      if (!s.visible(o.namespace)) continue;
      out.push(`${tag}|${o.key}`, `O|${ownedPodsId(o.key)}|${pods(o.key)}`);
    }
  }
  const standalone = pods('');
  if (standalone > 0) out.push(`S|${STANDALONE}|${standalone}`);
  return out;
}

/** The layout's columns for a shape: each head (Deployment, Job, DaemonSet) with the pod boxes beneath it. */
export function shapeColumns(shape: readonly string[]): WorkloadColumnInput[] {
  const cols: WorkloadColumnInput[] = [];
  for (const entry of shape) {
    const [tag, id, pods] = entry.split('|');
    if (tag === 'D' || tag === 'J' || tag === 'A') cols.push({ deploymentId: id, replicaSets: [] });
    else if (tag === 'S') cols.push({ deploymentId: null, replicaSets: [{ id, podCount: Number(pods) }] });
    else cols[cols.length - 1]?.replicaSets.push({ id, podCount: Number(pods) });
  }
  return cols;
}

/** The Deployment the budget panel explains: the selected one, else the first rolling out, else the first. */
export function focusDeployment(shape: readonly string[], selected: string | null): string | null {
  if (selected) return selected;
  let first: string | null = null;
  for (let i = 0; i < shape.length; i++) {
    if (!shape[i].startsWith('D|')) continue;
    first ??= shape[i].slice(2);
    let busy = 0;
    for (let j = i + 1; j < shape.length && shape[j].startsWith('R|'); j++) if (!shape[j].endsWith('|0')) busy++;
    // More than one ReplicaSet holding pods: a rollout in progress.
    if (busy > 1) return shape[i].slice(2);
  }
  return first;
}
