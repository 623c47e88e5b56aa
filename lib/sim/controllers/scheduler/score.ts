/**
 * Combines the score plugins like the scheduling framework (pkg/scheduler/framework/runtime/framework.go
 * RunScorePlugins): each plugin's raw scores are normalised to 0–100 across the feasible nodes, multiplied by
 * the plugin's default weight (pkg/scheduler/apis/config/v1/default_plugins.go) and summed; the highest
 * total wins, ties broken by reservoir sampling as selectHost does. O(feasible nodes).
 * A plugin left out of the table scores every node alike, which shifts every total by the same amount and
 * so changes neither the winner nor the ties — the common pod (no preferences, no PreferNoSchedule taints)
 * pays only for the plugins that can tell nodes apart.
 */
import type { V1Node } from '../../../k8s/api-types';

const MAX_NODE_SCORE = 100;

/** Raw (not yet normalised) scores of the feasible nodes, one array entry per node, index-aligned with `nodes`. */
export interface ScoreTable {
  nodes: V1Node[];
  /** NodeResourcesFit LeastAllocated, already 0–100 (weight 1) */
  leastAllocated: number[];
  /** NodeAffinity: sum of the matched preferred terms' weights (weight 2) */
  nodeAffinity?: number[];
  /** InterPodAffinity: preferred weights of the node's domains, may be negative (weight 2) */
  interPodAffinity?: number[];
  /** TaintToleration: untolerated PreferNoSchedule taints, fewer is better (weight 3) */
  taintToleration?: number[];
  /** PodTopologySpread: weighted matching-pod count, fewer is better; undefined = node ignored (weight 2) */
  podTopologySpread?: (number | undefined)[];
}

/** helper.DefaultNormalizeScore, added in place: scale to max; `reverse` turns "more is worse" into 0–100. */
function addDefaultNormalized(totals: number[], values: number[], reverse: boolean, weight: number): void {
  // indexed loops here and below: they run over every feasible node for every pod, interpreted in a cold process
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  for (let i = 0; i < values.length; i++) {
    const s = max === 0 ? 0 : Math.trunc((MAX_NODE_SCORE * values[i]) / max);
    totals[i] += (reverse ? MAX_NODE_SCORE - s : s) * weight;
  }
}

/** interpodaffinity NormalizeScore, added in place: min–max scaling, all 0 when every node scores the same. */
function addMinMaxNormalized(totals: number[], values: number[], weight: number): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const diff = max - min;
  if (diff > 0) for (let i = 0; i < values.length; i++) totals[i] += Math.trunc((MAX_NODE_SCORE * (values[i] - min)) / diff) * weight;
}

/** podtopologyspread NormalizeScore, added in place: fewer matching pods → higher; ignored nodes score 0. */
function addTopologySpreadNormalized(totals: number[], values: (number | undefined)[], weight: number): void {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== undefined) totals[i] += (max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - v)) / max)) * weight;
  }
}

/**
 * The node with the highest weighted total, or undefined when none is feasible. `random()` in [0, 1). The totals are
 * summed into `t.leastAllocated` (the scheduler reuses its table; a copy per pod was garbage).
 */
export function pickHighestScore(t: ScoreTable, random: () => number): V1Node | undefined {
  const totals = t.leastAllocated;
  if (t.nodeAffinity) addDefaultNormalized(totals, t.nodeAffinity, false, 2);
  if (t.interPodAffinity) addMinMaxNormalized(totals, t.interPodAffinity, 2);
  if (t.taintToleration) addDefaultNormalized(totals, t.taintToleration, true, 3);
  if (t.podTopologySpread) addTopologySpreadNormalized(totals, t.podTopologySpread, 2);
  let best: V1Node | undefined;
  let bestScore = -Infinity;
  let ties = 0;
  for (let i = 0; i < totals.length; i++) {
    const score = totals[i];
    if (score > bestScore) {
      best = t.nodes[i];
      bestScore = score;
      ties = 1;
    } else if (score === bestScore) {
      ties++;
      if (random() * ties < 1) best = t.nodes[i];
    }
  }
  return best;
}
