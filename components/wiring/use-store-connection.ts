'use client';

import { useEffect, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { connectStoreToClient } from '@/lib/store/connect-client';
import type { PlaygroundStore } from '@/lib/store/playground-store';
import { installBenchHandle, readBenchParams, seedBenchCluster, timeStore, type BenchHandle } from './bench-mode';

/**
 * Pod tiles of the bench's namespace painted so far: DOM tiles (not the stand-ins over a focused or hovered canvas
 * tile) plus the tiles each canvas grid says it drew (`data-painted`), since a big cluster draws its tiles on canvases.
 */
export function paintedBenchTiles(root: ParentNode): number {
  let n = root.querySelectorAll('[data-pod-tile][data-namespace="default"]:not([data-pod-proxy])').length;
  for (const g of root.querySelectorAll<HTMLElement>('[data-pod-grid]')) n += Number(g.dataset.painted ?? 0);
  return n;
}

/** Call `cb` on the frame after every pod tile of the bench is painted; stops looking once it is. */
function whenAllTilesPainted(pods: number, cb: () => void): () => void {
  let raf = 0;
  const check = () => {
    if (paintedBenchTiles(document) >= pods) {
      // One more frame so the measurement includes layout and paint of the committed tiles.
      raf = requestAnimationFrame(cb);
      return;
    }
    raf = requestAnimationFrame(check);
  };
  raf = requestAnimationFrame(check);
  return () => cancelAnimationFrame(raf);
}

/**
 * The page's one connection between its store and its cluster client (lib/store/connect-client): every view
 * reads the cluster through the store this keeps up to date. In bench mode (`?bench=N&nodes=M`) it first seeds the
 * cluster and runs `loadViews` (the page loads its graph code there), so the first-render time measures the graph
 * alone. Otherwise the page has asked for its graph's code already, at its first render, so the code arrives and
 * runs while the engine starts (the Playground's graph-loader.ts). The page passes the loader in, so the wiring imports
 * no feature folder.
 */
export function useStoreConnection(
  client: ClusterClient,
  store: PlaygroundStore,
  loadViews: () => Promise<unknown>,
): { waiting: boolean; message: string } {
  const [params] = useState(readBenchParams);
  const [waiting, setWaiting] = useState(params !== null);

  useEffect(() => {
    if (params) return;
    return connectStoreToClient(store, client);
  }, [client, store, params]);

  useEffect(() => {
    if (!params) return;
    let disconnect: (() => void) | null = null;
    let stopWatch: (() => void) | null = null;
    let cancelled = false;
    const handle: BenchHandle = installBenchHandle(client, params);
    (async () => {
      try {
        await seedBenchCluster(client, params.pods);
        await loadViews();
      } catch (e) {
        handle.seedError = e instanceof Error ? e.message : String(e);
      }
      if (cancelled) return;
      handle.dataReadyAt = performance.now();
      disconnect = connectStoreToClient(store, client);
      timeStore(store, handle);
      setWaiting(false);
      stopWatch = whenAllTilesPainted(params.pods, () => {
        handle.firstRenderMs = performance.now() - (handle.dataReadyAt ?? 0);
      });
    })();
    return () => {
      cancelled = true;
      disconnect?.();
      stopWatch?.();
    };
  }, [client, store, params, loadViews]);

  return { waiting, message: params ? `벤치마크: 파드 ${params.pods}개, 노드 ${params.nodes}개를 준비하는 중…` : '' };
}
