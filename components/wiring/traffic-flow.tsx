'use client';

/**
 * The load generator's flow for the graph, per client: the Service box and the edge layer read the whole flow, each
 * pod tile only its own pod's rate. A poll that changes one pod's rate wakes that pod's listeners only, so a tile
 * re-renders when its badge changes, never because the store or another pod did.
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import type { TrafficSource } from '@/lib/cluster/traffic-feed';
import { trafficFeed } from '@/lib/cluster/traffic-feed';
import { addListener } from '@/lib/cluster/listeners';
import { trafficFlow, type PodFlow, type TrafficFlow } from '@/lib/graph/traffic-flow';

export interface FlowView extends TrafficFlow {
  /** wall-clock ms (performance.now) when the simulated clock last moved: a paused simulation sends nothing */
  movedAt: number;
}

export interface TrafficFlowStore {
  /** the running generator's flow over the last seconds, pods keyed as the graph's store keys them (`Pod/ns/name`); null when stopped or nothing was sent yet */
  get(): FlowView | null;
  subscribe(cb: () => void): () => void;
  pod(key: string): PodFlow | undefined;
  subscribePod(key: string, cb: () => void): () => void;
}

const samePod = (a: PodFlow | undefined, b: PodFlow | undefined) => a === b || (!!a && !!b && a.rate === b.rate && a.failed === b.failed);

function createFlowStore(client: TrafficSource): TrafficFlowStore {
  const feed = trafficFeed(client);
  const all = new Set<() => void>();
  const byPod = new Map<string, Set<() => void>>();
  let flow: FlowView | null = null;
  let simNow = NaN;
  let stopFeed: (() => void) | null = null;

  const update = () => {
    const stats = feed.get();
    const now = performance.now();
    const moved = stats !== null && stats.now !== simNow;
    if (stats) simNow = stats.now;
    const counted = stats?.running && stats.label ? trafficFlow(stats.buckets, stats.label, stats.service) : null;
    // the generator names pods `ns/name`; the graph's store keys them `Pod/ns/name`
    const next = counted && { ...counted, pods: Object.fromEntries(Object.entries(counted.pods).map(([pod, f]) => [`Pod/${pod}`, f])) };
    const prev = flow;
    flow = next ? { ...next, movedAt: moved || !prev ? now : prev.movedAt } : null;
    for (const key of new Set([...Object.keys(prev?.pods ?? {}), ...Object.keys(next?.pods ?? {})]))
      if (!samePod(prev?.pods[key], next?.pods[key])) for (const cb of byPod.get(key) ?? []) cb();
    if (prev !== flow) for (const cb of all) cb();
  };
  const listened = () => all.size > 0 || byPod.size > 0;
  const start = () => {
    stopFeed ??= feed.subscribe(update);
  };
  const stopIfIdle = () => {
    if (listened() || !stopFeed) return;
    stopFeed();
    stopFeed = null;
  };
  return {
    get: () => flow,
    pod: (key) => flow?.pods[key],
    subscribe(cb) {
      const remove = addListener(all, cb);
      start();
      return () => {
        remove();
        stopIfIdle();
      };
    },
    subscribePod(key, cb) {
      let set = byPod.get(key);
      if (!set) byPod.set(key, (set = new Set()));
      set.add(cb);
      start();
      return () => {
        set.delete(cb);
        if (set.size === 0) byPod.delete(key);
        stopIfIdle();
      };
    },
  };
}

const stores = new WeakMap<TrafficSource, TrafficFlowStore>();

/** One flow store per client (the feed underneath is shared with the traffic panel). */
export function trafficFlowStore(client: TrafficSource): TrafficFlowStore {
  let s = stores.get(client);
  if (!s) stores.set(client, (s = createFlowStore(client)));
  return s;
}

const FlowContext = createContext<TrafficFlowStore | null>(null);

/** Gives the graph the flow of `client` (none for a client that cannot generate traffic: a real cluster). */
export function TrafficFlowProvider({ client, children }: { client: ClusterClient | null; children: ReactNode }) {
  return <FlowContext value={client?.traffic ? trafficFlowStore(client) : null}>{children}</FlowContext>;
}

const noop = () => () => {};

/** One pod's requests per second while a generator runs (undefined otherwise). */
export function usePodFlow(podKey: string): PodFlow | undefined {
  const store = useContext(FlowContext);
  const subscribe = useCallback((cb: () => void) => store?.subscribePod(podKey, cb) ?? (() => {}), [store, podKey]);
  return useSyncExternalStore(subscribe, () => store?.pod(podKey), () => undefined);
}

/** The whole flow (the Service box, the edge layer). */
export function useTrafficFlow(): FlowView | null {
  const store = useContext(FlowContext);
  return useSyncExternalStore(store ? store.subscribe : noop, () => store?.get() ?? null, () => null);
}

/** The store itself, for painters that draw outside React (canvas tiles, the edge layer's frames). */
export function useTrafficFlowStore(): TrafficFlowStore | null {
  return useContext(FlowContext);
}
