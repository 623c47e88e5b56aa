/**
 * Cluster slice: flat, projected views of what the ClusterClient holds, plus the derived groupings the
 * canvas reads (pod ids per node, the pending lane). Changes are applied in batches; an unchanged
 * object keeps its identity so narrow selectors skip re-renders.
 */
import type { ClusterChange } from '../cluster/types';
import type { Cause } from '../k8s/client-types';
import type { CoreV1Event, KubeObject, V1DaemonSet, V1Deployment, V1Job, V1Node, V1Pod, V1ReplicaSet, V1Service } from '../k8s/types';
import { projectDaemonSet, projectJob, type DaemonSetView, type JobView } from '../graph/workload-projection';
import { eventViewOf, podViewOf } from './projection-memo';
import {
  projectDeployment,
  projectNode,
  projectReplicaSet,
  projectService,
  type DeploymentView,
  type EventView,
  type NodeView,
  type PodView,
  type ReplicaSetView,
  type ServiceView,
} from '../graph/projection';
import { EMPTY_GROUPS, type PodGroups } from '../graph/pod-groups';
import type { PodChange } from '../graph/pod-groups-update';

/** How many events the panel keeps (newest first). */
export const MAX_EVENTS = 200;

export interface ClusterSlice {
  pods: Readonly<Record<string, PodView>>;
  nodes: Readonly<Record<string, NodeView>>;
  replicaSets: Readonly<Record<string, ReplicaSetView>>;
  deployments: Readonly<Record<string, DeploymentView>>;
  services: Readonly<Record<string, ServiceView>>;
  jobs: Readonly<Record<string, JobView>>;
  daemonSets: Readonly<Record<string, DaemonSetView>>;
  /** Deployment key → its current revision (annotation), for the rolling-update budget. */
  deploymentRevisions: Readonly<Record<string, number>>;
  events: readonly EventView[];
  namespaces: readonly string[];
  /** Control plane first, then workers. */
  nodeNames: readonly string[];
  groups: PodGroups;
  /** Bumped once per applied batch; the bench waits on it. */
  batches: number;
}

export const EMPTY_CLUSTER: ClusterSlice = {
  pods: {},
  nodes: {},
  replicaSets: {},
  deployments: {},
  services: {},
  jobs: {},
  daemonSets: {},
  deploymentRevisions: {},
  events: [],
  namespaces: [],
  nodeNames: [],
  groups: EMPTY_GROUPS,
  batches: 0,
};

type MutableRecords = {
  pods: Record<string, PodView>;
  nodes: Record<string, NodeView>;
  replicaSets: Record<string, ReplicaSetView>;
  deployments: Record<string, DeploymentView>;
  services: Record<string, ServiceView>;
  jobs: Record<string, JobView>;
  daemonSets: Record<string, DaemonSetView>;
  deploymentRevisions: Record<string, number>;
  namespaces: Set<string>;
};

export interface AppliedBatch {
  next: Omit<ClusterSlice, 'groups' | 'nodeNames' | 'batches'>;
  /** Pods were added, removed or changed (groups need a rebuild). */
  podsChanged: boolean;
  nodesChanged: boolean;
  /** Every pod change in order, with the views before and after (for incremental grouping). */
  podChanges: PodChange[];
}

