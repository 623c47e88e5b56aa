/**
 * Cluster slice: flat, projected views of what the ClusterClient holds, plus the derived groupings the
 * canvas reads (pod ids per node, the pending lane). Changes are applied in batches; an unchanged
 * object keeps its identity so narrow selectors skip re-renders.
 *
 * The pods record is the one exception to copy-on-write: at 5,000 pods, copying it on every commit was the store's
 * biggest cost, so it is one object per store, changed in place (O(changed pods) per batch), and `podsVersion` says
 * that it changed. Read a pod as `s.pods[key]` (its view is immutable, so per-pod selectors still see changes); to
 * react to any pod changing, select `podsVersion`, never the record itself.
 */
import type { ClusterChange } from '../cluster/types';
import type { Cause } from '../k8s/client-types';
import type { CoreV1Event, KubeObject, V1DaemonSet, V1Deployment, V1Job, V1Node, V1Pod, V1ReplicaSet, V1Service } from '../k8s/types';
import { projectDaemonSet, projectJob, type DaemonSetView, type JobView } from '../graph/workload-projection';
import { eventViewOf, podViewOf } from './projection-memo';
import {
  projectDeployment,
  projectNode,
  sameNodeView,
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
import { eventTimeMs } from '../k8s/kinds/event';
import { EVENTS_SHOWN } from '../cluster/page-event';
import type { PodChange } from '../graph/pod-groups-update';

/** How many events the panel keeps (newest first). */
export const MAX_EVENTS = EVENTS_SHOWN;

export interface ClusterSlice {
  /** Changed in place (see above): its identity stays the same from one batch to the next. */
  pods: Readonly<Record<string, PodView>>;
  /** Bumped by every batch that changed a pod. */
  podsVersion: number;
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

/** An empty cluster with its own pods record (the record is changed in place, so it is never shared). */
export const emptyCluster = (): ClusterSlice => ({
  pods: {},
  podsVersion: 0,
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
});

type MutableRecords = {
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
  next: Omit<ClusterSlice, 'groups' | 'nodeNames' | 'batches' | 'pods' | 'podsVersion'>;
  /** Pods were added, removed or changed (groups need a rebuild). */
  podsChanged: boolean;
  nodesChanged: boolean;
  /** Every pod change in order, with the views before and after (for incremental grouping). */
  podChanges: PodChange[];
  /** Keys of the pods this batch touched (each once). */
  changedPodKeys: Set<string>;
  /** Pods gone after this batch, with their last view before it (the details panel follows or closes). */
  removedPods: Record<string, PodView>;
}

/**
 * Fold one batch of changes in: pods into `state.pods` in place (O(changed pods)), the rest into new records,
 * copying only the records that changed (small: nodes, workloads, Services). O(batch + copied records).
 */
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
  const pods = state.pods as Record<string, PodView>;
  const removedPods: Record<string, PodView> = {};
  const changedPodKeys = new Set<string>();

  for (const c of changes) {
    const del = c.type === 'delete';
    switch (c.kind) {
      case 'Pod': {
        podsChanged = true;
        changedPodKeys.add(c.key);
        const before = added.get(c.key) ?? pods[c.key];
        if (del) {
          if (c.key in pods && !(c.key in removedPods)) removedPods[c.key] = pods[c.key];
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
        const name = c.object.metadata?.name ?? '';
        const view = del ? undefined : projectNode(c.object as V1Node);
        // a heartbeat or a pulled image changes nothing a view shows: keep the record, so no node box re-renders
        const before = (m.nodes ?? state.nodes)[name];
        if (view && before && sameNodeView(before, view)) break;
        nodesChanged = true;
        const nodes = own('nodes');
        if (view) nodes[name] = view;
        else delete nodes[name];
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
  for (const p of addedPods) {
    pods[p.key] = p;
    delete removedPods[p.key];
  }
  return {
    next: {
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
    changedPodKeys,
    removedPods,
  };
}

/**
 * The newest MAX_EVENTS events after a batch: drop replaced or deleted ones, add the changed ones, sort by time
 * (newest first; equal times keep arrival order, later arrivals first so an updated event rises to the top). Only
 * the events that make the cut are projected: a first snapshot carries every event the cluster holds (~5 a pod) and
 * the panel keeps 200. O((kept + changed) log(kept + changed)) compares, O(MAX_EVENTS) projections.
 */
function mergeEvents(current: readonly EventView[], changes: ReadonlyMap<string, ClusterChange>): EventView[] {
  const all: { time: number; view: EventView | null; change: ClusterChange | null }[] = [];
  for (const c of changes.values()) if (c.type !== 'delete') all.push({ time: eventTimeMs(c.object as CoreV1Event), view: null, change: c });
  all.reverse();
  for (const e of current) if (!changes.has(e.key)) all.push({ time: e.time, view: e, change: null });
  // Array.prototype.sort is stable: equal times stay in the order above
  all.sort((a, b) => b.time - a.time);
  if (all.length > MAX_EVENTS) all.length = MAX_EVENTS;
  return all.map(({ view, change }) => view ?? eventViewOf(change!.key, change!.object as CoreV1Event, change!.cause as Cause | undefined));
}

/** Turn a client's cached() map into one synthetic batch (used when the store first connects). */
export function snapshotChanges(cached: ReadonlyMap<string, KubeObject>): ClusterChange[] {
  const out: ClusterChange[] = [];
  for (const [key, object] of cached) out.push({ type: 'upsert', kind: key.slice(0, key.indexOf('/')) as ClusterChange['kind'], key, object });
  return out;
}
