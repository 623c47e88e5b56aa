/**
 * The resource types this kubectl serves: the registry's kinds (lib/k8s/kinds) that the cluster client can list —
 * the kinds the engine stores. Names, scope, groups, resolution and the `all` category all come from the
 * registry, so a kind added there (and stored by the engine) is resolvable here without a change.
 */
import { KIND_INFOS, kindsInCategory, qualifiedPlural as pluralOf, qualifiedSingular as singularOf, resolveResource, type KindInfo } from '../k8s/kinds';
import { isKind, type Kind } from '../k8s/types';

/** A registered kind the client serves. */
export type ResourceType = KindInfo & { kind: Kind };

const served = (k: KindInfo | undefined): k is ResourceType => k !== undefined && isKind(k.kind);

/** In discovery order, as `kubectl api-resources` prints them: core group first, then apps; by plural within a group. */
export const RESOURCE_TYPES: readonly ResourceType[] = KIND_INFOS.filter(served);

const BY_KIND = new Map<Kind, ResourceType>(RESOURCE_TYPES.map((r) => [r.kind, r]));

export function resourceOf(kind: Kind): ResourceType {
  return BY_KIND.get(kind)!;
}

/** `deployment.apps` / `pod`: the name kubectl uses in messages such as `deployment.apps/web created`. */
export const qualifiedSingular = (kind: Kind): string => singularOf(resourceOf(kind));

/**
 * The line `kubectl delete` prints for a deleted object. From kubectl v1.34 (the version this terminal reports) a
 * namespaced object's line names its namespace: `pod "tmp" deleted from default namespace` (k8s.io/kubectl
 * pkg/cmd/delete/delete.go PrintObj, "show namespace on delete", kubernetes#126619, first in kubernetes-1.34.0);
 * `kubectl run --rm` deletes through the same printer.
 */
export function deletedLine(kind: Kind, name: string, namespace: string | undefined): string {
  const scope = resourceOf(kind).namespaced ? ` from ${namespace ?? 'default'} namespace` : '';
  return `${qualifiedSingular(kind)} "${name}" deleted${scope}`;
}

/** `deployments.apps` / `pods`: the resource name the API server puts in its messages. */
export const qualifiedPlural = (kind: Kind): string => pluralOf(resourceOf(kind));

/** Resolve a type argument as kubectl's RESTMapper does (the registry's resolveResource), among served kinds. */
export function resolveResourceType(arg: string): ResourceType | undefined {
  const info = resolveResource(arg);
  return served(info) ? info : undefined;
}

/** Every name a served type answers to (plural, singular, short names), for suggestions and Tab completion. */
export function resourceTypeNames(): string[] {
  return RESOURCE_TYPES.flatMap((r) => [r.plural, r.singular, ...r.shortNames]);
}

/** Every spelling a student might type, for Tab completion. */
export function resourceTypeWords(): string[] {
  return resourceTypeNames().concat('all').sort();
}

/** The types `kubectl get all` shows, in discovery order (the registry's `all` category, served kinds only). */
export const ALL_CATEGORY: readonly Kind[] = kindsInCategory('all').filter(served).map((k) => k.kind);
