/**
 * Resource arguments as kubectl reads them: `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2`, `TYPE/NAME ...`, `all`.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { KubectlContext } from './context';
import { KubectlError } from './context';
import { resourceArgName } from '../k8s/kinds';
import { suggestionsFor } from '../text/suggest';
import { josa } from '../text/korean';
import { ALL_CATEGORY, resolveResourceType, resourceOf, resourceTypeNames, type ResourceType } from './resources';

export interface Target {
  type: ResourceType;
  /** Empty: every object of the type (subject to selectors). */
  names: string[];
}

/** kubectl names only the resource part of what it could not resolve: `foo` for `foo.v1.apps` (builder.go mappingFor). */
export function unknownType(word: string): KubectlError {
  const resource = resourceArgName(word);
  const guess = suggestionsFor(resource, resourceTypeNames(), 2)[0];
  return new KubectlError(
    `error: the server doesn't have a resource type "${resource}"`,
    guess
      ? `힌트: 혹시 '${guess}'인가요? 'kubectl api-resources'로 쓸 수 있는 종류를 확인해 보세요.`
      : "힌트: 'kubectl api-resources'로 쓸 수 있는 리소스 종류를 확인해 보세요.",
  );
}

function typeOf(word: string): ResourceType {
  const t = resolveResourceType(word);
  if (!t) throw unknownType(word);
  return t;
}

/** Parse resource arguments; `allowAll` lets `all` expand to kubectl's "all" category. */
export function parseTargets(args: string[], verb: string, allowAll = true): Target[] {
  if (args.length === 0) {
    throw new KubectlError(
      `error: you must specify the type of resource to ${verb === 'get' ? 'get' : verb}. Use "kubectl api-resources" for a complete list of supported resources.`,
      `힌트: 예) kubectl ${verb} pods`,
    );
  }
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new KubectlError(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        `힌트: 'kubectl ${verb} deploy/web'처럼 종류/이름 형식만 쓰거나, 'kubectl ${verb} deploy web'처럼 띄어 쓰세요.`,
      );
    }
    const targets: Target[] = [];
    for (const a of args) {
      const [typeWord, name] = [a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)];
      if (name === '') throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`, `힌트: 예) kubectl ${verb} deploy/web`);
      const type = typeOf(typeWord);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return targets;
  }
  const [typeWords, ...names] = args;
  const kinds: ResourceType[] = [];
  for (const w of typeWords.split(',').filter(Boolean)) {
    if (w === 'all' && allowAll) {
      for (const k of ALL_CATEGORY) kinds.push(resourceOf(k));
    } else kinds.push(typeOf(w));
  }
  if (kinds.length === 0) throw unknownType(typeWords);
  return kinds.filter((k, i) => kinds.indexOf(k) === i).map((type) => ({ type, names: [...names] }));
}

/** Exactly one TYPE NAME (scale, rollout, set image, expose, logs…). */
export function singleTarget(args: string[], verb: string, defaultType?: string): { type: ResourceType; name: string } {
  const effective = defaultType && args.length === 1 && !args[0].includes('/') ? [defaultType, args[0]] : args;
  const targets = parseTargets(effective, verb, false);
  const names = targets.flatMap((t) => t.names);
  if (targets.length !== 1 || names.length !== 1) {
    throw new KubectlError(
      `error: exactly one NAME is required, got ${names.length}`,
      `힌트: 예) kubectl ${verb} deployment/web`,
    );
  }
  return { type: targets[0].type, name: names[0] };
}

/** Namespace to use for a kind: undefined for cluster-scoped kinds. */
export function scopedNamespace(kind: Kind, namespace: string | undefined): string | undefined {
  return resourceOf(kind).namespaced ? namespace : undefined;
}

/** Sort like the API server's list (namespace, then name). */
export function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** kubectl's `No resources found in default namespace.` */
export function noResourcesMessage(namespace: string | undefined): string {
  return namespace ? `No resources found in ${namespace} namespace.` : 'No resources found';
}

/**
 * The Korean line after `No resources found in kube-sytem namespace.` when that namespace does not exist: kubectl
 * itself says no more (a list in a missing namespace is just empty), so a mistyped `-n` looks like an empty
 * namespace. Names the closest namespace when one is a typo away. Null when the namespace exists, or when the
 * namespace list cannot be read (a live cluster that does not show namespaces).
 */
export async function missingNamespaceHint(ctx: KubectlContext, namespace: string | undefined): Promise<string | null> {
  if (!namespace) return null;
  let names: string[];
  try {
    names = (await ctx.client.list('Namespace')).map((n) => n.metadata?.name ?? '');
  } catch {
    return null;
  }
  if (names.length === 0 || names.includes(namespace)) return null;
  const guess = suggestionsFor(namespace, names, 2)[0];
  const missing = `힌트: 네임스페이스 ${josa(namespace, '은/는')} 없어요.`;
  return guess ? `${missing} 혹시 ${guess}인가요? 'kubectl get namespaces'로 있는 네임스페이스를 볼 수 있어요.` : `${missing} 'kubectl get namespaces'로 있는 네임스페이스를 확인해 보세요.`;
}

export type { KubectlContext };
