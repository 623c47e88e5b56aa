/**
 * The list of registered kinds and the lookups every reader needs: by kind, by any name kubectl accepts
 * (`po`, `deploy`, `deployments.apps`, `Deployment.v1.apps`), by REST path segment, by category.
 */
import { API_GROUPS, type KindDef, type KoreanFieldDocs } from './kind';
import { KIND_LIST, type RegisteredKind } from './list';
import { META_FIELDS_KO } from './meta';
import { POD_SPEC_FIELDS_KO } from './pod-spec';

export type { KindNames, KindObjectMap, RegisteredKind } from './list';

/** A registered kind's record. */
export type KindInfo = Omit<KindDef, 'kind'> & { kind: RegisteredKind };

const groupRank = (group: string) => (API_GROUPS as readonly string[]).indexOf(group);

/**
 * Every registered kind in discovery order: core group first, then the groups in API_GROUPS order, by plural within a
 * group. That is also the order `kubectl api-resources` lists them and `kubectl get all` expands the `all` category.
 */
export const KIND_INFOS: readonly KindInfo[] = [...KIND_LIST].sort(
  (a, b) => groupRank(a.group) - groupRank(b.group) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0),
);

const BY_KIND = new Map<string, KindInfo>(KIND_INFOS.map((k) => [k.kind, k]));

/** Korean descriptions of every upstream type any kind describes, merged (a type is described once). */
export const KOREAN_FIELD_DOCS: KoreanFieldDocs = Object.assign({}, META_FIELDS_KO, POD_SPEC_FIELDS_KO, ...KIND_INFOS.map((k) => k.fieldsKo));

export function kindInfo(kind: string): KindInfo | undefined {
  return BY_KIND.get(kind);
}

/** The record of a kind the caller knows is registered (a typo is a programming error). */
export function kindOf(kind: RegisteredKind): KindInfo {
  const info = BY_KIND.get(kind);
  if (!info) throw new Error(`kind ${kind} is not registered`);
  return info;
}

/** `apps/v1` or `v1`. */
export const apiVersionOf = (k: { group: string; version: string }): string => (k.group ? `${k.group}/${k.version}` : k.version);

/** `deployments.apps` / `pods`: how the API server names a resource in Status messages (GroupResource.String()). */
export const qualifiedPlural = (k: { group: string; plural: string }): string => (k.group ? `${k.plural}.${k.group}` : k.plural);

/** `deployment.apps` / `pod`: how kubectl names a resource in `deployment.apps/web created`. */
export const qualifiedSingular = (k: { group: string; singular: string }): string => (k.group ? `${k.singular}.${k.group}` : k.singular);

/**
 * Resolves a resource argument as kubectl does (k8s.io/cli-runtime pkg/resource/builder.go mappingFor, with
 * apimachinery's ParseResourceArg and ParseKindArg): plural, singular, short name or Kind, case-insensitively,
 * optionally qualified by group (`deployments.apps`) or by version and group (`deployments.v1.apps`,
 * `pods.v1.` for the core group). The qualifier is matched as written: `deployments.v1` and `pods.v1` name a
 * group called `v1` and resolve to nothing, as with the real kubectl.
 */
export function resolveResource(arg: string): KindInfo | undefined {
  const dot = arg.indexOf('.');
  const base = (dot < 0 ? arg : arg.slice(0, dot)).toLowerCase();
  const qualifier = dot < 0 ? undefined : arg.slice(dot + 1);
  return KIND_INFOS.find((k) => {
    if (![k.plural, k.singular, k.kind.toLowerCase(), ...k.shortNames].includes(base)) return false;
    return qualifier === undefined || qualifier === k.group || qualifier === `${k.version}.${k.group}`;
  });
}

/** The resource part of a type argument (`foo` of `foo.v1.apps`): what kubectl names when it cannot resolve one. */
export const resourceArgName = (arg: string): string => arg.split('.')[0];

/** The kind served at a REST path's group, version and plural; undefined when none is. */
export function kindForResource(group: string, version: string, plural: string): KindInfo | undefined {
  return KIND_INFOS.find((k) => k.group === group && k.version === version && k.plural === plural);
}

/** Kinds in a discovery category (`all` → what `kubectl get all` lists), in discovery order. */
export function kindsInCategory(category: string): KindInfo[] {
  return KIND_INFOS.filter((k) => k.categories.includes(category));
}
