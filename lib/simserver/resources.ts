/**
 * The resources the sim cluster server serves, read from the kind registry (lib/k8s/kinds): the kinds the engine
 * stores, with every name, short name, category, verb and subresource discovery publishes for them. This file
 * spells no kind; a kind added to the registry and the engine is served here without a change.
 */
import { KIND_INFOS, kindForResource, type KindInfo } from '../k8s/kinds';
import { isKind, type Kind } from '../k8s/types';

export { apiVersionOf, kindForResource, kindOf, qualifiedPlural } from '../k8s/kinds';

/** A registry record of a kind the engine stores (so its `kind` is a `Kind` the simulator's calls accept). */
export type ResourceInfo = KindInfo & { kind: Kind };

const isStored = (k: KindInfo): k is ResourceInfo => isKind(k.kind);

/** The stored resource at a URL's group, version and plural; undefined when the engine backs none there. */
export function findResource(group: string, version: string, plural: string): ResourceInfo | undefined {
  const info = kindForResource(group, version, plural);
  return info && isStored(info) ? info : undefined;
}

/** Everything discovery publishes, in the registry's order: the stored resources. */
export const SERVED: readonly KindInfo[] = KIND_INFOS.filter(isStored);
