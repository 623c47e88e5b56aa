'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { getViewportForBounds, useNodesInitialized, useReactFlow, useStore, type FitViewOptions, type Node, type Rect, type Viewport } from '@xyflow/react';
import type { AriaLabelConfig, ColorMode, ReactFlowProps } from '@xyflow/react';
import { stableNodes } from '@/lib/graph/stable-nodes';
import { fitMove, ZOOM_IN_SETTLE_MS } from '@/lib/graph/fit-policy';

/** React Flow's built-in control labels, in Korean. */
export const FLOW_ARIA_LABELS: Partial<AriaLabelConfig> = {
  'controls.ariaLabel': '그래프 보기 조절',
  'controls.zoomIn.ariaLabel': '확대',
  'controls.zoomOut.ariaLabel': '축소',
  'controls.fitView.ariaLabel': '전체 보기',
  'controls.interactive.ariaLabel': '상호작용 켜기/끄기',
};

/**
 * What both canvases share: a read-only picture (no dragging, connecting or React Flow selection —
 * pods are our own buttons), zoomable far out for big clusters, with Korean control labels.
 */
export const READ_ONLY_FLOW = {
  fitView: true,
  minZoom: 0.05,
  maxZoom: 4,
  nodesDraggable: false,
  nodesConnectable: false,
  nodesFocusable: false,
  edgesFocusable: false,
  elementsSelectable: false,
  disableKeyboardA11y: true,
  ariaLabelConfig: FLOW_ARIA_LABELS,
  proOptions: { hideAttribution: true },
} satisfies Partial<ReactFlowProps>;

/** Read-only nodes get pointer-events: none from React Flow; our boxes hold buttons. */
export const BOX_STYLE = { pointerEvents: 'all' as const };

/** The theme on <html> now (the graph is loaded on the client only, so there is no server render to agree with). */
const currentColorMode = (): ColorMode => (typeof document !== 'undefined' && document.documentElement.classList.contains('dark') ? 'dark' : 'light');

/**
 * Follows the `dark` class the shell toggles on <html>. Starts from the class as it is, so a dark page renders the
 * graph once in dark, not first in light and then the whole graph (every tile canvas) again.
 */
export function useColorMode(): ColorMode {
  const [mode, setMode] = useState<ColorMode>(currentColorMode);
  useEffect(() => {
    const html = document.documentElement;
    const update = () => setMode(html.classList.contains('dark') ? 'dark' : 'light');
    update();
    const obs = new MutationObserver(update);
    obs.observe(html, { attributes: true, attributeFilter: ['class'] });
    return () => obs.disconnect();
  }, []);
  return mode;
}

/**
 * Size of an element, kept current with a ResizeObserver (0 × 0 on the server). The first size is read before the
 * browser paints, so what waits for it (the graph) renders in the same frame instead of one observation later.
 * The element is assumed to have no padding or border (its content box is its border box).
 */
export function useContainerSize<T extends HTMLElement = HTMLDivElement>(): [RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const keep = (width: number, height: number) => setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    keep(el.offsetWidth, el.offsetHeight);
    const obs = new ResizeObserver(([entry]) => keep(Math.round(entry.contentRect.width), Math.round(entry.contentRect.height)));
    obs.observe(el);
    return () => obs.disconnect();
  }, []);
  return [ref, size];
}

/** After the pane changes size, fits move at once for this long: the new width re-packs the boxes a moment later. */
const RESIZE_SETTLE_MS = 1_000;

/**
 * Fit the whole picture once React Flow has measured the nodes, and again whenever `signature`
 * changes (boxes added or removed, the canvas resized). With `viewport`, show exactly that instead
 * (a narrow screen reads better at a fixed zoom, panned, than fitted tiny). Render inside <ReactFlow>.
 * A fit that would zoom in waits until the picture has kept its size for a moment (lib/graph/fit-policy.ts): a
 * rollout's boxes grow and shrink several times, and the view no longer zooms out and in with each.
 */
export function AutoFit({ signature, options, viewport, bounds }: { signature: string; options: FitViewOptions; viewport?: Viewport | null; bounds?: Rect | null }) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  // React Flow fits to the pane size it has measured itself; refit when that changes, not only when ours does, or a
  // fit asked for between the two measurements uses the old (wider) pane and leaves boxes cut off after a resize.
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const { padding, maxZoom } = options;
  const { x, y, zoom } = viewport ?? { x: 0, y: 0, zoom: 0 };
  const fixed = viewport != null;
  const minZoom = useStore((s) => s.minZoom);
  // the picture to fit when it is not the nodes as they are (boxes growing to a planned size), by its numbers: a new
  // object of the same size refits nothing
  const { x: bx, y: by, width: bw, height: bh } = bounds ?? { x: 0, y: 0, width: -1, height: -1 };
  // the pane size of the last fit (null before the first) and when it last changed: a fit is not held back on the
  // first fit, nor for a moment after the pane changed size (the boxes re-pack for the new width a frame or two later)
  const fittedPane = useRef<{ size: string; changedAt: number } | null>(null);
  useEffect(() => {
    if (!initialized) return;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const t = requestAnimationFrame(() => {
      const planned = bw >= 0 ? { x: bx, y: by, width: bw, height: bh } : null;
      const target = fixed ? { x, y, zoom } : getViewportForBounds(planned ?? flow.getNodesBounds(flow.getNodes()), paneWidth, paneHeight, minZoom, maxZoom ?? 4, padding ?? 0.1);
      const size = `${paneWidth}x${paneHeight}`;
      const now = performance.now();
      if (fittedPane.current?.size !== size) fittedPane.current = { size, changedAt: now };
      const immediate = fixed || now - fittedPane.current.changedAt < RESIZE_SETTLE_MS;
      // Already there (a big cluster starts fitted): a viewport change would still reach every zoom listener.
      const move = fitMove(flow.getViewport(), target, immediate);
      if (move === 'stay') return;
      const apply = () => void (fixed || planned ? flow.setViewport(target) : flow.fitView({ padding, maxZoom }));
      if (move === 'now') apply();
      else settle = setTimeout(apply, ZOOM_IN_SETTLE_MS);
    });
    return () => {
      cancelAnimationFrame(t);
      clearTimeout(settle);
    };
  }, [initialized, signature, paneWidth, paneHeight, minZoom, flow, padding, maxZoom, fixed, x, y, zoom, bx, by, bw, bh]);
  return null;
}

/**
 * memo's comparison for a box component that draws from its `data` alone: a box that only moved (its position, given
 * to it as props too, changed) is not rendered again. useStableNodes keeps equal data the same object.
 */
export const sameNodeData = <P extends { data: unknown }>(a: P, b: P): boolean => a.data === b.data;

/**
 * Keep a node object's identity while its box is unchanged (lib/graph/stable-nodes.ts). React Flow re-adopts (and
 * re-measures, hiding it meanwhile) every node whose object is new; with thousands of tiles inside, that costs
 * whole frames. Also gives each node fixed width/height so it never waits for a measurement.
 */
export function useStableNodes(next: Node[]): Node[] {
  // A memo cache, not render state: it only lets equal boxes keep their previous object.
  const [cache] = useState(() => new Map<string, Node>());
  return useMemo(() => stableNodes(cache, next), [next, cache]);
}
