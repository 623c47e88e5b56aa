import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_BOX, layoutWorkloads, replicaSetColumns } from './workload-layout';

describe('layoutWorkloads', () => {
  it('puts each Deployment above its ReplicaSets with one edge per ReplicaSet', () => {
    const l = layoutWorkloads([
      { deploymentId: 'd1', replicaSets: [{ id: 'rs2', podCount: 3 }, { id: 'rs1', podCount: 1 }] },
      { deploymentId: 'd2', replicaSets: [{ id: 'rs3', podCount: 10 }] },
    ]);
    expect(l.edges).toEqual([
      { source: 'd1', target: 'rs2' },
      { source: 'd1', target: 'rs1' },
      { source: 'd2', target: 'rs3' },
    ]);
    const [d1, d2] = l.deployments;
    const [rs2, rs1, rs3] = l.replicaSets;
    expect(rs2.y).toBeGreaterThan(d1.y + DEPLOYMENT_BOX.height);
    expect(rs1.x).toBeGreaterThan(rs2.x + rs2.width - 1);
    // the second column starts right of everything in the first
    expect(d2.x).toBeGreaterThan(rs1.x + rs1.width);
    expect(rs3.x).toBeGreaterThan(rs1.x + rs1.width);
    expect(rs3.cols * Math.ceil(10 / rs3.cols)).toBeGreaterThanOrEqual(10);
  });

  it('a column without a Deployment starts at the top and has no edges', () => {
    const l = layoutWorkloads([{ deploymentId: null, replicaSets: [{ id: 'orphans', podCount: 2 }] }]);
    expect(l.deployments).toEqual([]);
    expect(l.edges).toEqual([]);
    expect(l.replicaSets[0].y).toBe(0);
  });

  it('grows ReplicaSet boxes with their pods, within bounds', () => {
    expect(replicaSetColumns(0)).toBe(3);
    expect(replicaSetColumns(1000)).toBe(40);
    expect(replicaSetColumns(100_000)).toBe(40);
    const small = layoutWorkloads([{ deploymentId: 'd', replicaSets: [{ id: 'a', podCount: 2 }] }]).replicaSets[0];
    const big = layoutWorkloads([{ deploymentId: 'd', replicaSets: [{ id: 'a', podCount: 60 }] }]).replicaSets[0];
    expect(big.height).toBeGreaterThan(small.height);
  });
});
