/**
 * The Korean hint after `Error from server (NotFound): pods "webservr" not found`. kubectl says no more, so a typo in
 * a name (or a Deployment's name given where a Pod's is needed: `kubectl logs web`) leaves the student guessing. When
 * an object of the same kind in the same namespace is a typo away, or starts with what was typed, the hint names it.
 */
import { isStatusError, type StatusBody } from '../k8s/types';
import { KIND_INFOS } from '../k8s/kinds';
import { levenshtein } from '../text/suggest';
import type { KubectlContext } from './context';

/** The list behind the guess is a convenience: a slow cluster gets the plain hint instead of a stalled prompt. */
const LIST_DEADLINE_MS = 1_500;

/**
 * The closest name, or null: a typo away (one edit for names up to four letters, where two edits reach unrelated
 * words like `db` from `web`; two for longer ones) or starting with what was typed; nearest first, then by name.
 */
export function closestName(typed: string, names: readonly string[]): string | null {
  const lower = typed.toLowerCase();
  const maxDistance = typed.length <= 4 ? 1 : 2;
  let best: { name: string; rank: number } | null = null;
  for (const name of names) {
    if (name === typed) continue;
    const distance = levenshtein(typed, name);
    const prefix = lower !== '' && name.toLowerCase().startsWith(lower);
    if (distance > maxDistance && !prefix) continue;
    // a typo beats a longer name that merely starts with the input
    const rank = distance <= maxDistance ? distance : 3;
    if (!best || rank < best.rank || (rank === best.rank && name < best.name)) best = { name, rank };
  }
  return best?.name ?? null;
}

/**
 * The hint for a NotFound error about one named object, or null when nothing close exists (or the kind is unknown,
 * or the list fails or takes longer than LIST_DEADLINE_MS): the caller then keeps its generic hint.
 */
export async function notFoundHint(ctx: KubectlContext, e: unknown, namespace: string): Promise<string | null> {
  if (!isStatusError(e) || e.status.reason !== 'NotFound') return null;
  const details: StatusBody['details'] = e.status.details;
  const typed = details?.name;
  const info = KIND_INFOS.find((k) => k.plural === details?.kind && k.group === (details?.group ?? ''));
  if (!typed || !info) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const deadline = new Promise<null>((resolve) => (timer = setTimeout(resolve, LIST_DEADLINE_MS, null)));
    const objects = await Promise.race([ctx.client.list(info.kind, info.namespaced ? namespace : undefined), deadline]);
    const guess = objects && closestName(typed, objects.map((o) => o.metadata?.name ?? ''));
    return guess ? `힌트: 혹시 ${guess}인가요? 'kubectl get ${info.plural}${info.namespaced && namespace !== 'default' ? ` -n ${namespace}` : ''}'로 지금 있는 이름을 확인해 보세요.` : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
