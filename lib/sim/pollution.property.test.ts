/**
 * Issue #12 item 2: user-chosen keys (`__proto__`, `constructor`, `prototype`, `$setElementOrder/…`)
 * in patches and bodies never reach Object.prototype. Property test over every patch type the API
 * server takes (json, merge, strategic, apply), dangerous keys at random places and random payloads:
 * the prototypes stay untouched, every call answers a value or a StatusError, and afterwards a
 * plain create still works and shows nothing inherited.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isStatusError, type KubeObject } from '../k8s/types';
import { createSimulator } from './simulator';
import { deepClone, findUnsafeInput } from './json';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch';
import type { PatchType } from './types';

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const pristine = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join());

/** Whatever a failing run put on the prototypes is removed again, so other tests are not poisoned. */
afterEach(() => {
  PROTOTYPES.forEach((p, i) => {
    for (const name of Object.getOwnPropertyNames(p)) if (!pristine[i].split(',').includes(name)) delete (p as Record<string, unknown>)[name];
  });
});

function prototypesUntouched(): void {
  expect(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join())).toEqual(pristine);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Every object in the tree has the ordinary prototype (nothing was swapped in). */
function ordinaryPrototypes(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Object.getPrototypeOf(v) !== (Array.isArray(v) ? Array.prototype : Object.prototype)) return false;
  return Object.values(v).every(ordinaryPrototypes);
}

const DANGEROUS = ['__proto__', 'constructor', 'prototype'];
const key = fc.oneof(
  fc.constantFrom(...DANGEROUS),
  fc.constantFrom(...DANGEROUS).map((k) => `$setElementOrder/${k}`),
  fc.constantFrom(...DANGEROUS).map((k) => `$deleteFromPrimitiveList/${k}`),
  fc.constantFrom('$patch', '$retainKeys', 'metadata', 'spec', 'labels', 'template', 'containers', 'replicas'),
);
const payload = fc.oneof(
  fc.constant({ polluted: 'yes' }),
  fc.constant({ prototype: { polluted: 'yes' } }),
  fc.constant({ toString: 1, hasOwnProperty: 2 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** JSON text of an object whose keys (own properties, as JSON.parse makes them) may be dangerous. */
const hostileObject: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    payload.map((v) => JSON.stringify(v)),
    fc.array(fc.tuple(key, tie('node') as fc.Arbitrary<string>), { minLength: 1, maxLength: 3 })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).node;

const pointer = fc.array(fc.oneof(fc.constantFrom(...DANGEROUS), fc.constantFrom('metadata', 'labels', 'spec', 'template', 'containers', '0', '-')), { minLength: 1, maxLength: 4 })
  .map((segs) => '/' + segs.join('/'));
const jsonPatchDoc = fc.array(
  fc.record({ op: fc.constantFrom('add', 'replace', 'remove', 'move', 'copy', 'test'), path: pointer, from: pointer, value: payload }),
  { minLength: 1, maxLength: 3 },
).map((ops) => JSON.stringify(ops));

function deployment(name: string) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels: { app: name } },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } },
  } as KubeObject;
}

function callAnswers(call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    if (!isStatusError(e)) throw e; // a TypeError here would be a 500 on the server
    expect(e.status.code).toBeGreaterThanOrEqual(400);
    expect(e.status.code).toBeLessThan(500);
    return undefined;
  }
}

describe('dangerous keys in patches and bodies', () => {
  it('never reach a prototype through the patch functions', () => {
    const target = deployment('web');
    fc.assert(
      fc.property(fc.oneof(hostileObject.map((t) => ['merge', t] as const), hostileObject.map((t) => ['strategic', t] as const), jsonPatchDoc.map((t) => ['json', t] as const)), ([type, text]) => {
        const patch = JSON.parse(text);
        const out = callAnswers(() => (type === 'json' ? jsonPatch(target, patch) : type === 'merge' ? mergePatch(target, patch) : strategicMergePatch(target, patch)));
        prototypesUntouched();
        expect(ordinaryPrototypes(out)).toBe(true);
      }),
      { numRuns: 600, seed: 12 },
    );
  });

  it('never reach a prototype through the simulator, which refuses them and stays usable', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(deployment('web'));
    const before = sim.get('Deployment', 'web');
    let n = 0;
    fc.assert(
      fc.property(fc.oneof(
        fc.tuple(fc.constantFrom<PatchType>('merge', 'strategic', 'apply'), hostileObject),
        fc.tuple(fc.constant<PatchType>('json'), jsonPatchDoc),
      ), ([type, text]) => {
        const patch = JSON.parse(text);
        const out = callAnswers(() => sim.patch('Deployment', 'web', 'default', patch, type, { dryRun: true }));
        prototypesUntouched();
        expect(ordinaryPrototypes(out)).toBe(true);
        // a body with a __proto__ key anywhere is refused outright
        if (findUnsafeInput(patch, 100)?.problem === 'proto-key') expect(out).toBeUndefined();
        const created = sim.create(deployment(`after-${n++}`), { dryRun: true });
        expect(JSON.stringify(created)).not.toContain('polluted');
      }),
      { numRuns: 400, seed: 34 },
    );
    expect(sim.get('Deployment', 'web')).toEqual(before);
  });

  it('refuses a create or update whose JSON has a __proto__ key, wherever it is', () => {
    const sim = createSimulator({ seed: 5 });
    const base = JSON.stringify(deployment('p'));
    for (const at of ['"metadata":{', '"labels":{', '"spec":{', '"containers":[{']) {
      const text = base.replace(at, `${at}"__proto__":{"polluted":"yes","replicas":7},`);
      expect(() => sim.create(JSON.parse(text))).toThrow(/strict decoding error: unknown field ".*__proto__"/);
      prototypesUntouched();
    }
    sim.create(deployment('p'));
    const update = JSON.parse(base.replace('"spec":{', '"spec":{"__proto__":{"replicas":9},'));
    expect(() => sim.update(update)).toThrow(/unknown field "spec.__proto__"/);
    expect((sim.get('Deployment', 'p') as { spec: { replicas: number } }).spec.replicas).toBe(1);
  });

  it('keeps constructor and prototype as ordinary label keys', () => {
    const sim = createSimulator({ seed: 6 });
    const d = deployment('labels');
    d.metadata!.labels = { app: 'labels', constructor: 'a', prototype: 'b' };
    const created = sim.create(d);
    expect(created.metadata!.labels).toEqual({ app: 'labels', constructor: 'a', prototype: 'b' });
    const patched = sim.patch('Deployment', 'labels', 'default', { metadata: { labels: { constructor: null } } }, 'merge');
    expect(patched.metadata!.labels).toEqual({ app: 'labels', prototype: 'b' });
  });

  it('deep-copies an own __proto__ key as a key, never as the prototype', () => {
    const parsed = JSON.parse('{"a":{"__proto__":{"polluted":"yes"}}}') as { a: object };
    const copy = deepClone(parsed);
    expect(Object.getPrototypeOf(copy.a)).toBe(Object.prototype);
    expect(Object.keys(copy.a)).toEqual(['__proto__']);
    expect((copy.a as Record<string, unknown>).polluted).toBeUndefined();
  });
});
