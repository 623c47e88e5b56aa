/**
 * The field schema of every registered kind: the upstream structure (upstream/structs.ts, generated from the
 * Kubernetes 1.34 Go types) with the registry's Korean descriptions laid over it. One schema serves the API
 * server's strict decoding (engine), the editor's checks and `kubectl explain`.
 * Struct field maps are built on first use and cached by type name: O(fields of the types actually visited).
 */
import { KOREAN_FIELD_DOCS, kindInfo } from './registry';
import { ROOT_FIELDS_KO } from './meta';
import { ENUMS, STRUCTS } from './upstream/structs';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'map' | 'array' | 'intOrString' | 'quantity' | 'free';

export interface FieldSchema {
  type: FieldType;
  /**
   * The upstream type this value is (struct name, or IntOrString / Quantity / Time / MicroTime / RawExtension /
   * FieldsV1); undefined for plain scalars. kubectl explain prints it for structs and the non-string specials.
   */
  typeName?: string;
  required: boolean;
  /** Allowed values of an enum-typed string (upstream `+enum`). */
  enum?: readonly string[];
  /** Korean description of this field (for a kind's root: of the kind). */
  ko?: string;
  /** Where the field is declared upstream, for its English description: ['DeploymentSpec', 'strategy']. */
  declaredIn?: readonly [typeName: string, field: string];
  /** Element schema of a list. */
  items?: FieldSchema;
  /** Value schema of a map. */
  values?: FieldSchema;
  /** Fields of a struct, in upstream declaration order. */
  readonly fields?: Readonly<Record<string, FieldSchema>>;
}

const SCALARS: Record<string, Pick<FieldSchema, 'type' | 'typeName'>> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  Time: { type: 'string', typeName: 'Time' },
  MicroTime: { type: 'string', typeName: 'MicroTime' },
  IntOrString: { type: 'intOrString', typeName: 'IntOrString' },
  Quantity: { type: 'quantity', typeName: 'Quantity' },
  RawExtension: { type: 'free', typeName: 'RawExtension' },
  FieldsV1: { type: 'free', typeName: 'FieldsV1' },
};

const structCache = new Map<string, Readonly<Record<string, FieldSchema>>>();

/** Korean text for a field of an upstream type ('' = the type itself). */
export function koreanDoc(typeName: string, field: string): string | undefined {
  return KOREAN_FIELD_DOCS[typeName]?.[field];
}

/** Parses a compact upstream type (`[]ContainerPort`, `map[string]Quantity`, `string:PullPolicy`, `Probe!`). */
function schemaOf(spec: string, meta: Pick<FieldSchema, 'ko' | 'declaredIn' | 'required'>): FieldSchema {
  if (spec.startsWith('[]')) return { type: 'array', ...meta, items: schemaOf(spec.slice(2), { required: false }) };
  if (spec.startsWith('map[string]')) return { type: 'map', ...meta, values: schemaOf(spec.slice(11), { required: false }) };
  const [base, enumName] = spec.split(':');
  if (SCALARS[base]) return { ...SCALARS[base], ...meta, ...(enumName ? { enum: ENUMS[enumName] } : {}) };
  if (!STRUCTS[base]) throw new Error(`upstream schema has no type ${base}`);
  return {
    type: 'object',
    typeName: base,
    ...meta,
    get fields() {
      return structFields(base);
    },
  };
}

/** The fields of an upstream struct with their Korean descriptions. */
export function structFields(typeName: string, rootKind?: string): Readonly<Record<string, FieldSchema>> {
  const cached = rootKind ? undefined : structCache.get(typeName);
  if (cached) return cached;
  const out: Record<string, FieldSchema> = {};
  for (const [name, raw] of Object.entries(STRUCTS[typeName] ?? {})) {
    const required = raw.endsWith('!');
    const ko = koreanDoc(typeName, name) ?? (rootKind ? ROOT_FIELDS_KO[name] : undefined);
    out[name] = schemaOf(required ? raw.slice(0, -1) : raw, { required, declaredIn: [typeName, name], ...(ko ? { ko } : {}) });
  }
  if (!rootKind) structCache.set(typeName, out);
  return out;
}

/** The root schema of a registered kind, or undefined for an unknown kind. */
export function kindSchema(kind: string): FieldSchema | undefined {
  if (!kindInfo(kind) || !STRUCTS[kind]) return undefined;
  const fields = structFields(kind, kind);
  return { type: 'object', typeName: kind, required: false, ko: koreanDoc(kind, ''), fields };
}

/** Steps into a list's items and a map's values, the way `kubectl explain` walks `spec.containers.name`. */
export function elementOf(field: FieldSchema): FieldSchema {
  if (field.type === 'array' && field.items) return elementOf(field.items);
  if (field.type === 'map' && field.values) return elementOf(field.values);
  return field;
}

