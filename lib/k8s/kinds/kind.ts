/**
 * What a kind is, in one record: its API names as discovery publishes them, its Korean name, the Korean layer
 * over its upstream field schema, and its table columns. Every reader (engine, YAML checker, kubectl, the sim API
 * server's discovery, the graph) reads these records through `lib/k8s/kinds` — nothing else spells them.
 * Imports nothing from the rest of lib/k8s (but types) so every other module there may import the registry.
 */
import type { FieldError } from '../field-errors';

/** A Table column as the API server's printers declare it (meta.k8s.io/v1 TableColumnDefinition). */
export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** A subresource entry of discovery (`deployments/scale`, `pods/log`). */
export interface SubresourceInfo {
  name: string;
  kind: string;
  group?: string;
  version?: string;
  verbs: readonly string[];
}

/** Korean descriptions: upstream type name → field name → text ('' describes the type itself). */
export type KoreanFieldDocs = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * API groups in the order kube-apiserver's discovery lists them (the aggregator's group priorities,
 * cmd/kube-apiserver/app/aggregator.go apiVersionPriorities; metrics.k8s.io is an APIService of priority 100, so
 * last). That order is also `kubectl api-resources`' and `kubectl get all`'s. Groups no kind uses yet are listed so
 * that a kind of a new group needs no change here.
 */
export const API_GROUPS = ['', 'apps', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'discovery.k8s.io', 'metrics.k8s.io'] as const;
export type ApiGroup = (typeof API_GROUPS)[number];

/**
 * A kind's own API-server rules where they are plain functions of the object (pkg/registry/<group>/<kind>/strategy.go
 * and pkg/apis/<group>/validation): the engine's write path calls them, so a kind with no controller needs no
 * change in lib/sim. Kinds whose rules need the engine (pods, services) keep them in lib/sim.
 */
export interface KindStrategy {
  /** A decoding failure of the body (`illegal base64 data at input byte 4`): a 400, before anything else. */
  decodeError?(obj: never): string | undefined;
  /** Defaulting and normalisation on create and update (conversion + SetDefaults + PrepareFor*). */
  prepare?(obj: never): unknown;
  validate?(obj: never): FieldError[];
  validateUpdate?(next: never, old: never): FieldError[];
}

/**
 * A kind module's record. Modules write `{ … } as const satisfies KindDef` so the record keeps its literal `kind`
 * and its typed `cells` parameter: the registry derives the kind-name union and the kind → object type map from them.
 */
export interface KindDef {
  /** `Deployment`: also the name of the root type in the upstream schema. */
  kind: string;
  /** API group; '' is the core group. */
  group: ApiGroup;
  version: 'v1';
  plural: string;
  singular: string;
  shortNames: readonly string[];
  /** Discovery categories; `all` puts the kind in `kubectl get all`. */
  categories: readonly string[];
  namespaced: boolean;
  /** The kubernetes.io/ko term: 디플로이먼트. */
  ko: string;
  /** Korean descriptions of this kind's own types (see KoreanFieldDocs). */
  fieldsKo: KoreanFieldDocs;
  /** Server-side Table columns, all priorities (pkg/printers/internalversion). */
  columns: readonly TableColumnDefinition[];
  /** One Table row's cells for an object of this kind; `now` (epoch ms) makes ages deterministic. */
  cells(obj: never, now: number): unknown[];
  verbs: readonly string[];
  subresources: readonly SubresourceInfo[];
  strategy?: KindStrategy;
  /**
   * `metadata.generation` counts spec changes: 1 on create, +1 on each update that changes `spec` (the kind's
   * strategy PrepareForUpdate), so its controller can report `status.observedGeneration`.
   */
  generation?: true;
  /**
   * Set when the API marks this version deprecated (the `+k8s:prerelease-lifecycle-gen:deprecated` and `:replacement`
   * tags in k8s.io/api): the release it was deprecated in and its replacement, e.g. `discovery.k8s.io/v1 EndpointSlice`.
   */
  deprecated?: { since: string; replacement: string };
}

/** Verbs every fully served resource has (most of kube-apiserver's REST storages). */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;
const STATUS_VERBS = ['get', 'patch', 'update'] as const;
export const statusSubresource = (kind: string): SubresourceInfo => ({ name: 'status', kind, verbs: STATUS_VERBS });
export const scaleSubresource: SubresourceInfo = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS };

type ColumnSpec = [name: string, type?: TableColumnDefinition['type'], priority?: number, description?: string];

/** Descriptions the printers reuse across kinds (from ObjectMeta's and the template's field docs). */
const SHARED_COLUMN_DOCS: Record<string, string> = {
  Name: 'Name must be unique within a namespace.',
  Age: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  Containers: 'Names of each container in the template.',
  Images: 'Images referenced by each container in the template.',
};

/** Column definitions from compact specs: `['Ready', 'string', 0, 'The aggregate readiness…']`. */
export function columns(specs: ColumnSpec[]): TableColumnDefinition[] {
  return specs.map(([name, type = 'string', priority = 0, description = '']) => ({
    name,
    type,
    format: name === 'Name' ? 'name' : '',
    description: description || SHARED_COLUMN_DOCS[name] || '',
    priority,
  }));
}

/**
 * The warning a 1.33+ API server sends with every request on a deprecated API version, as
 * k8s.io/apiserver/pkg/endpoints/deprecation/deprecation.go (WarningMessage) words it:
 * `v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice`. Undefined for a current API.
 */
export function deprecationWarning(info: Pick<KindDef, 'kind' | 'group' | 'version' | 'deprecated'>): string | undefined {
  if (!info.deprecated) return undefined;
  const groupVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return `${groupVersion} ${info.kind} is deprecated in v${info.deprecated.since}+; use ${info.deprecated.replacement}`;
}
