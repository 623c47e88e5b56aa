'use client';

import { useEffect, useState } from 'react';
import { SOURCE_EVENT, preferredSource, type ClusterSource } from '@/lib/cluster/source';

/** The visitor's chosen source, following changes made anywhere on the page. */
export function useClusterSource(): ClusterSource {
  const [source, setSource] = useState<ClusterSource>('sim');
  useEffect(() => {
    setSource(preferredSource());
    const on = (e: Event) => setSource((e as CustomEvent<ClusterSource>).detail);
    window.addEventListener(SOURCE_EVENT, on);
    return () => window.removeEventListener(SOURCE_EVENT, on);
  }, []);
  return source;
}
