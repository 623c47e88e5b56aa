/**
 * The three patch flavours kubectl sends: JSON merge patch (RFC 7386), strategic merge patch (lists
 * of containers/ports/env/… merged by their key, `$patch: delete|replace` directives) and JSON patch
 * (RFC 6902). Pure: returns a new object; throws BadRequest StatusErrors on malformed patches.
 *
 * Keys come from the user, so every read and write is of own properties (getOwn/setOwn): a key
 * `__proto__`, `constructor` or `prototype` is just a key, never a way to Object.prototype.
 */
import { badRequest } from '../k8s/status';
import { deepClone, deepEqual, getOwn, setOwn } from './json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386: objects merge recursively, null deletes, everything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return deepClone(patch);
  const out: Obj = isObj(target) ? (deepClone(target) as Obj) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatch(getOwn(out, k), v));
  }
  return out;
}

/** Merge keys of the list fields students patch (from the Kubernetes API's patchMergeKey tags). A Map: `constructor` is no field. */
const MERGE_KEYS = new Map<string, string>([
  ['containers', 'name'],
  ['initContainers', 'name'],
  ['ephemeralContainers', 'name'],
  ['env', 'name'],
  ['volumes', 'name'],
  ['volumeMounts', 'mountPath'],
  ['volumeDevices', 'devicePath'],
  ['imagePullSecrets', 'name'],
  ['ownerReferences', 'uid'],
  ['conditions', 'type'],
  ['hostAliases', 'ip'],
  ['topologySpreadConstraints', 'topologyKey'],
  ['taints', 'key'],
  ['addresses', 'type'],
  ['images', 'names'],
  ['resourceClaims', 'name'],
]);

/** `ports` merge by containerPort in containers and by port in services. */
function mergeKeyFor(field: string, list: Json[]): string | undefined {
  if (field === 'ports') return list.some((p) => isObj(p) && Object.hasOwn(p, 'containerPort')) ? 'containerPort' : 'port';
  return MERGE_KEYS.get(field);
}

/** Strategic merge patch as the API server applies it to built-in types. */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return deepClone(patch);
  const directive = getOwn(patch, '$patch');
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    void _;
    return deepClone(rest);
  }
  if (directive === 'delete') return undefined;
  const out: Obj = isObj(target) ? (deepClone(target) as Obj) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const list = getOwn(out, field);
      if (Array.isArray(list) && Array.isArray(v)) setOwn(out, field, list.filter((x) => !v.some((d) => deepEqual(d, x))));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = getOwn(out, k) as Json | undefined;
    if (Array.isArray(v)) {
      const key = mergeKeyFor(k, [...v, ...(Array.isArray(cur) ? cur : [])]);
      if (key && Array.isArray(cur)) {
        setOwn(out, k, mergeListByKey(cur, v, key));
        continue;
      }
      setOwn(out, k, v.filter((x) => !(isObj(x) && getOwn(x, '$patch') === 'delete')).map((x) => deepClone(x)));
      continue;
    }
    const merged = strategicMergePatch(cur, v);
    if (merged === undefined) delete out[k];
    else setOwn(out, k, merged);
  }
  return out;
}

function mergeListByKey(cur: Json[], patch: Json[], key: string): Json[] {
  if (patch.length === 1 && isObj(patch[0]) && getOwn(patch[0], '$patch') === 'replace') return [];
  const out = cur.map((x) => deepClone(x));
  for (const item of patch) {
    if (!isObj(item)) {
      out.push(item);
      continue;
    }
    const idx = out.findIndex((x) => isObj(x) && deepEqual(getOwn(x, key), getOwn(item, key)));
    if (getOwn(item, '$patch') === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], item) as Json;
    else out.push(strategicMergePatch({}, item) as Json);
  }
  return out;
}

interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: Json;
  from?: string;
}

const fail = (what: string): never => {
  throw badRequest(`the server rejected our request due to an error in our request: ${what}`);
};

