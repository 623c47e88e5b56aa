/**
 * The editor's view of a kind's fields, in the shape today's `kubectl explain` (lib/kubectl/commands/info.ts)
 * reads. The schema itself is the kind registry's (lib/k8s/kinds): this is an adapter until kubectl reads the
 * registry directly (lib/kubectl/commands/explain.ts), after which it can go.
 */
import { fieldAt as registryFieldAt, type FieldSchema } from '../k8s/kinds';

export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'map' | 'array' | 'intOrString' | 'any';

export interface Field {
  type: FieldType;
  /** Upstream type name (`Container`, `PodSpec`); for arrays, the item's. */
  typeName?: string;
  /** Korean description. */
  desc: string;
  fields?: Record<string, Field>;
  items?: Field;
  required?: boolean;
}

const TYPES: Record<FieldSchema['type'], FieldType> = {
  string: 'string', integer: 'integer', number: 'integer', boolean: 'boolean', object: 'object', map: 'map', array: 'array',
  intOrString: 'intOrString', quantity: 'any', free: 'any',
};

function toField(s: FieldSchema): Field {
  const field: Field = { type: TYPES[s.type], desc: s.ko ?? '', required: s.required };
  const typeName = s.type === 'array' ? s.items?.typeName : s.typeName;
  if (typeName && s.type !== 'string') field.typeName = typeName;
  if (s.items) field.items = toField(s.items);
  if (s.type === 'object') {
    Object.defineProperty(field, 'fields', {
      enumerable: true,
      get: () => Object.fromEntries(Object.entries(s.fields ?? {}).map(([k, v]) => [k, toField(v)])),
    });
  }
  return field;
}

/** The field at a dotted path under a kind (`spec.template.spec.containers`), or undefined. */
export function fieldAt(kind: string, path: string[]): Field | undefined {
  const s = registryFieldAt(kind, path);
  return s && toField(s);
}
