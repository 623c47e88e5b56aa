/**
 * The resource types this kubectl knows: names, short names and groups as `kubectl api-resources` lists them,
 * and how type arguments (`po`, `deploy/web`, `deployments.apps`) resolve to a Kind.
 */
import { CLUSTER_SCOPED, type Kind } from '../k8s/types';

export interface ResourceType {
  kind: Kind;
  plural: string;
  singular: string;
  shortNames: string[];
  group: '' | 'apps';
  version: 'v1';
  namespaced: boolean;
}

function resource(kind: Kind, plural: string, shortNames: string[], group: '' | 'apps' = ''): ResourceType {
  return { kind, plural, singular: kind.toLowerCase(), shortNames, group, version: 'v1', namespaced: !CLUSTER_SCOPED.has(kind) };
}

/** Ordered as `kubectl api-resources` prints them: core group first, then apps; by name within a group. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  resource('Endpoints', 'endpoints', ['ep']),
  resource('Event', 'events', ['ev']),
  resource('Namespace', 'namespaces', ['ns']),
  resource('Node', 'nodes', ['no']),
  resource('Pod', 'pods', ['po']),
  resource('Service', 'services', ['svc']),
  resource('Deployment', 'deployments', ['deploy'], 'apps'),
  resource('ReplicaSet', 'replicasets', ['rs'], 'apps'),
];

const BY_KIND = new Map<Kind, ResourceType>(RESOURCE_TYPES.map((r) => [r.kind, r]));

/** `deployments.apps` etc.: the name kubectl uses in messages such as `deployment.apps/web created`. */
export function qualifiedSingular(kind: Kind): string {
  const r = BY_KIND.get(kind)!;
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `deployments.apps` / `pods`: the resource name the API server puts in NotFound messages. */
export function qualifiedPlural(kind: Kind): string {
  const r = BY_KIND.get(kind)!;
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function resourceOf(kind: Kind): ResourceType {
  return BY_KIND.get(kind)!;
}

/** Resolve a type argument (case-insensitive; plural, singular, short name, Kind, optional `.apps` / `.v1.apps`). */
export function resolveResourceType(arg: string): ResourceType | undefined {
  const lower = arg.toLowerCase();
  const [base, ...groupParts] = lower.split('.');
  const group = groupParts.filter((p) => p !== 'v1').join('.');
  return RESOURCE_TYPES.find(
    (r) =>
      (r.plural === base || r.singular === base || r.shortNames.includes(base)) && (group === '' || group === r.group),
  );
}

/** Every spelling a student might type, for Tab completion. */
export function resourceTypeWords(): string[] {
  return RESOURCE_TYPES.flatMap((r) => [r.plural, r.singular, ...r.shortNames]).concat('all').sort();
}

/** The types `kubectl get all` shows, in kubectl's order. */
export const ALL_CATEGORY: readonly Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];
