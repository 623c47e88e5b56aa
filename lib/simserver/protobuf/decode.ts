/**
 * Decode a Kubernetes protobuf body (`k8s\0` + runtime.Unknown envelope + object message) into
 * the JSON object the API server would have received as application/json. Zero values of
 * non-pointer fields are dropped, as Go's `omitempty` would on the JSON path.
 */
import { bytesToBase64 } from '../../k8s/base64';
import { DECODABLE_KINDS, MESSAGES } from './schema';
import { readFields, type RawField } from './wire';
import { setOwn } from '../../sim/json';

/** The 4-byte magic prefix of every Kubernetes protobuf payload. */
export const K8S_PROTOBUF_MAGIC = Uint8Array.from([0x6b, 0x38, 0x73, 0x00]);

/** True when the body starts with the `k8s\0` magic. */
export function isKubernetesProtobuf(body: Uint8Array): boolean {
  return body.length >= 4 && K8S_PROTOBUF_MAGIC.every((b, i) => body[i] === b);
}

/**
 * Decode a protobuf request body into a plain object with apiVersion and kind.
 * Throws an Error with a readable message for bodies it cannot decode.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (!isKubernetesProtobuf(body)) throw new Error('not a Kubernetes protobuf payload (missing k8s\\0 prefix)');
  const envelope = decodeMessage(body.subarray(4), 'Unknown');
  const typeMeta = (envelope.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const kind = typeMeta.kind ?? '';
  if (!DECODABLE_KINDS.includes(kind)) throw new Error(`protobuf decoding of kind "${kind}" is not supported`);
  const raw = envelope.raw instanceof Uint8Array ? envelope.raw : new Uint8Array();
  return { apiVersion: typeMeta.apiVersion, kind, ...decodeMessage(raw, kind) };
}

/** Decode one message of the named type. Unknown field numbers are skipped. */
export function decodeMessage(buf: Uint8Array, type: string): Record<string, unknown> {
  const table = MESSAGES[type];
  if (!table) throw new Error(`protobuf: no schema for ${type}`);
  const out: Record<string, unknown> = {};
  for (const raw of readFields(buf)) {
    const spec = table[raw.field];
    if (!spec) continue;
    const [name, typeExpr] = spec;
    const repeated = typeExpr.endsWith('[]');
    const base = typeExpr.replace(/\[\]$/, '');
    if (base.endsWith('^')) {
      Object.assign(out, decodeMessage(bytesOf(raw), base.slice(0, -1)));
      continue;
    }
    if (base.startsWith('map<')) {
      const [key, value] = decodeMapEntry(raw, base.slice(4, -1));
      const map = (out[name] ??= {}) as Record<string, unknown>;
      setOwn(map, key, value); // a label key `__proto__` stays a key (and is then refused as one)
      continue;
    }
    const value = decodeValue(raw, base);
    if (repeated) {
      ((out[name] ??= []) as unknown[]).push(value);
    } else {
      out[name] = value;
    }
  }
  return dropZeroValues(out, table);
}

function decodeValue(raw: RawField, type: string): unknown {
  const t = type.replace(/!$/, '');
  switch (t) {
    case 'string':
      return new TextDecoder().decode(bytesOf(raw));
    case 'bytes':
      return bytesOf(raw);
    case 'b64':
      return bytesToBase64(raw.bytes ?? new Uint8Array());
    case 'int':
      return raw.value ?? 0;
    case 'bool':
      return (raw.value ?? 0) !== 0;
    case 'time': {
      const { seconds = 0 } = decodeMessage(bytesOf(raw), 'Time') as { seconds?: number };
      return seconds === 0 ? undefined : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 'ios': {
      const v = decodeMessage(bytesOf(raw), 'IntOrString') as { type?: number; intVal?: number; strVal?: string };
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    }
    case 'qty':
      return (decodeMessage(bytesOf(raw), 'Quantity') as { string?: string }).string ?? '';
    default:
      return decodeMessage(bytesOf(raw), t);
  }
}

function decodeMapEntry(raw: RawField, valueType: string): [string, unknown] {
  let key = '';
  let value: unknown = valueType === 'string' || valueType === 'b64' ? '' : undefined;
  for (const f of readFields(bytesOf(raw))) {
    if (f.field === 1) key = new TextDecoder().decode(bytesOf(f));
    if (f.field === 2) value = decodeValue(f, valueType);
  }
  return [key, value];
}

function bytesOf(raw: RawField): Uint8Array {
  if (!raw.bytes) throw new Error(`protobuf: field ${raw.field} is not length-delimited`);
  return raw.bytes;
}

/** omitempty: drop '', 0, false, undefined and empty objects/arrays, except `!` (pointer) fields. */
function dropZeroValues(obj: Record<string, unknown>, table: Record<number, [string, string]>): Record<string, unknown> {
  const keep = new Set(Object.values(table).filter(([, t]) => t.endsWith('!')).map(([n]) => n));
  for (const [k, v] of Object.entries(obj)) {
    if (keep.has(k) && v !== undefined) continue;
    const empty =
      v === undefined || v === '' || v === 0 || v === false ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !Array.isArray(v) && Object.keys(v).length === 0);
    if (empty) delete obj[k];
  }
  return obj;
}