/** A JSON pointer's segments; anything but a string (an object with its own `toString`, say) is no pointer. */
function parsePointer(p: unknown): string[] {
  if (p === undefined || p === null || p === '') return [];
  if (typeof p !== 'string') return fail(`JSON pointer ${JSON.stringify(p)} is not a string`);
  if (!p.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request: JSON pointer "${p}" must start with "/"`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6901 array index: digits without leading zeros ("-" is handled by add). NaN otherwise. */
function arrayIndex(s: string): number {
  return /^(0|[1-9][0-9]{0,8})$/.test(s) ? Number(s) : NaN;
}

/** The child at one pointer segment: array elements by index, own properties only. */
function childAt(cur: Json | undefined, s: string): Json | undefined {
  if (Array.isArray(cur)) return cur[arrayIndex(s)];
  if (isObj(cur)) return getOwn(cur, s) as Json | undefined;
  return undefined;
}

/** RFC 6902 JSON patch. Errors use the wording of evanphx/json-patch that the API server surfaces. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = deepClone(target) as Json;
  for (const raw of ops as JsonPatchOp[]) {
    const op = isObj(raw as unknown) ? getOwn(raw, 'op') : undefined;
    const path = parsePointer(getOwn(Object(raw), 'path'));
    const shown = (segs: string[]) => `/${segs.join('/')}`;
    const parentOf = (segs: string[]) => {
      let cur: Json | undefined = doc;
      for (const s of segs.slice(0, -1)) {
        cur = childAt(cur, s);
        if (cur === undefined || cur === null || typeof cur !== 'object') fail(`${String(op)} operation does not apply: doc is missing path: "${shown(segs)}"`);
      }
      if (cur === null || typeof cur !== 'object') fail(`${String(op)} operation does not apply: doc is missing path: "${shown(segs)}"`);
      return cur as Json[] | Obj;
    };
    const getAt = (segs: string[]): Json | undefined => {
      let cur: Json | undefined = doc;
      for (const s of segs) cur = childAt(cur, s);
      return cur;
    };
    const removeAt = (segs: string[]): Json => {
      if (segs.length === 0) fail('remove operation does not apply: doc is missing path: ""');
      const parent = parentOf(segs);
      const last = segs[segs.length - 1];
      if (Array.isArray(parent)) {
        const i = arrayIndex(last);
        if (!(i < parent.length)) fail(`remove operation does not apply: doc is missing path: "${shown(segs)}"`);
        return parent.splice(i, 1)[0];
      }
      if (!Object.hasOwn(parent, last)) fail(`remove operation does not apply: doc is missing path: "${shown(segs)}"`);
      const v = parent[last];
      delete parent[last];
      return v;
    };
    const addAt = (segs: string[], value: Json, replace: boolean) => {
      if (segs.length === 0) {
        doc = value;
        return;
      }
      const parent = parentOf(segs);
      const last = segs[segs.length - 1];
      if (Array.isArray(parent)) {
        const i = last === '-' ? parent.length : arrayIndex(last);
        if (!(i <= parent.length) || (replace && i >= parent.length)) fail(`${String(op)} operation does not apply: doc is missing path: "${shown(segs)}"`);
        if (replace) parent[i] = value;
        else parent.splice(i, 0, value);
      } else {
        if (replace && !Object.hasOwn(parent, last)) fail(`replace operation does not apply: doc is missing key: ${shown(segs)}`);
        setOwn(parent, last, value);
      }
    };
    const value = () => deepClone(getOwn(raw, 'value') as Json);
    switch (op) {
      case 'add':
        addAt(path, value(), false);
        break;
      case 'replace':
        addAt(path, value(), true);
        break;
      case 'remove':
        removeAt(path);
        break;
      case 'move': {
        const v = removeAt(parsePointer(getOwn(raw, 'from')));
        addAt(path, v, false);
        break;
      }
      case 'copy': {
        const from = parsePointer(getOwn(raw, 'from'));
        const v = getAt(from);
        if (v === undefined) fail(`copy operation does not apply: doc is missing from path: "${shown(from)}"`);
        addAt(path, deepClone(v as Json), false);
        break;
      }
      case 'test':
        if (!deepEqual(getAt(path), getOwn(raw, 'value'))) fail('testing value ' + shown(path) + ' failed: test failed');
        break;
      default:
        fail(`Unexpected kind: ${JSON.stringify(op) ?? 'undefined'}`);
    }
  }
  return doc;
}
