'use client';

import { preloadComponent } from './use-lazy-component';

/** @xyflow/react and the canvases load only when the graph is on screen (keeps lesson first-load JS small). */
export const loadGraphView = () => import('@/components/graph/graph-view').then((m) => m.default);

/**
 * Loads the graph's code ahead of the graph: the Playground asks for it with its own code, so it arrives and runs
 * while the engine starts (the main thread waits for the engine then), and the graph mounts with the first snapshot.
 * A chunk that fails to load here is asked for again where the graph mounts, which shows its loading line.
 */
export const preloadGraphView = () => preloadComponent(loadGraphView);
