/**
 * Layout of the workload view: each Deployment is a column — its box on top, its ReplicaSets side
 * by side beneath (newest revision first), pods as tiles inside the ReplicaSet boxes. ReplicaSets
 * without a Deployment and pods without an owner get columns of their own. O(deployments + replica sets).
 */
import { boxSize, DEFAULT_TILE_METRICS, rowsFor, type TileMetrics } from './grid-packing';

export interface WorkloadColumnInput {
  /** Deployment key, or null for a column of stand-alone boxes. */
  deploymentId: string | null;
  replicaSets: { id: string; podCount: number }[];
}

export interface PlacedBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  cols: number;
}

export interface WorkloadLayout {
  deployments: PlacedBox[];
  replicaSets: PlacedBox[];
  /** Edges Deployment → ReplicaSet. */
  edges: { source: string; target: string }[];
}

export const DEPLOYMENT_BOX = { width: 250, height: 112 };
const RS_METRICS: TileMetrics = { ...DEFAULT_TILE_METRICS, header: 58 };
const LEVEL_GAP = 70;

/** Tile columns for one ReplicaSet box: ≈√pods, between 3 and 40 (a big ReplicaSet stays roughly square). */
export function replicaSetColumns(podCount: number): number {
  return Math.min(40, Math.max(3, Math.ceil(Math.sqrt(podCount * 1.6))));
}

/** Place every column left to right. */
export function layoutWorkloads(columns: readonly WorkloadColumnInput[], m: TileMetrics = RS_METRICS): WorkloadLayout {
  const out: WorkloadLayout = { deployments: [], replicaSets: [], edges: [] };
  let x = 0;
  for (const col of columns) {
    const rsY = col.deploymentId ? DEPLOYMENT_BOX.height + LEVEL_GAP : 0;
    let rx = x;
    for (const rs of col.replicaSets) {
      const cols = replicaSetColumns(rs.podCount);
      const { width, height } = boxSize(cols, rowsFor(rs.podCount, cols), m);
      out.replicaSets.push({ id: rs.id, x: rx, y: rsY, width, height, cols });
      if (col.deploymentId) out.edges.push({ source: col.deploymentId, target: rs.id });
      rx += width + m.spacing;
    }
    const rowWidth = Math.max(rx - x - m.spacing, col.deploymentId ? DEPLOYMENT_BOX.width : 0);
    if (col.deploymentId) {
      // Centre the Deployment over its ReplicaSets so the edges fan out evenly.
      const dx = x + Math.max(0, (rowWidth - DEPLOYMENT_BOX.width) / 2);
      out.deployments.push({ id: col.deploymentId, x: dx, y: 0, ...DEPLOYMENT_BOX, cols: 0 });
    }
    x += rowWidth + m.spacing * 2;
  }
  return out;
}
