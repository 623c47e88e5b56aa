/**
 * /openapi/v3 as kube-apiserver serves it (k8s.io/kube-openapi pkg/handler3): an index naming one document per
 * group-version (`{"paths":{"apis/apps/v1":{"serverRelativeURL":"/openapi/v3/apis/apps/v1?hash=…"}}}`) and
 * each group-version's document, generated from the kind registry's upstream schema. Real kubectl ≥ 1.27 reads
 * it for `kubectl explain` (kubectl pkg/explain/v2: finds the GVK on a path's operation, then the
 * components.schemas entry carrying that `x-kubernetes-group-version-kind`) and to learn that the server
 * validates fields itself (cli-runtime pkg/resource/query_param_verifier_v3.go: a `fieldValidation` query
 * parameter on the kind's PATCH operation), so `kubectl apply --validate=strict` gets the server's error.
 * Documents are built once per process: O(types reachable from the group-version's kinds).
 */
import { createHash } from 'node:crypto';
import { apiVersionOf, type KindInfo } from '../k8s/kinds';
import { DOCS } from '../k8s/kinds/upstream/docs';
import { PACKAGES } from '../k8s/kinds/upstream/packages';
import { ENUMS, STRUCTS } from '../k8s/kinds/upstream/structs';
import { K8S_VERSION } from '../sim';
import { SERVED } from './resources';

type Schema = Record<string, unknown>;

/**
 * The types the OpenAPI describes as scalars or free-form objects, under their real definition names. IntOrString and
 * Quantity are `oneOf` in v3 (their OpenAPIV3OneOfTypes in apimachinery), so kubectl explain prints their names.
 */
