/**
 * The resource table the sim cluster server publishes: one row per REST resource, with the
 * names, short names and categories the real API server advertises in discovery (kubectl uses
 * them to resolve `deploy`, `po`, `all`, …).
 */
import type { Kind } from '../k8s/types';

export interface SubresourceInfo {
  /** e.g. 'scale', 'status', 'eviction' */
  name: string;
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

export interface ResourceInfo {
  kind: Kind;
  /** '' for the core group */
  group: string;
  version: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: SubresourceInfo[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS_VERBS = ['get', 'patch', 'update'];
const status = (kind: string): SubresourceInfo => ({ name: 'status', kind, verbs: STATUS_VERBS });
const scale: SubresourceInfo = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS };

/** Every resource served, in the order discovery lists them. */
export const RESOURCES: readonly ResourceInfo[] = [
  {
    kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', namespaced: false,
    shortNames: ['ns'], categories: [], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [status('Namespace'), { name: 'finalize', kind: 'Namespace', verbs: ['update'] }],
  },
  {
    kind: 'Node', group: '', version: 'v1', plural: 'nodes', singular: 'node', namespaced: false,
    shortNames: ['no'], categories: [], verbs: ALL_VERBS, subresources: [status('Node')],
  },
  {
    kind: 'Pod', group: '', version: 'v1', plural: 'pods', singular: 'pod', namespaced: true,
    shortNames: ['po'], categories: ['all'], verbs: ALL_VERBS,
    subresources: [
      status('Pod'),
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
    ],
  },
  {
    kind: 'Service', group: '', version: 'v1', plural: 'services', singular: 'service', namespaced: true,
    shortNames: ['svc'], categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [status('Service')],
  },
  {
    kind: 'Endpoints', group: '', version: 'v1', plural: 'endpoints', singular: 'endpoints', namespaced: true,
    shortNames: ['ep'], categories: [], verbs: ALL_VERBS, subresources: [],
  },
  {
    kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', namespaced: true,
    shortNames: ['ev'], categories: [], verbs: ALL_VERBS, subresources: [],
  },
  {
    kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', namespaced: true,
    shortNames: ['deploy'], categories: ['all'], verbs: ALL_VERBS, subresources: [scale, status('Deployment')],
  },
  {
    kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', namespaced: true,
    shortNames: ['rs'], categories: ['all'], verbs: ALL_VERBS, subresources: [scale, status('ReplicaSet')],
  },
];

/** "group/version" or "version" for the core group. */
export function groupVersionOf(r: Pick<ResourceInfo, 'group' | 'version'>): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** The resource row for a URL's group, version and plural; undefined when not served. */
export function findResource(group: string, version: string, plural: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

/** The resource row for a kind (every kind is served exactly once). */
export function resourceForKind(kind: Kind): ResourceInfo {
  const r = RESOURCES.find((x) => x.kind === kind);
  if (!r) throw new Error(`no resource for kind ${kind}`);
  return r;
}

/** `deployments.apps` / `pods`: how the API server names a resource in error messages. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}
