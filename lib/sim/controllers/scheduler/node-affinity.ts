/**
 * The NodeAffinity plugin (pkg/scheduler/framework/plugins/nodeaffinity): the pod's nodeSelector and
 * required node affinity filter nodes; preferred terms add their weights to a node's score.
 * Cost: O(terms × expressions) per node.
 */
import type { V1Node, V1NodeSelectorRequirement, V1NodeSelectorTerm, V1Pod } from '../../../k8s/api-types';

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

function requirementHolds(r: V1NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return has && values.includes(value);
    case 'NotIn': return !has || !values.includes(value);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt':
    case 'Lt': {
      // both sides must parse as integers, or the requirement fails (nodeSelectorRequirementsAsSelector)
      if (!has || !/^-?\d+$/.test(value) || values.length !== 1 || !/^-?\d+$/.test(values[0])) return false;
      return r.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default: return false;
  }
}

/** One term: every matchExpression (labels) and matchField (only metadata.name) holds; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: V1NodeSelectorTerm, node: V1Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (!requirementHolds(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) if (r.key !== 'metadata.name' || !requirementHolds(r, node.metadata?.name)) return false;
  return true;
}

/** Filter: nodeSelector (every label equal) AND required node affinity (terms ORed). */
export function nodeAffinityFits(pod: V1Pod, node: V1Node): boolean {
  const selector = pod.spec?.nodeSelector;
  if (selector) {
    const labels = node.metadata?.labels ?? {};
    for (const k in selector) if (labels[k] !== selector[k]) return false;
  }
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((t) => nodeSelectorTermMatches(t, node));
}

/** Score before normalising: the sum of the weights of the preferred terms the node matches. */
export function nodeAffinityScore(pod: V1Pod, node: V1Node): number {
  let score = 0;
  for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
    if (p.weight && nodeSelectorTermMatches(p.preference, node)) score += p.weight;
  return score;
}
