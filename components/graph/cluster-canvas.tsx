'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ReactFlow, Controls, Background, getNodesBounds, getViewportForBounds, type Node, type NodeTypes, type Viewport } from '@xyflow/react';
import { bestBoxesPerRow, layoutBounds, packBoxes, rowsFor, sharedColumns, type BoxInput } from '@/lib/graph/grid-packing';
import { LayoutHold, sameCounts } from '@/lib/graph/layout-hold';
import { rolloutWaitingRoom } from '@/lib/graph/rolling-update-budget';
import type { PlaygroundState } from '@/lib/store/playground-store';
import { usePlaygroundStore, usePlaygroundStoreApi, usePlaygroundStoreShallow } from '@/components/wiring/store-context';
import { NodeBox, PendingLane } from './node-box';
import { ExpectedZoomContext } from './tile-zoom';
import { createBoxPacer, MountPacerContext } from './mount-turn';
import { pacesMounts } from '@/lib/graph/mount-pacer';
import { AutoFit, BOX_STYLE, READ_ONLY_FLOW, useColorMode, useContainerSize, useStableNodes } from './flow-common';
import { PodTooltip } from './pod-tooltip';
import { EmptyClusterNote } from './empty-cluster-note';
import { placeServiceBox, TRAFFIC_ID, TrafficEdgeLayer, TrafficServiceBox, useTrafficLane } from './traffic-layer';

/** Module scope: React Flow re-mounts every node if this object changes identity. */
const nodeTypes: NodeTypes = { k8sNode: NodeBox, pendingLane: PendingLane, trafficService: TrafficServiceBox };

const PENDING_ID = '__pending__';
/** Beyond this many nodes: cull off-screen boxes and give each box its own compositor layer. */
const BIG_CLUSTER_NODES = 12;
/** A few pods get big tiles: up to 2.5× (pod names then read at ~27 px on a projector). */
const FIT = { padding: 0.06, maxZoom: 2.5 };
/** Fewest tile columns per node box: three tiles still leave the box wide enough for its header. */
const MIN_COLS = 3;
/** Canvases narrower than this (phones) stack the boxes and show them at a readable zoom, panned, not fitted. */
const NARROW = 640;
/** The least zoom a picture too big for the usual minimum may go down to (a canvas only a few px across). */
const MIN_ZOOM_FLOOR = 0.005;
/** Below this zoom pod names (11 px) are smaller than 10 px on screen. */
const READABLE_ZOOM = 0.9;

/**
 * Boxes given their rollout headroom in one frame: each re-renders its box and reallocates its tile bitmap (~1 ms at
 * 5,000 pods), and every box below it moves. 50 boxes grow in 7 frames.
 */
const GROW_PER_FRAME = 8;

/** A big cluster's boxes shrink back this long after the last change in any box's pod count (lib/graph/layout-hold.ts): longer than a rollout waits between steps for new pods to start. */
const HOLD_RELEASE_MS = 8000;

/** How many pods each box holds: the pending lane first, then each node in order. O(nodes). */
function podCounts(s: PlaygroundState): number[] {
  const counts = [s.groups.pendingPodIds.length];
  for (const n of s.nodeNames) counts.push(s.groups.podIdsByNode[n]?.length ?? 0);
  return counts;
}

/**
 * What the layout depends on, as a flat list of numbers: the shared column count, the pending count
 * and each box's row count. Pod churn that does not add or remove a row leaves it unchanged, so the
 * canvas (and React Flow) skip re-rendering; tiles update through their own subscriptions. A big cluster's
 * boxes keep the room their busiest moment needed until the counts stand still (a rollout moves no box).
 */
