import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch';

describe('patches', () => {
  const pod = { spec: { containers: [{ name: 'a', image: 'x:1', env: [{ name: 'K', value: '1' }] }, { name: 'b', image: 'y:1' }], nodeSelector: { disk: 'ssd' } } };

  it('merge patch replaces lists and deletes with null', () => {
    expect(mergePatch(pod, { spec: { containers: [{ name: 'a', image: 'x:2' }], nodeSelector: null } })).toEqual({ spec: { containers: [{ name: 'a', image: 'x:2' }] } });
  });

  it('strategic merge patch merges containers and env by name', () => {
    const out = strategicMergePatch(pod, { spec: { containers: [{ name: 'a', image: 'x:2', env: [{ name: 'L', value: '2' }] }] } }) as typeof pod;
    expect(out.spec.containers).toEqual([
      { name: 'a', image: 'x:2', env: [{ name: 'K', value: '1' }, { name: 'L', value: '2' }] },
      { name: 'b', image: 'y:1' },
    ]);
    const removed = strategicMergePatch(pod, { spec: { containers: [{ name: 'b', $patch: 'delete' }] } }) as typeof pod;
    expect(removed.spec.containers.map((c) => c.name)).toEqual(['a']);
    expect(pod.spec.containers).toHaveLength(2); // input untouched
  });

  it('strategic merge patch merges ports by containerPort / port', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 80 }] } };
    expect(strategicMergePatch(svc, { spec: { ports: [{ port: 443, targetPort: 8443 }] } })).toEqual({ spec: { ports: [{ port: 80, targetPort: 80 }, { port: 443, targetPort: 8443 }] } });
  });

  it('JSON patch supports add/replace/remove/test and fails on missing paths', () => {
    const out = jsonPatch(pod, [
      { op: 'replace', path: '/spec/containers/0/image', value: 'x:3' },
      { op: 'add', path: '/spec/containers/-', value: { name: 'c', image: 'z:1' } },
      { op: 'remove', path: '/spec/nodeSelector' },
      { op: 'test', path: '/spec/containers/1/name', value: 'b' },
    ]) as typeof pod;
    expect(out.spec.containers.map((c) => c.image)).toEqual(['x:3', 'y:1', 'z:1']);
    expect(out.spec.nodeSelector).toBeUndefined();
    expect(() => jsonPatch(pod, [{ op: 'test', path: '/spec/containers/0/name', value: 'zzz' }])).toThrow(/test failed/);
    expect(() => jsonPatch(pod, [{ op: 'replace', path: '/spec/missing', value: 1 }])).toThrow(/doc is missing key/);
    expect(() => jsonPatch(pod, { op: 'add' })).toThrow();
  });
});
