/**
 * The Playground's store: a cluster slice (projected objects, pods grouped per node) and a UI slice
 * (view, selection, filters, highlighted Service). Created per Playground with `createStore` — never a
 * module global — so two Playgrounds on a page never share state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterChange } from '../cluster/types';
import { groupPods, orderNodeNames } from '../graph/pod-groups';
import { updatePodGroups } from '../graph/pod-groups-update';
import { parseSelectorInput, type PodFilter } from '../graph/pod-filter';
import { podsSelectedBy } from '../graph/service-selection';
import { applyChanges, emptyCluster, type ClusterSlice } from './cluster-slice';
import { followDeletedSelection } from './follow-selection';
import { KeyedListeners } from './keyed-listeners';

export type GraphView = 'cluster' | 'workload' | 'list';
export type SelectableKind = 'Pod' | 'Node' | 'Deployment' | 'ReplicaSet' | 'Service';

export interface Selection {
  kind: SelectableKind;
  /** Pods, workloads, Services: the client key (Kind/ns/name). Nodes: the node name. */
  key: string;
}

export interface UiSlice {
  view: GraphView;
  selection: Selection | null;
  /** The Service whose pods are highlighted; the rest are dimmed with a reason. */
  serviceKey: string | null;
  /** Pod keys the highlighted Service selects (null when no Service is highlighted). */
  highlight: Readonly<Record<string, true>> | null;
  namespace: string;
  selectorText: string;
  selectorError: string | null;
  showKubeSystem: boolean;
  filter: PodFilter;
  /** Pods created after this (cluster time, epoch ms) animate in; the ones already there when we connected do not. */
  animateAfter: number;
  /** Why the details panel moved or closed by itself (the selected object was deleted); Korean, or null. */
  selectionNote: string | null;
  /**
   * A big cluster's objects still coming into the store when it was connected (connect-client.ts), or null: the
   * graph and the list wait for all of them, showing how far it is, and are laid out once.
   */
  loading: { done: number; total: number } | null;
  /**
   * A live cluster's snapshot still arriving after the page showed (a big cluster's first one, past the page's wait
   * for it, or one after a reconnect): objects in so far of its total, or null once all of it is in the store. The
   * views show what has come and say how far the rest is.
   */
  arriving: { done: number; total: number } | null;
}

export interface PlaygroundActions {
  /** Forget every cluster object (a new client is about to be connected at cluster time `now`). */
  clearCluster(now?: number): void;
  /** Fold a batch of client changes in (one `set` per batch). */
  applyBatch(changes: readonly ClusterChange[]): void;
  setView(view: GraphView): void;
  select(selection: Selection | null): void;
  dismissSelectionNote(): void;
  highlightService(key: string | null): void;
  setNamespace(ns: string): void;
  setSelectorText(text: string): void;
  setShowKubeSystem(show: boolean): void;
  setLoading(loading: UiSlice['loading']): void;
  setArriving(arriving: UiSlice['arriving']): void;
}

/** The key the pending lane's pod list is announced under in `podListListeners` (no node has this name). */
export const PENDING_LANE = '\u0000pending';

/**
 * Per-key change announcements, made after each store update, for views that subscribe to one thing among thousands
 * (store-context's usePod / usePodIdsOn): a pod's key when its view changed; a node's name (or PENDING_LANE) when its
 * list of pod ids changed. Stable objects for the store's life.
 */
export interface KeyedSubscriptions {
  podListeners: KeyedListeners;
  podListListeners: KeyedListeners;
}

export type PlaygroundState = ClusterSlice & UiSlice & PlaygroundActions & KeyedSubscriptions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

const INITIAL_UI: UiSlice = {
  view: 'cluster',
  selection: null,
  serviceKey: null,
  highlight: null,
  namespace: '',
  selectorText: '',
  selectorError: null,
  showKubeSystem: false,
  filter: { namespace: '', showKubeSystem: false, selector: null },
  animateAfter: Number.POSITIVE_INFINITY,
  selectionNote: null,
  loading: null,
  arriving: null,
};

function highlightFor(s: Pick<ClusterSlice, 'services' | 'pods'>, serviceKey: string | null): UiSlice['highlight'] {
  const service = serviceKey ? s.services[serviceKey] : undefined;
  if (!service) return null;
  const out: Record<string, true> = {};
  for (const key of podsSelectedBy(service, Object.values(s.pods))) out[key] = true;
  return out;
}

