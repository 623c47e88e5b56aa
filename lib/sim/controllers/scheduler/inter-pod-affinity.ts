/**
 * The InterPodAffinity plugin (pkg/scheduler/framework/plugins/interpodaffinity): required
 * podAffinity / podAntiAffinity of the incoming pod, the required anti-affinity of pods already
 * placed, and preferred terms of both as a score. Pods "near" a node are those on any node with the
 * same value of the term's topologyKey.
 * Cost: `prepare` is one pass over the placed pods, O(pods × terms), and runs only when the incoming pod
 * has affinity terms or some placed pod has anti-affinity; then O(terms) per node.
 */
import type { V1Node, V1Pod, V1PodAffinityTerm } from '../../../k8s/api-types';
import { labelSelectorObjectMatches } from '../../../k8s/selectors';

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** A placed pod with the labels of the node it runs on. */
export interface PlacedPod {
  pod: V1Pod;
  node: V1Node;
  nodeLabels: Record<string, string>;
}

type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

/** The term selects `other` (from the point of view of `owner`, whose namespace is the default). */
function termSelects(term: V1PodAffinityTerm, owner: V1Pod, other: V1Pod, nsLabels: NamespaceLabels): boolean {
  // a nil labelSelector selects nothing (metav1.LabelSelectorAsSelector)
  if (!term.labelSelector) return false;
  const ns = other.metadata?.namespace ?? 'default';
  const listed = term.namespaces ?? [];
  const nsSel = term.namespaceSelector;
  const inNamespace = listed.includes(ns) || (nsSel ? labelSelectorObjectMatches(nsSel, nsLabels(ns) ?? {}) : false) || (!listed.length && !nsSel && ns === (owner.metadata?.namespace ?? 'default'));
  return inNamespace && labelSelectorObjectMatches(term.labelSelector, other.metadata?.labels ?? {});
}

/** "key\0value" for a topology domain. */
const domain = (key: string, labels: Record<string, string>) => (Object.prototype.hasOwnProperty.call(labels, key) ? `${key}\u0000${labels[key]}` : undefined);

export interface InterPodAffinityState {
  /** per required affinity term, the domains holding a selected pod */
  affinity: Set<string>[];
  /** domains a required anti-affinity term (of the pod or of a placed pod) forbids */
  antiAffinity: Set<string>;
  existingAntiAffinity: Set<string>;
  /** the first pod of a group that selects itself may go anywhere with the topology keys */
  selfMatchAllowed: boolean;
  /** preferred weights per domain (affinity +, anti-affinity −) */
  preferred: Map<string, number>;
}

const requiredAffinity = (p: V1Pod) => p.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
const requiredAnti = (p: V1Pod) => p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];

/** True when a placed pod can constrain others (so `prepare` must run even for a pod without terms). */
export function constrainsOthers(p: V1Pod): boolean {
  // asked on every placement change: most pods have no affinity at all
  if (!p.spec?.affinity) return false;
  return requiredAnti(p).length > 0 || (p.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0 || (p.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
}

export function hasPodAffinityTerms(p: V1Pod): boolean {
  const a = p.spec?.affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

export function prepareInterPodAffinity(pod: V1Pod, placed: Iterable<PlacedPod>, nsLabels: NamespaceLabels): InterPodAffinityState {
  const aff = requiredAffinity(pod);
  const anti = requiredAnti(pod);
  const prefAff = pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const prefAnti = pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const state: InterPodAffinityState = { affinity: aff.map(() => new Set()), antiAffinity: new Set(), existingAntiAffinity: new Set(), selfMatchAllowed: false, preferred: new Map() };
  const add = (d: string | undefined, w: number) => d && state.preferred.set(d, (state.preferred.get(d) ?? 0) + w);
  let anyAffinityMatch = false;
  for (const { pod: other, nodeLabels } of placed) {
    aff.forEach((t, i) => {
      if (!termSelects(t, pod, other, nsLabels)) return;
      anyAffinityMatch = true;
      const d = domain(t.topologyKey, nodeLabels);
      if (d) state.affinity[i].add(d);
    });
    for (const t of anti) if (termSelects(t, pod, other, nsLabels)) { const d = domain(t.topologyKey, nodeLabels); if (d) state.antiAffinity.add(d); }
    for (const t of requiredAnti(other)) if (termSelects(t, other, pod, nsLabels)) { const d = domain(t.topologyKey, nodeLabels); if (d) state.existingAntiAffinity.add(d); }
    for (const w of prefAff) if (termSelects(w.podAffinityTerm, pod, other, nsLabels)) add(domain(w.podAffinityTerm.topologyKey, nodeLabels), w.weight);
    for (const w of prefAnti) if (termSelects(w.podAffinityTerm, pod, other, nsLabels)) add(domain(w.podAffinityTerm.topologyKey, nodeLabels), -w.weight);
    // symmetry: placed pods' preferred terms that select the incoming pod count too
    for (const w of other.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
      if (termSelects(w.podAffinityTerm, other, pod, nsLabels)) add(domain(w.podAffinityTerm.topologyKey, nodeLabels), w.weight);
    for (const w of other.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
      if (termSelects(w.podAffinityTerm, other, pod, nsLabels)) add(domain(w.podAffinityTerm.topologyKey, nodeLabels), -w.weight);
  }
  // satisfyPodAffinity: with no matching pod anywhere, a pod whose terms select itself starts the group
  state.selfMatchAllowed = aff.length > 0 && !anyAffinityMatch && aff.every((t) => termSelects(t, pod, pod, nsLabels));
  return state;
}

/** Filter reason for a node, or undefined when the node passes; `unresolvable` as upstream's status codes. */
export function interPodAffinityFilter(pod: V1Pod, node: V1Node, s: InterPodAffinityState): { reason: string; unresolvable: boolean } | undefined {
  const labels = node.metadata?.labels ?? {};
  const aff = requiredAffinity(pod);
  for (let i = 0; i < aff.length; i++) {
    const d = domain(aff[i].topologyKey, labels);
    if (d && (s.affinity[i].has(d) || s.selfMatchAllowed)) continue;
    return { reason: ERR_AFFINITY, unresolvable: true };
  }
  for (const t of requiredAnti(pod)) {
    const d = domain(t.topologyKey, labels);
    if (d && s.antiAffinity.has(d)) return { reason: ERR_ANTI_AFFINITY, unresolvable: false };
  }
  for (const d of s.existingAntiAffinity) {
    const key = d.slice(0, d.indexOf('\u0000'));
    if (domain(key, labels) === d) return { reason: ERR_EXISTING_ANTI_AFFINITY, unresolvable: false };
  }
  return undefined;
}

/** Raw score: the preferred weights of every domain the node belongs to. */
export function interPodAffinityScore(node: V1Node, s: InterPodAffinityState): number {
  if (!s.preferred.size) return 0;
  const labels = node.metadata?.labels ?? {};
  let score = 0;
  for (const [d, w] of s.preferred) {
    const key = d.slice(0, d.indexOf('\u0000'));
    if (domain(key, labels) === d) score += w;
  }
  return score;
}