/** Fold one batch of changes into new records, copying only the records that changed. O(batch + copied records). */
export function applyChanges(state: ClusterSlice, changes: readonly ClusterChange[]): AppliedBatch {
  const m: Partial<MutableRecords> = {};
  const own = <K extends keyof MutableRecords>(k: K): MutableRecords[K] => {
    if (!m[k]) {
      if (k === 'namespaces') (m as MutableRecords).namespaces = new Set(state.namespaces);
      else (m as Record<string, unknown>)[k] = { ...(state[k as Exclude<K, 'namespaces'>] as object) };
    }
    return m[k] as MutableRecords[K];
  };
  let eventChanges: Map<string, ClusterChange> | null = null;
  let podsChanged = false;
  let nodesChanged = false;
  // New pods are held back and appended in creation order, so tiles keep a stable place (object key order).
  const added = new Map<string, PodView>();
  const podChanges: PodChange[] = [];

  for (const c of changes) {
    const del = c.type === 'delete';
    switch (c.kind) {
      case 'Pod': {
        podsChanged = true;
        const pods = own('pods');
        const before = added.get(c.key) ?? pods[c.key];
        if (del) {
          delete pods[c.key];
          added.delete(c.key);
          podChanges.push({ before, after: undefined });
        } else {
          const view = podViewOf(c.key, c.object as V1Pod);
          if (c.key in pods) pods[c.key] = view;
          else added.set(c.key, view);
          podChanges.push({ before, after: view });
        }
        break;
      }
      case 'Node': {
        nodesChanged = true;
        const nodes = own('nodes');
        const name = c.object.metadata?.name ?? '';
        if (del) delete nodes[name];
        else nodes[name] = projectNode(c.object as V1Node);
        break;
      }
      case 'ReplicaSet':
        if (del) delete own('replicaSets')[c.key];
        else own('replicaSets')[c.key] = projectReplicaSet(c.key, c.object as V1ReplicaSet);
        break;
      case 'Deployment': {
        const revisions = own('deploymentRevisions');
        if (del) {
          delete own('deployments')[c.key];
          delete revisions[c.key];
        } else {
          own('deployments')[c.key] = projectDeployment(c.key, c.object as V1Deployment);
          revisions[c.key] = Number(c.object.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0) || 0;
        }
        break;
      }
      case 'Service':
        if (del) delete own('services')[c.key];
        else own('services')[c.key] = projectService(c.key, c.object as V1Service);
        break;
      case 'Job':
        if (del) delete own('jobs')[c.key];
        else own('jobs')[c.key] = projectJob(c.key, c.object as V1Job);
        break;
      case 'DaemonSet':
        if (del) delete own('daemonSets')[c.key];
        else own('daemonSets')[c.key] = projectDaemonSet(c.key, c.object as V1DaemonSet);
        break;
      case 'Namespace': {
        const name = c.object.metadata?.name ?? '';
        if (del) own('namespaces').delete(name);
        else own('namespaces').add(name);
        break;
      }
      case 'Event':
        (eventChanges ??= new Map()).set(c.key, c);
        break;
      default:
        break;
    }
  }

  // new pods enter the map in a stable order (creation time, then name), so views list them alike
  const addedPods = [...added.values()].sort(
    (a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  if (addedPods.length > 0) {
    const pods = own('pods');
    for (const p of addedPods) pods[p.key] = p;
  }
  return {
    next: {
      pods: m.pods ?? state.pods,
      nodes: m.nodes ?? state.nodes,
      replicaSets: m.replicaSets ?? state.replicaSets,
      deployments: m.deployments ?? state.deployments,
      services: m.services ?? state.services,
      jobs: m.jobs ?? state.jobs,
      daemonSets: m.daemonSets ?? state.daemonSets,
      deploymentRevisions: m.deploymentRevisions ?? state.deploymentRevisions,
      namespaces: m.namespaces ? [...m.namespaces].sort() : state.namespaces,
      events: eventChanges ? mergeEvents(state.events, eventChanges) : state.events,
    },
    podsChanged,
    nodesChanged,
    podChanges,
  };
}

/**
 * The newest MAX_EVENTS events after a batch: drop replaced or deleted ones, add the new views, sort
 * by time (newest first; equal times keep arrival order). O((kept + changed) log(kept + changed)).
 */
function mergeEvents(current: readonly EventView[], changes: ReadonlyMap<string, ClusterChange>): EventView[] {
  const merged: EventView[] = current.filter((e) => !changes.has(e.key));
  const fresh: EventView[] = [];
  for (const c of changes.values()) {
    if (c.type !== 'delete') fresh.push(eventViewOf(c.key, c.object as CoreV1Event, c.cause as Cause | undefined));
  }
  // Later arrivals first among equals, so an updated event (count++) rises to the top.
  fresh.reverse();
  const all = [...fresh, ...merged];
  const order = new Map(all.map((e, i) => [e, i]));
  all.sort((a, b) => b.time - a.time || order.get(a)! - order.get(b)!);
  return all.length > MAX_EVENTS ? all.slice(0, MAX_EVENTS) : all;
}

/** Turn a client's cached() map into one synthetic batch (used when the store first connects). */
export function snapshotChanges(cached: ReadonlyMap<string, KubeObject>): ClusterChange[] {
  const out: ClusterChange[] = [];
  for (const [key, object] of cached) out.push({ type: 'upsert', kind: key.slice(0, key.indexOf('/')) as ClusterChange['kind'], key, object });
  return out;
}
