/**
 * The JSON of each projected object, serialised and UTF-8 encoded once, and reused as bytes by every snapshot and
 * every delta that carries it (issue 16: at 20,000 pods a snapshot's server time was almost all JSON.stringify,
 * paid again for every browser; with the text cached, it was the text's framing and UTF-8 encoding, 36 MB per
 * browser). A snapshot is then copies of these bytes into the stream's chunks (snapshot-frames.ts), nothing else.
 *
 * Why it cannot go stale: the hub's objects are projected copies (projection.ts) that are replaced on every change,
 * never edited — a changed object is a new object, so it has no entry. Why it cannot outlive them: a WeakMap entry
 * dies with its key, and the reflector forgets an object's JSON as soon as it replaces or drops it, so objects kept
 * only by the hub's resume history (superseded versions) hold no JSON. What it costs: about the size of the current
 * objects' JSON (~1.2 KB for a compact pod, one byte per character: JSON of a pod is nearly all ASCII), built
 * lazily when a browser first needs it.
 */
import type { KubeObject } from '../k8s/types';

const bytesByObject = new WeakMap<KubeObject, Uint8Array>();
/**
 * Objects whose JSON was forgotten: replaced or dropped, never current again. A snapshot still being built when one
 * of its objects is replaced encodes that version without caching it, so a superseded object never holds JSON.
 */
const retired = new WeakSet<KubeObject>();
const encoder = new TextEncoder();

/** UTF-8 of JSON.stringify(obj), without caching it (an object nobody keeps, or a superseded version). */
export function encodeObjectJson(obj: KubeObject): Uint8Array {
  return encoder.encode(JSON.stringify(obj));
}

/** UTF-8 of JSON.stringify(obj), cached while `obj` is one of the hub's current objects. Only for objects nobody mutates. */
export function objectJsonBytes(obj: KubeObject): Uint8Array {
  let bytes = bytesByObject.get(obj);
  if (bytes === undefined) {
    bytes = encodeObjectJson(obj);
    if (!retired.has(obj)) bytesByObject.set(obj, bytes);
  }
  return bytes;
}

/** Drops `obj`'s JSON (it was replaced or deleted: no snapshot will carry it again). */
export function forgetObjectJson(obj: KubeObject): void {
  bytesByObject.delete(obj);
  retired.add(obj);
}

/** Whether `obj`'s JSON is held (tests: the cache's bound; snapshot-frames.ts: what a snapshot must still encode). */
export function hasObjectJson(obj: KubeObject): boolean {
  return bytesByObject.has(obj);
}
