'use client';

import { createContext, useContext } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom tile text is unreadable anyway; tiles drop it (much cheaper with thousands of pods). */
export const COMPACT_ZOOM = 0.5;

/**
 * The zoom the canvas is about to show. React Flow applies its initial viewport only after the first
 * render, so until its zoom pane exists, tiles go by this instead of rendering twice.
 */
export const ExpectedZoomContext = createContext(1);

/** A value derived from the current zoom; re-renders only when the derived value changes. Inside <ReactFlow>. */
export function useZoomDerived<T>(derive: (zoom: number) => T): T {
  const expected = useContext(ExpectedZoomContext);
  return useStore((s: ReactFlowState) => derive(s.panZoom ? s.transform[2] : expected));
}