const SPECIALS: Record<string, { name: string; schema: Schema }> = {
  Time: { name: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', schema: { type: 'string', format: 'date-time' } },
  MicroTime: { name: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', schema: { type: 'string', format: 'date-time' } },
  IntOrString: { name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', schema: { oneOf: [{ type: 'integer' }, { type: 'string' }], format: 'int-or-string' } },
  Quantity: { name: 'io.k8s.apimachinery.pkg.api.resource.Quantity', schema: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
  RawExtension: { name: 'io.k8s.apimachinery.pkg.runtime.RawExtension', schema: { type: 'object' } },
  FieldsV1: { name: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', schema: { type: 'object' } },
};
const PLAIN = new Set(['string', 'integer', 'number', 'boolean']);

/** `io.k8s.api.apps.v1.Deployment`, `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`: the Go package, dotted. */
export function definitionName(typeName: string): string {
  const special = SPECIALS[typeName];
  if (special) return special.name;
  const pkg = PACKAGES[typeName];
  if (!pkg) throw new Error(`upstream schema has no package for ${typeName}`);
  return pkg === 'meta' ? `io.k8s.apimachinery.pkg.apis.meta.v1.${typeName}` : `io.k8s.api.${pkg}.v1.${typeName}`;
}

const ref = (typeName: string) => ({ $ref: `#/components/schemas/${definitionName(typeName)}` });

/** A property's schema from the compact upstream type (`[]Container`, `map[string]Quantity`, `string:PullPolicy`). */
function propertySchema(spec: string, reached: Set<string>): Schema {
  if (spec.startsWith('[]')) return { type: 'array', items: propertySchema(spec.slice(2), reached) };
  if (spec.startsWith('map[string]')) return { type: 'object', additionalProperties: propertySchema(spec.slice(11), reached) };
  const [base, enumName] = spec.split(':');
  if (PLAIN.has(base)) return enumName ? { type: base, enum: ENUMS[enumName] } : { type: base };
  reached.add(base);
  // kube-openapi's v3 builder wraps a reference in allOf so the property can carry its own description
  return { allOf: [ref(base)] };
}

function structSchema(typeName: string, gvk: Schema | undefined, reached: Set<string>): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [field, raw] of Object.entries(STRUCTS[typeName])) {
    const isRequired = raw.endsWith('!');
    if (isRequired) required.push(field);
    const description = DOCS[typeName]?.[field];
    properties[field] = { ...propertySchema(isRequired ? raw.slice(0, -1) : raw, reached), ...(description ? { description } : {}) };
  }
  const schema: Schema = { description: DOCS[typeName]?.[''] ?? '', type: 'object', properties };
  if (required.length) schema.required = required;
  if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  return schema;
}

const gvkOf = (k: KindInfo) => ({ group: k.group, kind: k.kind, version: k.version });

function queryParameter(name: string, description: string): Schema {
  return { name, in: 'query', description, schema: { type: 'string', uniqueItems: true } };
}

/** The query parameters of a write, as kube-apiserver declares them (fieldValidation is what kubectl looks for). */
const WRITE_PARAMETERS = [
  queryParameter('dryRun', 'When present, indicates that modifications should not be persisted.'),
  queryParameter('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
  queryParameter(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
  ),
];

function operation(k: KindInfo, action: string, verb: string, extra: Schema = {}): Schema {
  return {
    description: `${verb} ${k.kind}`,
    operationId: `${verb}${k.kind}`,
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref(k.kind) } } } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvkOf(k),
    ...extra,
  };
}

/**
 * The collection and item paths of a kind, with the operations its verbs allow. PATCH accepts JSON, merge and apply
 * patches but does not list strategic merge: the schema carries no patch-merge-key metadata yet, so kubectl apply
 * computes its strategic merge patch from the types compiled into kubectl, as it does without /openapi/v3.
 */
function kindPaths(k: KindInfo): Record<string, Schema> {
  const prefix = `/${k.group ? `apis/${apiVersionOf(k)}` : `api/${k.version}`}${k.namespaced ? '/namespaces/{namespace}' : ''}/${k.plural}`;
  const can = (verb: string) => k.verbs.includes(verb);
  const collection: Schema = {};
  const item: Schema = {};
  if (can('list')) collection.get = operation(k, 'list', 'list');
  if (can('create')) collection.post = operation(k, 'post', 'create', { parameters: WRITE_PARAMETERS });
  if (can('get')) item.get = operation(k, 'get', 'read');
  if (can('update')) item.put = operation(k, 'put', 'replace', { parameters: WRITE_PARAMETERS });
  if (can('patch')) {
    const body = { content: Object.fromEntries(['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'].map((t) => [t, { schema: { type: 'object' } }])) };
    item.patch = operation(k, 'patch', 'patch', { parameters: [...WRITE_PARAMETERS, queryParameter('force', 'Force is going to "force" Apply requests.')], requestBody: body });
  }
  if (can('delete')) item.delete = operation(k, 'delete', 'delete');
  const paths: Record<string, Schema> = {};
  if (Object.keys(collection).length) paths[prefix] = collection;
  if (Object.keys(item).length) paths[`${prefix}/{name}`] = item;
  return paths;
}

/** The OpenAPI v3 document of one group-version: its kinds' paths and every type their schemas reach. */
function buildDocument(kinds: readonly KindInfo[]): Schema {
  const schemas: Record<string, Schema> = {};
  const roots = new Map(kinds.map((k) => [k.kind as string, k]));
  const queue = [...roots.keys()];
  const seen = new Set(queue);
  while (queue.length) {
    const typeName = queue.shift()!;
    const reached = new Set<string>();
    const special = SPECIALS[typeName];
    const root = roots.get(typeName);
    schemas[definitionName(typeName)] = special
      ? { description: DOCS[typeName]?.[''] ?? '', ...special.schema }
      : structSchema(typeName, root && gvkOf(root), reached);
    for (const t of reached) if (!seen.has(t)) (seen.add(t), queue.push(t));
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: K8S_VERSION },
    paths: Object.assign({}, ...kinds.map(kindPaths)),
    components: { schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))) },
  };
}

interface GroupVersionDocument {
  body: string;
  hash: string;
}

let cache: Map<string, GroupVersionDocument> | undefined;

/** Every served group-version's document, by its index key (`api/v1`, `apis/apps/v1`), built on first use. */
function documents(): Map<string, GroupVersionDocument> {
  if (cache) return cache;
  cache = new Map();
  const byPath = new Map<string, KindInfo[]>();
  for (const k of SERVED) {
    const key = k.group ? `apis/${k.group}/${k.version}` : `api/${k.version}`;
    byPath.set(key, [...(byPath.get(key) ?? []), k]);
  }
  for (const [key, kinds] of byPath) {
    const body = JSON.stringify(buildDocument(kinds));
    // kube-openapi names each document version by the SHA-512 of its bytes, upper-case hex
    cache.set(key, { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() });
  }
  return cache;
}

/** The /openapi/v3 index (handler3.OpenAPIV3Discovery). */
export function openApiV3Index(): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [key, doc] of documents()) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` };
  return { paths };
}

/** The document at `/openapi/v3/<key>`, or undefined when no served group-version has that key. */
export function openApiV3Document(key: string): GroupVersionDocument | undefined {
  return documents().get(key);
}
