'use client';

import { useMemo } from 'react';
import { ReactFlow, Controls, Background, type Node, type NodeTypes } from '@xyflow/react';
import { bestBoxesPerRow, layoutBounds, packBoxes, rowsFor, sharedColumns, type BoxInput } from '@/lib/graph/grid-packing';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/playground/store-context';
import { ExpectedZoomContext, NodeBox, PendingLane } from './node-box';
import { AutoFit, BOX_STYLE, READ_ONLY_FLOW, useColorMode, useContainerSize, useStableNodes } from './flow-common';

/** Module scope: React Flow re-mounts every node if this object changes identity. */
const nodeTypes: NodeTypes = { k8sNode: NodeBox, pendingLane: PendingLane };

const PENDING_ID = '__pending__';
/** Beyond this many nodes: cull off-screen boxes and give each box its own compositor layer. */
const BIG_CLUSTER_NODES = 12;
const FIT = { padding: 0.06, maxZoom: 1.3 };

/**
 * What the layout depends on, as a flat list of numbers: the shared column count, the pending count
 * and each box's row count. Pod churn that does not add or remove a row leaves it unchanged, so the
 * canvas (and React Flow) skip re-rendering; tiles update through their own subscriptions.
 */
function useLayoutShape(): number[] {
  return usePlaygroundStoreShallow((s) => {
    let maxPods = 0;
    for (const n of s.nodeNames) maxPods = Math.max(maxPods, s.groups.podIdsByNode[n]?.length ?? 0);
    const cols = sharedColumns(maxPods);
    const shape = [cols, s.groups.pendingPodIds.length];
    for (const n of s.nodeNames) shape.push(rowsFor(s.groups.podIdsByNode[n]?.length ?? 0, cols));
    return shape;
  });
}

/** The zoom fitView will choose for content of `bounds` in a canvas of `size`. */
function fitZoomFor(bounds: { width: number; height: number }, size: { width: number; height: number }): number {
  const pad = 1 + 2 * FIT.padding;
  if (bounds.width === 0 || size.width === 0) return 1;
  return Math.min(FIT.maxZoom, size.width / (bounds.width * pad), size.height / (bounds.height * pad));
}

/** The cluster view: node boxes (control plane first) with pod tiles packed inside, and the pending lane. */
export default function ClusterCanvas() {
  const colorMode = useColorMode();
  const [ref, size] = useContainerSize();
  const names = usePlaygroundStore((s) => s.nodeNames);
  const shape = useLayoutShape();
  const cols = shape[0];
  const pendingCount = shape[1];

  const { freshNodes, fitZoom } = useMemo(() => {
    // Rows are what matter for size: a box of r rows is packed as r full rows of tiles.
    const inputs: BoxInput[] = names.map((id, i) => ({ id, podCount: (shape[2 + i] ?? 1) * cols }));
    inputs.push({ id: PENDING_ID, podCount: pendingCount, lane: true });
    const fixedCols = { minCols: cols, maxCols: cols };
    const layout = packBoxes(inputs, { ...fixedCols, boxesPerRow: bestBoxesPerRow(inputs, size, fixedCols) });
    const nodes: Node[] = layout.map((b) => ({
      id: b.id,
      type: b.id === PENDING_ID ? 'pendingLane' : 'k8sNode',
      position: { x: b.x, y: b.y },
      data: b.id === PENDING_ID ? { cols: b.cols } : { name: b.id, cols: b.cols },
      width: b.width,
      height: b.height,
      style: BOX_STYLE,
      className: names.length > BIG_CLUSTER_NODES ? 'k8s-layer' : undefined,
      draggable: false,
      selectable: false,
      focusable: false,
    }));
    return { freshNodes: nodes, fitZoom: fitZoomFor(layoutBounds(layout), size) };
  }, [names, shape, cols, pendingCount, size]);
  const nodes = useStableNodes(freshNodes);

  return (
    <div ref={ref} className="h-full w-full" data-cluster-canvas="">
      {/* Mount once measured, starting at the zoom fitView will pick, so tiles render once at the right detail. */}
      {size.width > 0 && (
        <ExpectedZoomContext value={fitZoom}>
          <ReactFlow
            defaultViewport={{ x: 0, y: 0, zoom: fitZoom }}
            aria-label="클러스터 그래프"
            nodes={nodes}
            edges={[]}
            nodeTypes={nodeTypes}
            colorMode={colorMode}
            {...READ_ONLY_FLOW}
            fitViewOptions={FIT}
            onlyRenderVisibleElements={names.length > BIG_CLUSTER_NODES}
          >
            <Background gap={24} size={1} />
            <Controls showInteractive={false} position="bottom-right" />
            <AutoFit signature={`${names.length}:${Math.round(size.width / 50)}:${Math.round(size.height / 50)}`} options={FIT} />
          </ReactFlow>
        </ExpectedZoomContext>
      )}
    </div>
  );
}

