'use client';

import { useEffect, useState, type ComponentType } from 'react';

type Loader<P> = () => Promise<ComponentType<P>>;

// Loaded components, per loader, so a remount renders at once instead of flashing the loading line.
const loaded = new WeakMap<Loader<never>, ComponentType<never>>();

/**
 * Load a component on first use (its code splits into its own chunk) and return it, or null while it
 * loads. Unlike next/dynamic / React.lazy this does not go through Suspense, whose reveal is throttled
 * by ~300 ms — the graph appears as soon as its code is there.
 */
export function useLazyComponent<P>(loader: Loader<P>): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(() => (loaded.get(loader as Loader<never>) as ComponentType<P>) ?? null);
  useEffect(() => {
    if (component) return;
    let cancelled = false;
    void loader().then((c) => {
      loaded.set(loader as Loader<never>, c as ComponentType<never>);
      if (!cancelled) setComponent(() => c);
    });
    return () => {
      cancelled = true;
    };
  }, [loader, component]);
  return component;
}

/**
 * Load a component ahead of its first use; a useLazyComponent of the same loader then renders it in its first render
 * instead of one effect and one more React commit later (bench mode loads the graph's code before the graph mounts).
 */
export async function preloadComponent<P>(loader: Loader<P>): Promise<ComponentType<P>> {
  const c = await loader();
  loaded.set(loader as Loader<never>, c as ComponentType<never>);
  return c;
}
