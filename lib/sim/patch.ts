/**
 * The three patch flavours kubectl sends: JSON merge patch (RFC 7386), strategic merge patch (lists
 * of containers/ports/env/… merged by their key, `$patch: delete|replace` directives) and JSON patch
 * (RFC 6902). Pure: returns a new object; throws BadRequest StatusErrors on malformed patches.
 */
import { badRequest } from './errors';
import { deepClone, deepEqual } from './json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386: objects merge recursively, null deletes, everything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return deepClone(patch);
  const out: Obj = isObj(target) ? { ...(deepClone(target) as Obj) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
}

/** Merge keys of the list fields students patch (from the Kubernetes API's patchMergeKey tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  taints: 'key',
  addresses: 'type',
  images: 'names',
  resourceClaims: 'name',
};

/** `ports` merge by containerPort in containers and by port in services. */
function mergeKeyFor(field: string, list: Json[]): string | undefined {
  if (field === 'ports') return list.some((p) => isObj(p) && 'containerPort' in p) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

/** Strategic merge patch as the API server applies it to built-in types. */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return deepClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    void _;
    return deepClone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Obj = isObj(target) ? { ...(deepClone(target) as Obj) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = (out[field] as Json[]).filter((x) => !v.some((d) => deepEqual(d, x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (Array.isArray(v)) {
      const key = mergeKeyFor(k, [...v, ...(Array.isArray(cur) ? cur : [])]);
      if (key && Array.isArray(cur)) {
        out[k] = mergeListByKey(cur, v, key);
        continue;
      }
      out[k] = v.filter((x) => !(isObj(x) && x.$patch === 'delete')).map((x) => deepClone(x));
      continue;
    }
    const merged = strategicMergePatch(cur, v);
    if (merged === undefined) delete out[k];
    else out[k] = merged as Json;
  }
  return out;
}

function mergeListByKey(cur: Json[], patch: Json[], key: string): Json[] {
  if (patch.length === 1 && isObj(patch[0]) && patch[0].$patch === 'replace') return [];
  const out = cur.map((x) => deepClone(x));
  for (const item of patch) {
    if (!isObj(item)) {
      out.push(item);
      continue;
    }
    const idx = out.findIndex((x) => isObj(x) && deepEqual(x[key], item[key]));
    if (item.$patch === 'delete') {
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

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request: JSON pointer "${p}" must start with "/"`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 JSON patch. Errors use the wording of evanphx/json-patch that the API server surfaces. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = deepClone(target) as Json;
  for (const raw of ops as JsonPatchOp[]) {
    const op = raw?.op;
    const path = parsePointer(String(raw?.path ?? ''));
    const fail = (what: string): never => {
      throw badRequest(`the server rejected our request due to an error in our request: ${what}`);
    };
    const parentOf = (segs: string[]) => {
      let cur: Json = doc;
      for (const s of segs.slice(0, -1)) {
        if (Array.isArray(cur)) cur = cur[Number(s)];
        else if (isObj(cur)) cur = cur[s];
        else cur = null;
        if (cur === undefined || cur === null) fail(`${op} operation does not apply: doc is missing path: "/${segs.join('/')}"`);
      }
      return cur as Json[] | Obj;
    };
    const getAt = (segs: string[]): Json | undefined => {
      let cur: Json | undefined = doc;
      for (const s of segs) {
        if (Array.isArray(cur)) cur = cur[Number(s)];
        else if (isObj(cur)) cur = cur[s];
        else return undefined;
      }
      return cur;
    };
    const removeAt = (segs: string[]): Json => {
      const parent = parentOf(segs);
      const last = segs[segs.length - 1];
      if (Array.isArray(parent)) {
        const i = Number(last);
        if (!(i >= 0 && i < parent.length)) fail(`remove operation does not apply: doc is missing path: "/${segs.join('/')}"`);
        return parent.splice(i, 1)[0];
      }
      if (!(last in parent)) fail(`remove operation does not apply: doc is missing path: "/${segs.join('/')}"`);
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
        const i = last === '-' ? parent.length : Number(last);
        if (!(i >= 0 && i <= parent.length) || (replace && i >= parent.length)) fail(`${op} operation does not apply: doc is missing path: "/${segs.join('/')}"`);
        if (replace) parent[i] = value;
        else parent.splice(i, 0, value);
      } else {
        if (replace && !(last in parent)) fail(`replace operation does not apply: doc is missing key: /${segs.join('/')}`);
        parent[last] = value;
      }
    };
    switch (op) {
      case 'add':
        addAt(path, deepClone(raw.value as Json), false);
        break;
      case 'replace':
        addAt(path, deepClone(raw.value as Json), true);
        break;
      case 'remove':
        removeAt(path);
        break;
      case 'move': {
        const v = removeAt(parsePointer(String(raw.from ?? '')));
        addAt(path, v, false);
        break;
      }
      case 'copy': {
        const v = getAt(parsePointer(String(raw.from ?? '')));
        if (v === undefined) fail(`copy operation does not apply: doc is missing from path: "${raw.from}"`);
        addAt(path, deepClone(v as Json), false);
        break;
      }
      case 'test':
        if (!deepEqual(getAt(path), raw.value)) fail('testing value /' + path.join('/') + ' failed: test failed');
        break;
      default:
        fail(`Unexpected kind: ${String(op)}`);
    }
  }
  return doc;
}
