/**
 * Combines the score plugins like the scheduling framework (pkg/scheduler/framework/runtime/framework.go
 * RunScorePlugins): each plugin's raw scores are normalised to 0–100 across the feasible nodes, multiplied by
 * the plugin's default weight (pkg/scheduler/apis/config/v1/default_plugins.go) and summed; the highest
 * total wins, ties broken by reservoir sampling as selectHost does. O(feasible nodes).
 */
import type { V1Node } from '@kubernetes/client-node';

const MAX_NODE_SCORE = 100;

/** Raw (not yet normalised) scores of one feasible node. */
export interface NodeScores {
  node: V1Node;
  /** NodeResourcesFit LeastAllocated, already 0–100 */
  leastAllocated: number;
  /** NodeAffinity: sum of the matched preferred terms' weights */
  nodeAffinity: number;
  /** InterPodAffinity: preferred weights of the node's domains (may be negative) */
  interPodAffinity: number;
  /** TaintToleration: untolerated PreferNoSchedule taints (fewer is better) */
  taintToleration: number;
  /** PodTopologySpread: weighted matching-pod count (fewer is better); undefined = node ignored */
  podTopologySpread?: number;
}

/** helper.DefaultNormalizeScore: scale to max; `reverse` turns "more is worse" into 0–100. */
function defaultNormalize(values: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...values);
  if (max === 0) return values.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return values.map((v) => {
    const s = Math.trunc((MAX_NODE_SCORE * v) / max);
    return reverse ? MAX_NODE_SCORE - s : s;
  });
}

/** interpodaffinity NormalizeScore: min–max scaling, all 0 when every node scores the same. */
function minMaxNormalize(values: number[]): number[] {
  const min = Math.min(...values);
  const diff = Math.max(...values) - min;
  return values.map((v) => (diff > 0 ? Math.trunc((MAX_NODE_SCORE * (v - min)) / diff) : 0));
}

/** podtopologyspread NormalizeScore: fewer matching pods → higher; ignored nodes score 0. */
function topologySpreadNormalize(values: (number | undefined)[]): number[] {
  let min = Infinity;
  let max = 0;
  for (const v of values) if (v !== undefined) { min = Math.min(min, v); max = Math.max(max, v); }
  return values.map((v) => (v === undefined ? 0 : max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - v)) / max)));
}

/** The node with the highest weighted total, or undefined when none is feasible. `random()` in [0, 1). */
export function pickHighestScore(feasible: NodeScores[], random: () => number): V1Node | undefined {
  const nodeAffinity = defaultNormalize(feasible.map((f) => f.nodeAffinity), false);
  const taints = defaultNormalize(feasible.map((f) => f.taintToleration), true);
  const interPod = minMaxNormalize(feasible.map((f) => f.interPodAffinity));
  const spread = topologySpreadNormalize(feasible.map((f) => f.podTopologySpread));
  let best: V1Node | undefined;
  let bestScore = -Infinity;
  let ties = 0;
  feasible.forEach((f, i) => {
    const score = f.leastAllocated * 1 + nodeAffinity[i] * 2 + interPod[i] * 2 + taints[i] * 3 + spread[i] * 2;
    if (score > bestScore) {
      best = f.node;
      bestScore = score;
      ties = 1;
    } else if (score === bestScore) {
      ties++;
      if (random() * ties < 1) best = f.node;
    }
  });
  return best;
}