function useLayoutShape(): number[] {
  const store = usePlaygroundStoreApi();
  const [hold] = useState(() => new LayoutHold());
  const [, setHeldChanges] = useState(0);
  useEffect(() => {
    let last: number[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const release = () => {
      timer = null;
      const s = store.getState();
      if (s.nodeNames.length <= BIG_CLUSTER_NODES) return;
      if (hold.release(s.nodeNames.join(','), podCounts(s))) setHeldChanges((n) => n + 1);
    };
    let arriving = store.getState().arriving !== null;
    const unsubscribe = store.subscribe((s) => {
      // a live snapshot that was still arriving is all in: lay the boxes out with their room now, not 8 s later (a
      // rollout started in between would grow boxes whose last part had filled them, and move every box after them)
      if (arriving && s.arriving === null) {
        arriving = false;
        last = podCounts(s);
        if (timer) clearTimeout(timer);
        release();
        return;
      }
      arriving = s.arriving !== null;
      const counts = podCounts(s);
      if (sameCounts(counts, last)) return;
      last = counts;
      if (timer) clearTimeout(timer);
      timer = setTimeout(release, HOLD_RELEASE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, hold]);
  const shape = usePlaygroundStoreShallow((s) => {
    const exact = podCounts(s);
    const big = s.nodeNames.length > BIG_CLUSTER_NODES;
    // the pending lane (box 0), when it must grow, takes the room for all that the rollouts in progress can leave
    // waiting at once: it grows (and the view refits) once per rollout, not at each of its surges
    const counts = big ? hold.hold(s.nodeNames.join(','), exact, [rolloutWaitingRoom(Object.values(s.deployments))]) : exact;
    let maxPods = 0;
    for (let i = 1; i < counts.length; i++) maxPods = Math.max(maxPods, counts[i]);
    let exactMax = 0;
    for (let i = 1; i < exact.length; i++) exactMax = Math.max(exactMax, exact[i]);
    const cols = big ? hold.columns(exactMax, MIN_COLS) : sharedColumns(maxPods, MIN_COLS);
    const shape = [cols, counts[0]];
    for (let i = 1; i < counts.length; i++) shape.push(rowsFor(counts[i], cols));
    // while boxes wait for their headroom, the shape they are growing to follows (the same fields again): the view
    // fits to that at once instead of refitting as each step grows a few more boxes
    if (big && hold.growing) {
      const planned = hold.planned;
      shape.push(planned[0]);
      for (let i = 1; i < planned.length; i++) shape.push(rowsFor(planned[i], cols));
    }
    return shape;
  });
  // Boxes waiting for their headroom take it GROW_PER_FRAME at a time, one step a frame (layout-hold.ts). The growth
  // starts in an update that re-lays out (a full box grows a row or more), so a render comes to start the steps.
  useEffect(() => {
    if (!hold.growing) return;
    const frame = requestAnimationFrame(() => {
      if (hold.step(GROW_PER_FRAME)) setHeldChanges((n) => n + 1);
    });
    return () => cancelAnimationFrame(frame);
  });
  return shape;
}

/** The zoom fitView will choose for content of `bounds` in a canvas of `size`. */
function fitZoomFor(bounds: { width: number; height: number }, size: { width: number; height: number }): number {
  const pad = 1 + 2 * FIT.padding;
  if (bounds.width === 0 || size.width === 0) return 1;
  return Math.min(FIT.maxZoom, size.width / (bounds.width * pad), size.height / (bounds.height * pad));
}

/** Room kept free at the right of a phone's canvas for the zoom buttons, so they never cover a box. */
const CONTROLS_GUTTER = 48;

/**
 * On a phone the whole cluster fitted is unreadable (≈ 5 px text); boxes stacked in one column at the
 * width's zoom, from the top, read well and pan vertically. Null when fitting is readable anyway.
 */
function readableViewport(bounds: { width: number; height: number }, size: { width: number; height: number }, nodeCount: number): Viewport | null {
  if (size.width >= NARROW || nodeCount > BIG_CLUSTER_NODES || bounds.width === 0) return null;
  if (fitZoomFor(bounds, size) >= READABLE_ZOOM) return null;
  const margin = 8;
  const zoom = Math.min(FIT.maxZoom, (size.width - CONTROLS_GUTTER - margin) / bounds.width);
  return { x: margin, y: margin, zoom };
}

/**
 * The zoom the graph starts at, for the grids that mount before React Flow's zoom pane exists (tile-zoom.ts): taken
 * when the graph mounts (with its size known), and one object from then on, so a later layout's zoom re-renders none
 * of the grids (by then each goes by the pane).
 */
function ExpectedZoomProvider({ zoom, children }: { zoom: number; children: ReactNode }) {
  const [expected] = useState(() => ({ current: zoom }));
  return <ExpectedZoomContext value={expected}>{children}</ExpectedZoomContext>;
}

/** The cluster view: node boxes (control plane first) with pod tiles packed inside, and the pending lane. */
export default function ClusterCanvas() {
  const colorMode = useColorMode();
  const [ref, size] = useContainerSize();
  const names = usePlaygroundStore((s) => s.nodeNames);
  const shape = useLayoutShape();
  const cols = shape[0];
  const pendingCount = shape[1];
  const trafficLane = useTrafficLane();
  const big = names.length > BIG_CLUSTER_NODES;
  // one pacer per graph: a big cluster's newly visible boxes (first render, zoom out, pan) fill in a few per frame
  const [pacer] = useState(createBoxPacer);
  const paced = usePlaygroundStore((s) => pacesMounts(s.nodeNames.length, s.groups.visiblePodCount, BIG_CLUSTER_NODES));

  const { freshNodes, zoom, minZoom, viewport, fitted, fit, signature, serviceBox } = useMemo(() => {
    // Rows are what matter for size: a box of r rows is packed as r full rows of tiles.
    const boxInputs = (rowsAt: number, lane: number): BoxInput[] => {
      const inputs: BoxInput[] = names.map((id, i) => ({ id, podCount: (shape[rowsAt + i] ?? 1) * cols }));
      // The lane shows only while a pod waits: an empty lane would take a third of a small cluster's picture.
      if (lane > 0) inputs.push({ id: PENDING_ID, podCount: lane, lane: true });
      return inputs;
    };
    const inputs = boxInputs(2, pendingCount);
    // the shape the boxes are growing to, when they are (useLayoutShape): packed as many a row as it will be
    const plannedAt = 2 + names.length;
    const growing = shape.length > plannedAt ? boxInputs(plannedAt + 1, shape[plannedAt]) : null;
    const rowsOf = new Map(names.map((id, i) => [id, shape[2 + i] ?? 1]));
    const fixedCols = { minCols: cols, maxCols: cols };
    const narrow = size.width < NARROW && names.length <= BIG_CLUSTER_NODES;
    // A big cluster's row length ignores the pending lane: a rollout's first waiting pods open it, and packing it in
    // re-laid out every node box (10 a row became 11 at 5,000 pods) at the rollout's start; below the boxes it only
    // adds height, and the view zooms out once to fit it.
    const packed = growing ?? inputs;
    const perRow = narrow ? 1 : bestBoxesPerRow(big ? packed.filter((b) => !b.lane) : packed, size, fixedCols);
    const layout = packBoxes(inputs, { ...fixedCols, boxesPerRow: perRow });
    const nodes: Node[] = layout.map((b) => ({
      id: b.id,
      type: b.id === PENDING_ID ? 'pendingLane' : 'k8sNode',
      position: { x: b.x, y: b.y },
      data: b.id === PENDING_ID ? { cols: b.cols } : { name: b.id, cols: b.cols, rows: rowsOf.get(b.id) },
      width: b.width,
      height: b.height,
      style: BOX_STYLE,
      draggable: false,
      selectable: false,
      focusable: false,
    }));
    const boxes = layoutBounds(layout);
    // While traffic runs, the Service box sits left of (or above) the boxes, at negative x (y): the node boxes keep their places.
    const lane = trafficLane ? placeServiceBox(boxes, size, narrow) : null;
    const serviceBox = lane?.box ?? null;
    if (serviceBox) nodes.push({ id: TRAFFIC_ID, type: 'trafficService', position: { x: serviceBox.x, y: serviceBox.y }, data: {}, width: serviceBox.width, height: serviceBox.height, draggable: false, selectable: false, focusable: false });
    // the picture to fit: the boxes as they will be once grown (the growth then moves no view), or as they are
    const fit = growing && !lane ? { x: 0, y: 0, ...layoutBounds(packBoxes(growing, { ...fixedCols, boxesPerRow: perRow })) } : null;
    const bounds = fit ?? lane?.bounds ?? boxes;
    const readable = narrow ? readableViewport(bounds, size, names.length) : null;
    // a phone's fixed viewport starts at the origin: shift it so the lane above the boxes shows too, and a Service box
    // wider than the column (centred on it, so starting left of the origin) keeps its left edge on screen
    const shift = lane && readable ? { x: lane.box.placement === 'left' ? (bounds.width - boxes.width) * readable.zoom : Math.max(0, -lane.box.x) * readable.zoom, y: lane.box.placement === 'top' ? (bounds.height - boxes.height) * readable.zoom : 0 } : { x: 0, y: 0 };
    const viewport = readable ? { ...readable, x: readable.x + shift.x, y: readable.y + shift.y } : null;
    // Refit when the picture changes size (a row of tiles, the lane, a node) or the canvas does.
    const signature = `${bounds.width}x${bounds.height}:${Math.round(size.width / 50)}:${Math.round(size.height / 50)}`;
    const fitZoom = fitZoomFor(bounds, size);
    // Zoom out at least far enough to fit the whole picture: 5,000 pods in a phone's 390 × 353 pane, their boxes grown
    // for a rollout, need 0.045, and a view stopped at the usual minimum cut the outer boxes off on both sides.
    const minZoom = Math.max(MIN_ZOOM_FLOOR, Math.min(READ_ONLY_FLOW.minZoom, fitZoom * 0.9));
    // Start where fitView will end, so a big cluster's boxes (culled to the viewport) show fitted from the first frame.
    const fitted = getViewportForBounds(fit ?? getNodesBounds(nodes), size.width, size.height, minZoom, FIT.maxZoom, FIT.padding);
    return { freshNodes: nodes, zoom: viewport?.zoom ?? fitZoom, minZoom, viewport, fitted, fit, signature, serviceBox };
  }, [names, big, shape, cols, pendingCount, size, trafficLane]);
  const nodes = useStableNodes(freshNodes);
  // One holder for the graph's life, so a new expected zoom re-renders none of the grids that read it (tile-zoom.ts).
  // It matters only until React Flow's zoom pane exists: a grid mounting later goes by the pane.

  return (
    <div ref={ref} className="relative h-full w-full" data-cluster-canvas="">
      {/* Mount once measured, starting at the zoom fitView will pick, so tiles render once at the right detail. */}
      {size.width > 0 && (
        <ExpectedZoomProvider zoom={zoom}>
          <MountPacerContext value={paced ? pacer : null}>
            <ReactFlow
              defaultViewport={viewport ?? (big ? fitted : { x: 0, y: 0, zoom })}
              // Without a pane size React Flow draws its first frame at zoom 1 from the origin, then refits: give it ours
              width={big ? size.width : undefined}
              height={big ? size.height : undefined}
              aria-label="클러스터 그래프"
              nodes={nodes}
              edges={[]}
              nodeTypes={nodeTypes}
              colorMode={colorMode}
              {...READ_ONLY_FLOW}
              minZoom={minZoom}
              fitView={viewport === null}
              fitViewOptions={FIT}
              onlyRenderVisibleElements={big}
            >
              <Background gap={24} size={1} />
              <Controls showInteractive={false} position="bottom-right" />
              <AutoFit signature={signature} options={FIT} viewport={viewport} bounds={fit} />
              {serviceBox && <TrafficEdgeLayer box={serviceBox} />}
            </ReactFlow>
          </MountPacerContext>
        </ExpectedZoomProvider>
      )}
      {names.length === 0 && <EmptyClusterNote />}
      <PodTooltip container={ref} />
    </div>
  );
}
