/**
 * Field patches for the worker channel: what changed between the last version of an object the page holds and the
 * new one, as a flat list of (path, new value), and the page-side rebuild. A pod's status write changes a handful of
 * fields (resourceVersion, a condition, a container state) while the message used to carry the whole pod again, and the
 * page decodes every message on its main thread.
 *
 * The rebuilt object must be the engine's object exactly — same fields, same key order, same values — because the
 * page hands it to kubectl (`-o yaml` prints keys in order) and the store. So the diff only descends into an object
 * whose keys keep their order (new keys may follow at the end: a copy that sets them appends them in the same order)
 * and into arrays of the same length; anything else is replaced whole at that path.
 *
 * Cost: the engine stores a new object per write and shares unchanged parts with the previous version, so most
 * subtrees compare by reference; the diff is O(changed paths × depth) plus the fields of objects it descends into.
 */

/** Path segments are joined with this character, which Kubernetes names and keys never contain. */
const SEP = '\u0000';

/** Flat [path, value, path, value, …]; a path is the keys from the root joined by SEP. Structured-clone safe. */
export type FieldPatch = unknown[];

type Plain = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A key the diff can address: not the separator, not one a plain assignment would treat specially. */
const addressable = (k: string) => !k.includes(SEP) && k !== '__proto__';

/**
 * The fields of `next` that differ from `prev`, as (path, value) pairs to apply to `prev` in order. Null when the two
 * differ at the root in a way a field patch can't express (then send `next` whole).
 */
export function fieldPatch(prev: unknown, next: unknown): FieldPatch | null {
  if (!isPlainObject(prev) || !isPlainObject(next)) return null;
  const ops: FieldPatch = [];
  return diffObject(prev, next, '', ops) ? ops : null;
}

/** Pushes ops for every differing field; false when the keys of `next` are not those of `prev` plus new ones at the end. */
function diffObject(prev: Plain, next: Plain, at: string, ops: FieldPatch): boolean {
  const prevKeys = Object.keys(prev);
  const nextKeys = Object.keys(next);
  if (nextKeys.length < prevKeys.length) return false;
  for (let i = 0; i < prevKeys.length; i++) if (prevKeys[i] !== nextKeys[i]) return false;
  for (const k of nextKeys) if (!addressable(k)) return false;
  for (let i = 0; i < nextKeys.length; i++) {
    const k = nextKeys[i];
    diffValue(i < prevKeys.length, prev[k], next[k], at + k, ops);
  }
  return true;
}

function diffValue(had: boolean, a: unknown, b: unknown, path: string, ops: FieldPatch): void {
  if (had && (a === b || (a !== a && b !== b))) return;
  if (had && isPlainObject(a) && isPlainObject(b)) {
    const mark = ops.length;
    if (diffObject(a, b, path + SEP, ops)) return;
    ops.length = mark;
  } else if (had && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < b.length; i++) diffValue(true, a[i], b[i], path + SEP + i, ops);
    return;
  }
  ops.push(path, b);
}

/**
 * `base` with the patch applied, leaving `base` untouched: each object on a patched path is copied once (so unchanged
 * parts keep their identity, which lets the page's memoised views skip them). O(ops × depth).
 */
export function applyFieldPatch<T>(base: T, ops: FieldPatch): T {
  const root = copyOf(base as unknown as object);
  // the objects copied so far: a patch touches a handful, so a list beats a Set
  const copied: object[] = [root];
  for (let i = 0; i < ops.length; i += 2) {
    const keys = pathKeys(ops[i] as string);
    let node = root as Plain;
    for (let d = 0; d < keys.length - 1; d++) {
      const child = node[keys[d]] as object;
      if (copied.includes(child)) {
        node = child as Plain;
        continue;
      }
      const copy = copyOf(child);
      copied.push(copy);
      node[keys[d]] = copy;
      node = copy as Plain;
    }
    node[keys[keys.length - 1]] = ops[i + 1];
  }
  return root as T;
}

const copyOf = (o: object): object => (Array.isArray(o) ? o.slice() : { ...o });

/**
 * A path's keys. The same few dozen paths (a pod's resourceVersion, its Ready condition's status) come in every
 * status write of a rollout, so their splits are kept rather than made again for each write; at most PATHS_KEPT.
 */
const pathSplits = new Map<string, readonly string[]>();
const PATHS_KEPT = 4096;
function pathKeys(path: string): readonly string[] {
  let keys = pathSplits.get(path);
  if (!keys) {
    if (pathSplits.size >= PATHS_KEPT) pathSplits.clear();
    pathSplits.set(path, (keys = path.split(SEP)));
  }
  return keys;
}
