/**
 * The graph's boxes as React Flow nodes that keep what did not change: React Flow re-adopts (and re-measures) every
 * node whose object is new, and a box component whose `data` is a new object renders again. A big rollout moves boxes
 * (a pending lane growing a row pushes the rest down) far more often than it changes what is in them.
 */
import type { Node } from '@xyflow/react';

function sameData(a: Node, b: Node): boolean {
  const da = a.data as Record<string, unknown>;
  const db = b.data as Record<string, unknown>;
  const keys = Object.keys(da);
  return keys.length === Object.keys(db).length && keys.every((k) => da[k] === db[k]);
}

function sameBox(a: Node, b: Node): boolean {
  if (a.type !== b.type || a.className !== b.className || a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  if (a.width !== b.width || a.height !== b.height) return false;
  return sameData(a, b);
}

/**
 * `next` with each box that equals its previous version (same place, size and data, in `cache`) as that previous
 * object, and each other box with its previous `data` object when the data's fields are equal: a box that only moved
 * is a new node (React Flow must move it) whose contents need no render. A new box gets `measured` from its width and
 * height, so React Flow counts it as initialized at once, instead of waiting for a size observation that never comes
 * when only its position changed. `cache` is updated to the result.
 */
export function stableNodes(cache: Map<string, Node>, next: readonly Node[]): Node[] {
  const out: Node[] = [];
  const seen = new Map<string, Node>();
  for (const n of next) {
    const prev = cache.get(n.id);
    let node: Node;
    if (prev && sameBox(prev, n)) node = prev;
    else {
      const data = prev && sameData(prev, n) ? prev.data : n.data;
      node = n.width !== undefined && n.height !== undefined ? { ...n, data, measured: { width: n.width, height: n.height } } : { ...n, data };
    }
    seen.set(n.id, node);
    out.push(node);
  }
  cache.clear();
  for (const [id, node] of seen) cache.set(id, node);
  return out;
}
