import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { V1Pod } from '../../k8s/api-types';
import { rankForDeletion } from './deletion-rank';

/** A pod with the fields the ranking reads. */
function pod(name: string, o: { node?: string; phase?: string; readyAt?: string; restarts?: number; created?: string } = {}): V1Pod {
  return {
    metadata: { name, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
    spec: { containers: [{ name: 'c' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readyAt ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readyAt }] : [],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 } as never],
    },
  };
}

describe('rankForDeletion', () => {
  it('orders victims as ActivePodsWithRanks does', () => {
    // pkg/controller/controller_utils.go ActivePodsWithRanks.Less: unassigned < assigned; Pending < Unknown < Running;
    // not ready < ready; more pods on the same node first; ready for less time first; more restarts first; newer first
    const pods = [
      pod('old-ready', { node: 'a', readyAt: '2026-01-01T00:01:00Z' }),
      pod('new-ready', { node: 'a', readyAt: '2026-01-01T00:05:00Z' }),
      pod('ready-on-b', { node: 'b', readyAt: '2026-01-01T00:09:00Z' }),
      pod('running-not-ready', { node: 'b' }),
      pod('pending', { node: 'b', phase: 'Pending' }),
      pod('unscheduled', { phase: 'Pending' }),
      pod('restarted', { node: 'c', restarts: 3 }),
      pod('c-newer', { node: 'c', created: '2026-01-01T00:02:00Z' }),
    ];
    // node b holds 3 of these pods and node a 2, so b's ready pod goes before a's even though it became ready last
    expect(rankForDeletion(pods).map((p) => p.metadata!.name)).toEqual(['unscheduled', 'pending', 'running-not-ready', 'restarted', 'c-newer', 'ready-on-b', 'new-ready', 'old-ready']);
  });

  it('returns only the first `limit` pods, the same ones a full sort puts first', () => {
    const podArb = fc.record({
      node: fc.option(fc.constantFrom('n1', 'n2', 'n3'), { nil: undefined }),
      phase: fc.constantFrom('Pending', 'Running', 'Unknown'),
      readyAt: fc.option(fc.constantFrom('2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z'), { nil: undefined }),
      restarts: fc.nat(2),
      created: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T00:00:30Z'),
    });
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 60 }), fc.nat(70), (specs, limit) => {
        const pods = specs.map((s, i) => pod(`p${String(i).padStart(2, '0')}`, s));
        const all = rankForDeletion(pods).map((p) => p.metadata!.name);
        const first = rankForDeletion(pods, limit).map((p) => p.metadata!.name);
        expect(first).toEqual(all.slice(0, limit));
      }),
    );
  });
});