/** Create one Playground store. `initial` lets tests start from a given UI state. */
export function createPlaygroundStore(initial: Partial<UiSlice> = {}): PlaygroundStore {
  const podListeners = new KeyedListeners();
  const podListListeners = new KeyedListeners();
  /** Node names (and PENDING_LANE) whose pod list is a different array in `next` than in `prev`. O(nodes). */
  const listsChanged = (prev: ClusterSlice, next: ClusterSlice): string[] => {
    const out: string[] = [];
    if (prev.groups.pendingPodIds !== next.groups.pendingPodIds) out.push(PENDING_LANE);
    for (const n of new Set([...prev.nodeNames, ...next.nodeNames])) if (prev.groups.podIdsByNode[n] !== next.groups.podIdsByNode[n]) out.push(n);
    return out;
  };
  return createStore<PlaygroundState>()((rawSet, get) => {
    /** zustand's set, then the per-key announcements of what it changed. */
    const set = (patch: Partial<PlaygroundState>, changedPods?: Iterable<string>) => {
      const prev = get();
      rawSet(patch);
      const next = get();
      if (changedPods) podListeners.notify(changedPods);
      else if (next.pods !== prev.pods) podListeners.notifyAll();
      if (next.groups !== prev.groups) podListListeners.notify(listsChanged(prev, next));
    };
    /** Re-derive the node grouping after pods, nodes or the filter changed. O(pods + nodes). */
    const regroup = (s: ClusterSlice, filter: PodFilter, nodeNames = s.nodeNames) =>
      groupPods(Object.values(s.pods), nodeNames, filter, s.groups);

    const setFilter = (patch: Partial<UiSlice>) => {
      const s = { ...get(), ...patch };
      const filter: PodFilter = {
        namespace: s.namespace,
        showKubeSystem: s.showKubeSystem,
        selector: parseSelectorInput(s.selectorText).selector,
      };
      set({ ...patch, filter, groups: regroup(s, filter) });
    };

    return {
      ...emptyCluster(),
      ...INITIAL_UI,
      ...initial,
      podListeners,
      podListListeners,

      clearCluster: (now = Number.POSITIVE_INFINITY) =>
        set({ ...emptyCluster(), selection: null, selectionNote: null, highlight: null, serviceKey: null, animateAfter: now, loading: null, arriving: null }),
      applyBatch(changes) {
        if (changes.length === 0) return;
        const s = get();
        // s.pods is changed in place here; `s` keeps everything else as it was before the batch.
        const { next, podsChanged, nodesChanged, podChanges, changedPodKeys, removedPods } = applyChanges(s, changes);
        const merged: ClusterSlice = { ...s, ...next };
        const nodeNames = nodesChanged ? orderNodeNames(Object.values(merged.nodes)) : s.nodeNames;
        const sameOrder = nodeNames.length === s.nodeNames.length && nodeNames.every((n, i) => n === s.nodeNames[i]);
        // A new or removed node regroups everything (rare); pod churn is folded in incrementally.
        const groups = !sameOrder
          ? regroup(merged, s.filter, nodeNames)
          : podsChanged
            ? updatePodGroups(s.groups, podChanges, s.filter)
            : s.groups;
        const highlight =
          s.serviceKey && (podsChanged || next.services !== s.services) ? highlightFor(merged, s.serviceKey) : s.highlight;
        // A deleted pod's panel follows its replacement; anything else deleted closes the panel. Both say why.
        const followed = followDeletedSelection(s.selection, { ...s, pods: removedPods }, merged);
        set(
          {
            ...next,
            podsVersion: podsChanged ? s.podsVersion + 1 : s.podsVersion,
            nodeNames: sameOrder ? s.nodeNames : nodeNames,
            groups,
            highlight,
            batches: s.batches + 1,
            ...(followed ? { selection: followed.selection, selectionNote: followed.note } : {}),
          },
          changedPodKeys,
        );
      },
      setView: (view) => set({ view }),
      select: (selection) => set({ selection, selectionNote: null }),
      dismissSelectionNote: () => set({ selectionNote: null }),
      highlightService(key) {
        set({ serviceKey: key, highlight: highlightFor(get(), key) });
      },
      setNamespace: (namespace) => setFilter({ namespace }),
      setSelectorText(selectorText) {
        setFilter({ selectorText, selectorError: parseSelectorInput(selectorText).error });
      },
      setShowKubeSystem: (showKubeSystem) => setFilter({ showKubeSystem }),
      setLoading: (loading) => set({ loading }),
      setArriving: (arriving) => set({ arriving }),
    };
  });
}
