/**
 * `kubectl create poddisruptionbudget|pdb NAME --selector=SEL (--min-available=N|--max-unavailable=N)` as
 * k8s.io/kubectl pkg/cmd/create/create_pdb.go (Validate, createPodDisruptionBudgets) builds it: the selector through
 * metav1.ParseToLabelSelector (equality terms → matchLabels, the rest → matchExpressions), the number through
 * intstr.Parse (digits → an integer, `50%` → a string).
 */
import type { V1LabelSelector } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { parseLabelSelector, selectorErrorKo } from '../../k8s/selectors';
import { KubectlError, namespaceOf, str } from '../context';
import type { ParsedCommand } from '../parse';
import { createOrPrint } from './create';

const HINT = '힌트: 예) kubectl create pdb web --selector=app=web --min-available=2';

/** metav1.ParseToLabelSelector. */
function toLabelSelector(text: string): V1LabelSelector {
  let parsed;
  try {
    parsed = parseLabelSelector(text);
  } catch (e) {
    throw new KubectlError(`error: ${e instanceof Error ? e.message : String(e)}`, selectorErrorKo(e, text));
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<V1LabelSelector['matchExpressions']> = [];
  for (const r of parsed.requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels[r.key] = r.values[0];
    else if (r.operator === '!=' || r.operator === 'notin') matchExpressions.push({ key: r.key, operator: 'NotIn', values: r.values });
    else if (r.operator === 'in') matchExpressions.push({ key: r.key, operator: 'In', values: r.values });
    else if (r.operator === 'exists') matchExpressions.push({ key: r.key, operator: 'Exists' });
    else if (r.operator === '!') matchExpressions.push({ key: r.key, operator: 'DoesNotExist' });
    else throw new KubectlError(`error: "${r.operator}" is not a valid label selector operator`, HINT);
  }
  return { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), ...(matchExpressions.length ? { matchExpressions } : {}) };
}

const intOrString = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text);

export async function createPodDisruptionBudget(cmd: ParsedCommand, ctx: Parameters<typeof createOrPrint>[1]): Promise<number> {
  const name = cmd.args[0];
  const selector = str(cmd.flags, 'selector') ?? '';
  const minAvailable = str(cmd.flags, 'min-available') ?? '';
  const maxUnavailable = str(cmd.flags, 'max-unavailable') ?? '';
  const fail = (message: string) => new KubectlError(`error: ${message}`, HINT);
  if (!name) throw fail('name must be specified');
  if (!selector) throw fail('a selector must be specified');
  if (!minAvailable && !maxUnavailable) throw fail('one of min-available or max-unavailable must be specified');
  if (minAvailable && maxUnavailable) throw fail('min-available and max-unavailable cannot be both specified');
  if (minAvailable && !/^[0-9]+%?$/.test(minAvailable)) throw fail('invalid format specified for min-available');
  if (maxUnavailable && !/^[0-9]+%?$/.test(maxUnavailable)) throw fail('invalid format specified for max-unavailable');
  const spec = {
    selector: toLabelSelector(selector),
    ...(minAvailable ? { minAvailable: intOrString(minAvailable) } : { maxUnavailable: intOrString(maxUnavailable) }),
  };
  return createOrPrint(cmd, ctx, 'PodDisruptionBudget', { metadata: { name, namespace: namespaceOf(cmd.flags) }, spec } as KubeObject);
}