/** The field at a path under a kind (`['spec', 'template', 'spec', 'containers']`), or undefined. */
export function fieldAt(kind: string, path: readonly string[]): FieldSchema | undefined {
  let field = kindSchema(kind);
  for (const part of path) {
    const fields = field && elementOf(field).fields;
    const next: FieldSchema | undefined = fields && Object.hasOwn(fields, part) ? fields[part] : undefined;
    if (!next) return undefined;
    field = next;
  }
  return field;
}

/**
 * Paths of fields the kind does not know, as the API server's strict decoding (fieldValidation=Strict, kubectl's
 * default) names them: `["spec.replica", "spec.template.spec.containers[0].imagee"]`. O(size of obj).
 */
export function unknownFields(kind: string, obj: unknown): string[] {
  const out: string[] = [];
  const root = kindSchema(kind);
  if (root) walk(root, obj, '', out);
  return out;
}

function walk(field: FieldSchema, value: unknown, path: string, out: string[]): void {
  if (value == null || typeof value !== 'object') return;
  if (field.type === 'array') {
    if (Array.isArray(value) && field.items) value.forEach((v, i) => walk(field.items!, v, `${path}[${i}]`, out));
    return;
  }
  if (Array.isArray(value)) return;
  if (field.type === 'map') {
    if (field.values) for (const [k, v] of Object.entries(value)) walk(field.values, v, `${path}[${k}]`, out);
    return;
  }
  if (field.type !== 'object' || !field.fields) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    // own fields only: `constructor` is not a field just because every object inherits one
    const sub = Object.hasOwn(field.fields, k) ? field.fields[k] : undefined;
    if (!sub) out.push(p);
    else walk(sub, v, p, out);
  }
}

/** The Go type encoding/json names in `cannot unmarshal … of type …` (`v1.Container`, `[]string`, `int32`). */
export function goType(field: FieldSchema): string {
  switch (field.type) {
    case 'object': return `v1.${field.typeName}`;
    case 'array': return `[]${field.items ? goType(field.items) : 'interface {}'}`;
    case 'map': return `map[string]${field.values ? goType(field.values) : 'string'}`;
    case 'integer': return 'int32';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'intOrString': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
    default: return 'string';
  }
}

/**
 * The decoder's error for a value of the wrong type, the same words for the editor and the engine:
 * `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`.
 * `actual` is the JSON type (`string`, `number`, `boolean`, `object`, `array`); `goField` is `<parent type>.<dotted path>`.
 */
export function unmarshalError(kind: string, apiVersion: string, actual: string, goField: string, field: FieldSchema): string {
  return `${kind} in version "${apiVersion.replace(/^.*\//, '')}" cannot be handled as a ${kind}: json: cannot unmarshal ${actual} into Go struct field ${goField} of type ${goType(field)}`;
}

/** The JSON type of a decoded value, as `unmarshalError` names it. */
export function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

/** Whether a decoded JSON value fits a field's type; null always does (it clears the field). */
export function valueFits(field: FieldSchema, v: unknown): boolean {
  const t = jsonTypeOf(v);
  // JSON has no undefined: a property holding it is absent on the wire (JSON.stringify drops it), not a type error
  if (t === 'null' || t === 'undefined' || field.type === 'free') return true;
  switch (field.type) {
    case 'string': return t === 'string';
    case 'integer': return Number.isSafeInteger(v);
    case 'number': return t === 'number';
    case 'boolean': return t === 'boolean';
    case 'intOrString': case 'quantity': return t === 'string' || t === 'number';
    case 'object': case 'map': return t === 'object';
    case 'array': return t === 'array';
  }
}

/**
 * The first value of the wrong type in a decoded object, worded as the API server's decoder reports it (it
 * stops at the first). The engine checks this before anything reads the object, so a string is a string.
 * O(size of obj).
 */
export function firstTypeError(kind: string, apiVersion: string, obj: unknown): string | undefined {
  const root = kindSchema(kind);
  if (!root) return undefined;
  const walkTypes = (field: FieldSchema, v: unknown, path: string[], parentType: string): string | undefined => {
    if (!valueFits(field, v)) return unmarshalError(kind, apiVersion, jsonTypeOf(v), `${parentType}.${path.join('.')}`, field);
    if (v === null || typeof v !== 'object') return undefined;
    if (field.type === 'array' && field.items && Array.isArray(v)) {
      for (const item of v) {
        const e = walkTypes(field.items, item, path, parentType);
        if (e) return e;
      }
      return undefined;
    }
    if (field.type === 'map' && field.values) {
      for (const value of Object.values(v)) {
        const e = walkTypes(field.values, value, path, parentType);
        if (e) return e;
      }
      return undefined;
    }
    if (field.type !== 'object' || !field.fields) return undefined;
    const fields = field.fields;
    for (const [k, child] of Object.entries(v)) {
      if (!Object.hasOwn(fields, k)) continue; // unknown fields are strict decoding's to report
      const e = walkTypes(fields[k], child, [...path, k], field.typeName ?? parentType);
      if (e) return e;
    }
    return undefined;
  };
  return walkTypes(root, obj, [], kind);
}
