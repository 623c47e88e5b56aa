import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { forgetObjectJson, hasObjectJson, objectJson, objectsJson } from './object-json';

const pod = (name: string, extra: Record<string, unknown> = {}) =>
  ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default', labels: { app: '웹' } }, ...extra }) as KubeObject;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('object JSON cache', () => {
  it('gives exactly the text JSON.stringify gives, for one object and for a list', () => {
    const objects = [pod('a', { spec: { containers: [{ name: 'c', args: ['-q', '"x"\n'] }] } }), pod('b', { status: { phase: 'Running', podIP: null } })];
    expect(objectJson(objects[0])).toBe(JSON.stringify(objects[0]));
    expect(objectsJson(objects)).toBe(JSON.stringify(objects));
    expect(objectsJson([])).toBe('[]');
  });

  it('serialises an object once however many times its JSON is asked for, until it is forgotten', () => {
    const a = pod('a');
    const stringify = vi.spyOn(JSON, 'stringify');
    objectJson(a);
    objectsJson([a, a]);
    objectJson(a);
    expect(stringify.mock.calls.filter(([v]) => v === a)).toHaveLength(1);
    forgetObjectJson(a);
    expect(hasObjectJson(a)).toBe(false);
    objectJson(a);
    expect(stringify.mock.calls.filter(([v]) => v === a)).toHaveLength(2);
  });

  it('does not keep an object alive (the cache is weak: it cannot outlive what it caches)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let ref: WeakRef<KubeObject>;
    (() => {
      const big = pod('big', { status: { message: 'x'.repeat(100_000) } });
      objectJson(big);
      ref = new WeakRef(big);
    })();
    // a WeakRef keeps its target until the end of the current job
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(ref!.deref()).toBeUndefined();
  });
});
