import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { forgetObjectJson, hasObjectJson, objectJsonBytes } from './object-json';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const pod = (name: string, extra: Record<string, unknown> = {}) =>
  ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default', labels: { app: '웹' } }, ...extra }) as KubeObject;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('object JSON cache', () => {
  it('gives exactly the UTF-8 of the text JSON.stringify gives', () => {
    const objects = [pod('a', { spec: { containers: [{ name: 'c', args: ['-q', '"x"\n'] }] } }), pod('b', { status: { phase: 'Running', podIP: null } })];
    for (const o of objects) expect(text(objectJsonBytes(o))).toBe(JSON.stringify(o));
  });

  it('serialises an object once however many times its JSON is asked for, until it is forgotten', () => {
    const a = pod('a');
    const stringify = vi.spyOn(JSON, 'stringify');
    objectJsonBytes(a);
    objectJsonBytes(a);
    expect(objectJsonBytes(a)).toBe(objectJsonBytes(a));
    expect(stringify.mock.calls.filter(([v]) => v === a)).toHaveLength(1);
    forgetObjectJson(a);
    expect(hasObjectJson(a)).toBe(false);
    objectJsonBytes(a);
    expect(stringify.mock.calls.filter(([v]) => v === a)).toHaveLength(2);
  });

  it('never caches an object again once it was forgotten (a snapshot still holding a replaced version encodes it for itself)', () => {
    const a = pod('a');
    objectJsonBytes(a);
    forgetObjectJson(a);
    expect(text(objectJsonBytes(a))).toBe(JSON.stringify(a));
    expect(hasObjectJson(a)).toBe(false);
  });

  it('does not keep an object alive (the cache is weak: it cannot outlive what it caches)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let ref: WeakRef<KubeObject>;
    (() => {
      const big = pod('big', { status: { message: 'x'.repeat(100_000) } });
      objectJsonBytes(big);
      ref = new WeakRef(big);
    })();
    // a WeakRef keeps its target until the end of the current job
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(ref!.deref()).toBeUndefined();
  });
});
