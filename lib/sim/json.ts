/**
 * Plain-JSON helpers: fast deep clone, canonical (key-sorted) serialisation, deep equality, and
 * the own-property accessors that keep user-chosen keys such as `__proto__` from reaching
 * Object.prototype. JSON.parse (and YAML's toJS) give `{"__proto__": …}` an own property of that
 * name; a plain `out[k] = v` with that k would instead replace out's prototype.
 */

/** obj[key] only when it is obj's own property: `constructor` and `__proto__` are never inherited answers. */
export function getOwn(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** obj[key] = value as an own data property, also for `__proto__` (which `=` would treat as the prototype). */
export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else (obj as Record<string, unknown>)[key] = value;
}

/**
 * Deep clone for JSON-like data (objects, arrays, primitives). Faster than structuredClone for small
 * trees. for…in is the fast loop (Object.keys costs half again as much on pods); on plain data it
 * sees own keys only, since Object.prototype has no enumerable properties (and nothing here can add
 * one). An own `__proto__` key is copied as a key, not made the copy's prototype.
 */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(deepClone) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    if (k === '__proto__') setOwn(out, k, deepClone(x));
    else out[k] = deepClone(x);
  }
  return out as T;
}

/**
 * `{ ...base, ...fields }` for plain data (same keys in the same order, same values), built so that results with one
 * key order share one hidden class. V8 (Node 20) gives an object spread that adds a key its source lacks
 * (`{ ...spec, nodeName }`) a hidden class of its own on every call: each bound pod's spec and each pod's first status
 * with a sandbox then had a map of its own, so every function reading `pod.spec` or `pod.status` saw thousands of maps
 * (megamorphic loads, wrong-map deopts and TurboFan recompiles) and each pod kept a map and a descriptor array alive.
 * Object.assign onto a fresh literal takes the shared transitions. A base with an own `__proto__` key takes the spread
 * (assigning that key would set the copy's prototype).
 */
export function withFields<T extends object, F extends object>(base: T | undefined, fields: F): Omit<T, keyof F> & F {
  if (base !== undefined && Object.hasOwn(base, '__proto__')) return { ...base, ...fields };
  return Object.assign({}, base, fields);
}

export type UnsafeInput = { problem: 'depth'; path: string } | { problem: 'proto-key'; path: string };

/**
 * The first reason a decoded body may not enter the engine: nesting deeper than `maxDepth`
 * (everything downstream recurses), or an own `__proto__` key, which no Kubernetes field, label or
 * annotation key can be (they start with a letter or digit) and which would turn into a prototype
 * at the first plain assignment. Iterative (the input may be deeper than the stack); stops at the
 * first finding. O(size of the input).
 */
export function findUnsafeInput(value: unknown, maxDepth: number): UnsafeInput | undefined {
  interface Visit { v: unknown; depth: number; parent?: Visit; key?: string | number }
  // paths are built only for the finding: a 3 MiB body has a million nodes
  const pathOf = (at: Visit | undefined, last?: string): string => {
    const parts: string[] = last === undefined ? [] : [last];
    for (let x = at; x?.parent; x = x.parent) parts.unshift(typeof x.key === 'number' ? `[${x.key}]` : `.${x.key}`);
    return parts.join('').replace(/^\./, '');
  };
  const stack: Visit[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { v, depth } = visit;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { problem: 'depth', path: pathOf(visit) };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, parent: visit, key: i });
      continue;
    }
    for (const k of Object.keys(v)) {
      if (k === '__proto__') return { problem: 'proto-key', path: pathOf(visit, `.${k}`) };
      stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1, parent: visit, key: k });
    }
  }
  return undefined;
}

/** JSON with object keys sorted, so equal data gives equal strings regardless of key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',') + ']';
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((v as Record<string, unknown>)[k])).join(',') + '}';
}

/** Structural equality ignoring key order and undefined members. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b || (a == null && b == null && a === b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}
