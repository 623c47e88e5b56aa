/**
 * The JSON of each projected object, serialised once and reused by every snapshot and every delta that carries it
 * (issue 16: at 20,000 pods a snapshot's server time was almost all JSON.stringify, paid again for every browser).
 *
 * Why it cannot go stale: the hub's objects are projected copies (projection.ts) that are replaced on every change,
 * never edited — a changed object is a new object, so it has no entry. Why it cannot outlive them: a WeakMap entry
 * dies with its key, and the reflector forgets an object's JSON as soon as it replaces or drops it, so objects kept
 * only by the hub's resume history (superseded versions) hold no JSON. What it costs: about the size of the current
 * objects' JSON (one string each, ~1.2 KB for a compact pod), built lazily when a browser first needs it.
 */
import type { KubeObject } from '../k8s/types';

const jsonByObject = new WeakMap<KubeObject, string>();

/** JSON.stringify(obj), cached while `obj` is one of the hub's current objects. Only for objects nobody mutates. */
export function objectJson(obj: KubeObject): string {
  let json = jsonByObject.get(obj);
  if (json === undefined) {
    json = JSON.stringify(obj);
    jsonByObject.set(obj, json);
  }
  return json;
}

/** Drops `obj`'s JSON (it was replaced or deleted: no snapshot will carry it again). */
export function forgetObjectJson(obj: KubeObject): void {
  jsonByObject.delete(obj);
}

/** Whether `obj`'s JSON is held (tests: the cache's bound). */
export function hasObjectJson(obj: KubeObject): boolean {
  return jsonByObject.has(obj);
}

/** `JSON.stringify(objects)` from the cached parts: the same text, without serialising any object twice. */
export function objectsJson(objects: readonly KubeObject[]): string {
  let out = '[';
  for (let i = 0; i < objects.length; i++) out += (i === 0 ? '' : ',') + objectJson(objects[i]);
  return out + ']';
}
