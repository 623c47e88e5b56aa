import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupPods, type PodGroups } from './pod-groups';
import { updatePodGroups } from './pod-groups-update';
import { projectPod, type PodView } from './projection';
import { makePod } from './test-fixtures';

const NODES = ['cp', 'w1', 'w2'];
const filter = { namespace: '', showKubeSystem: false, selector: null };

function pod(i: number, node: string | null, ns: string, owner: string | null, deleting: boolean): PodView {
  const name = `p${i}`;
  return projectPod(`Pod/${ns}/${name}`, makePod({ name, namespace: ns, node, owner: owner ?? undefined, deleting, cpu: '100m', phase: node ? 'Running' : 'Pending' }));
}

/** Groups as sets, so incremental and full grouping can be compared regardless of order. */
function normalise(g: PodGroups) {
  const sorted = (r: Readonly<Record<string, readonly string[]>>) =>
    Object.fromEntries(Object.entries(r).filter(([, v]) => v.length > 0).map(([k, v]) => [k, [...v].sort()]));
  const usage = Object.fromEntries(Object.entries(g.usageByNode).filter(([, u]) => u.pods !== 0));
  return { byNode: sorted(g.podIdsByNode), byOwner: sorted(g.podIdsByOwner), pending: [...g.pendingPodIds].sort(), visible: g.visiblePodCount, usage };
}

const change = fc.record({
  id: fc.nat(12),
  node: fc.constantFrom<string | null>(null, ...NODES),
  ns: fc.constantFrom('default', 'kube-system'),
  owner: fc.constantFrom<string | null>(null, 'rs-a', 'rs-b'),
  deleting: fc.boolean(),
  remove: fc.boolean(),
});

describe('updatePodGroups', () => {
  it('agrees with a full regroup after any sequence of batches (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 8 }), { maxLength: 8 }), (batches) => {
        const pods = new Map<string, PodView>();
        let groups = groupPods([], NODES, filter);
        for (const batch of batches) {
          const changes = batch.map((c) => {
            const key = `p${c.id}`;
            const before = [...pods.values()].find((p) => p.name === key);
            const after = c.remove ? undefined : pod(c.id, c.node, c.ns, c.owner, c.deleting);
            if (before) pods.delete(before.key);
            if (after) pods.set(after.key, after);
            return { before, after };
          });
          groups = updatePodGroups(groups, changes, filter);
          expect(normalise(groups)).toEqual(normalise(groupPods(pods.values(), NODES, filter)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('copies only the lists it touches', () => {
    const a = pod(1, 'w1', 'default', null, false);
    const b = pod(2, 'w2', 'default', null, false);
    const start = groupPods([a, b], NODES, filter);
    const next = updatePodGroups(start, [{ before: undefined, after: pod(3, 'w2', 'default', null, false) }], filter);
    expect(next.podIdsByNode.w1).toBe(start.podIdsByNode.w1);
    expect(next.podIdsByNode.w2).toEqual(['Pod/default/p2', 'Pod/default/p3']);
    expect(start.podIdsByNode.w2).toEqual(['Pod/default/p2']);
    expect(next.usageByNode.w1).toBe(start.usageByNode.w1);
  });

  it('keeps a node\'s usage object when a pod only changes status there (the node box does not re-render)', () => {
    // A pod turning Ready stays on its node with the same requests: kubectl describe node's "Allocated resources"
    // (requests of the node's non-terminated pods) reads the same before and after.
    const starting = projectPod('Pod/default/p1', makePod({ name: 'p1', namespace: 'default', node: 'w1', cpu: '100m', ready: false }));
    const other = pod(2, 'w2', 'default', null, false);
    const start = groupPods([starting, other], NODES, filter);
    const ready = projectPod('Pod/default/p1', makePod({ name: 'p1', namespace: 'default', node: 'w1', cpu: '100m', ready: true }));
    const next = updatePodGroups(start, [{ before: starting, after: ready }], filter);
    expect(next.usageByNode.w1).toBe(start.usageByNode.w1);
    // a pod that does change the totals still gives its node a new object
    const more = updatePodGroups(next, [{ before: undefined, after: pod(3, 'w1', 'default', null, false) }], filter);
    expect(more.usageByNode.w1).not.toBe(next.usageByNode.w1);
    expect(more.usageByNode.w1).toEqual({ cpuRequestMilli: 200, memoryRequestBytes: 0, pods: 2 });
  });
});
