'use client';

/**
 * The Playground's zustand store, one per Playground, handed down by context so node boxes and
 * pod tiles inside the canvas can subscribe to exactly their slice.
 */
import { createContext, startTransition, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useStoreWithEqualityFn } from 'zustand/traditional';
import type { PodView } from '@/lib/graph/projection';
import { PENDING_LANE, type PlaygroundState, type PlaygroundStore } from '@/lib/store/playground-store';

const StoreContext = createContext<PlaygroundStore | null>(null);

export function PlaygroundStoreProvider({ store, children }: { store: PlaygroundStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function usePlaygroundStoreApi(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('PlaygroundStoreProvider 안에서만 쓸 수 있습니다.');
  return store;
}

/** Subscribe to one slice; re-renders only when the selected value changes (Object.is). */
export function usePlaygroundStore<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(usePlaygroundStoreApi(), selector);
}

/** Like usePlaygroundStore, comparing arrays/objects shallowly (for selectors that build a new array). */
export function usePlaygroundStoreShallow<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(usePlaygroundStoreApi(), useShallow(selector));
}

/**
 * Subscribe with a custom equality. For hot paths (thousands of pod tiles): a hand-written
 * field-by-field compare allocates nothing, where zustand's generic shallow builds Maps.
 */
export function usePlaygroundStoreWith<T>(selector: (s: PlaygroundState) => T, equal: (a: T, b: T) => boolean): T {
  return useStoreWithEqualityFn(usePlaygroundStoreApi(), selector, equal);
}

/**
 * Like usePlaygroundStore, for what may lag a moment behind the store (a box's pod count in its header and labels): a
 * change re-renders in a transition, which React renders in slices of a few ms between other tasks, instead of inside
 * the store update. A 5,000-pod rollout changes every box's count in most store updates: rendered with the update,
 * the ~150 headers and labels made it one long task. A student's cluster shows the new value in the same frame or
 * the next. `selector` must keep its identity while what it selects from does (a module function, or useCallback).
 */
export function usePlaygroundStoreLagging<T>(selector: (s: PlaygroundState) => T): T {
  const store = usePlaygroundStoreApi();
  const [shown, setShown] = useState(() => ({ selector, value: selector(store.getState()) }));
  // until the transition for a new selector lands, the value is read now (as usePlaygroundStore would)
  const value = shown.selector === selector ? shown.value : selector(store.getState());
  useEffect(() => {
    let last = value;
    const check = (s: PlaygroundState) => {
      const next = selector(s);
      if (Object.is(next, last)) return;
      last = next;
      startTransition(() => setShown({ selector, value: next }));
    };
    // a change between the render and this subscription shows too (a box mounting costs no second render otherwise)
    check(store.getState());
    return store.subscribe(check);
  }, [store, selector, value]);
  return value;
}

const NO_IDS: readonly string[] = [];

/**
 * One pod's view, woken only when that pod changes (the store announces changed pods by key), so thousands of tiles
 * or rows cost nothing per commit that does not touch them.
 */
export function usePod(id: string): PodView | undefined {
  const store = usePlaygroundStoreApi();
  const subscribe = useCallback((cb: () => void) => store.getState().podListeners.subscribe(id, cb), [store, id]);
  const read = () => store.getState().pods[id];
  return useSyncExternalStore(subscribe, read, read);
}

/** The visible pod ids on one node (null: the pending lane), woken only when that list changes. */
export function usePodIdsOn(node: string | null): readonly string[] {
  const store = usePlaygroundStoreApi();
  const key = node ?? PENDING_LANE;
  const subscribe = useCallback((cb: () => void) => store.getState().podListListeners.subscribe(key, cb), [store, key]);
  const read = () => {
    const g = store.getState().groups;
    return (node === null ? g.pendingPodIds : g.podIdsByNode[node]) ?? NO_IDS;
  };
  return useSyncExternalStore(subscribe, read, read);
}
