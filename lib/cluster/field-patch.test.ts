import { describe, expect, it } from 'vitest';
import { applyFieldPatch, fieldPatch } from './field-patch';

/** JSON with key order and explicit undefined kept: equal strings mean the same object as kubectl would print it. */
const exact = (o: unknown) => JSON.stringify(o, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));

const roundTrip = <T extends object>(prev: T, next: object) => {
  const patch = fieldPatch(prev, next);
  expect(patch).not.toBeNull();
  return { patch: patch!, rebuilt: applyFieldPatch(prev, patch!) };
};

describe('field patches: the page rebuilds exactly the engine object', () => {
  const pod = {
    metadata: { name: 'web-1', namespace: 'default', resourceVersion: '10', labels: { 'app.kubernetes.io/name': 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
  };

  it('sends only the changed leaves, and leaves the old copy untouched', () => {
    const next = { ...pod, metadata: { ...pod.metadata, resourceVersion: '11' }, status: { ...pod.status, phase: 'Running' } };
    const before = exact(pod);
    const { patch, rebuilt } = roundTrip(pod, next);
    expect(patch).toEqual(['metadata\u0000resourceVersion', '11', 'status\u0000phase', 'Running']);
    expect(exact(rebuilt)).toBe(exact(next));
    expect(exact(pod)).toBe(before);
    // Unchanged parts keep their identity (memoised views on the page skip them).
    expect(rebuilt.spec).toBe(pod.spec);
    expect(rebuilt.metadata.labels).toBe(pod.metadata.labels);
  });

  it('a key added at the end is set, and comes out in the same place', () => {
    const next = { ...pod, status: { ...pod.status, podIP: '10.244.1.5' } };
    const { patch, rebuilt } = roundTrip(pod, next);
    expect(patch).toEqual(['status\u0000podIP', '10.244.1.5']);
    expect(exact(rebuilt)).toBe(exact(next));
  });

  it('a removed or reordered key replaces that object whole (a copy cannot remove or move keys in place)', () => {
    const removed = { ...pod, status: { phase: 'Running' } };
    expect(roundTrip(pod, removed).patch).toEqual(['status', removed.status]);
    const reordered = { ...pod, status: { conditions: pod.status.conditions, phase: 'Pending' } };
    const { patch, rebuilt } = roundTrip(pod, reordered);
    expect(patch).toEqual(['status', reordered.status]);
    expect(exact(rebuilt)).toBe(exact(reordered));
  });

  it('arrays of the same length are patched by index; a longer array is replaced', () => {
    const flipped = { ...pod, status: { ...pod.status, conditions: [{ type: 'PodScheduled', status: 'False' }] } };
    const { patch, rebuilt } = roundTrip(pod, flipped);
    expect(patch).toEqual(['status\u0000conditions\u00000\u0000status', 'False']);
    expect(Array.isArray(rebuilt.status.conditions)).toBe(true);
    expect(exact(rebuilt)).toBe(exact(flipped));
    const grown = { ...pod, status: { ...pod.status, conditions: [...pod.status.conditions, { type: 'Ready', status: 'False' }] } };
    expect(roundTrip(pod, grown).patch).toEqual(['status\u0000conditions', grown.status.conditions]);
  });

  it('a field set to undefined keeps its key, as the engine object has it', () => {
    const next = { ...pod, status: { ...pod.status, phase: undefined } };
    const { rebuilt } = roundTrip(pod, next);
    expect(exact(rebuilt)).toBe(exact(next));
    expect(Object.keys(rebuilt.status)).toEqual(['phase', 'conditions']);
  });

  it('an unchanged object gives an empty patch; a changed root shape gives none (sent whole)', () => {
    expect(fieldPatch(pod, { ...pod })).toEqual([]);
    expect(fieldPatch(pod, { spec: pod.spec, metadata: pod.metadata, status: pod.status })).toBeNull();
  });

  it('keys that could not be addressed by a path are replaced with their parent', () => {
    const odd = { metadata: { annotations: { 'a\u0000b': '1' } } };
    const next = { metadata: { annotations: { 'a\u0000b': '2' } } };
    const { patch, rebuilt } = roundTrip(odd, next);
    expect(patch).toEqual(['metadata\u0000annotations', next.metadata.annotations]);
    expect(exact(rebuilt)).toBe(exact(next));
  });
});
