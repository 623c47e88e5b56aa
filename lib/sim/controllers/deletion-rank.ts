/**
 * The order in which a ReplicaSet's scale-down picks victims (pkg/controller/controller_utils.go, ActivePodsWithRanks):
 * unscheduled < scheduled; Pending < Unknown < Running; not ready < ready; more pods of this set on the same node
 * first; ready for less time first; more restarts first; newer before older; the name settles the rest, so the order
 * is total and any correct selection gives the same victims.
 */
import type { V1Pod } from '../../k8s/api-types';
import { podCondition } from '../pods';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Row {
  pod: V1Pod;
  scheduled: number;
  phase: number;
  ready: number;
  colocated: number;
  readyAt: string;
  restarts: number;
  created: string;
  name: string;
}

function compareRows(a: Row, b: Row): number {
  if (a.scheduled !== b.scheduled) return a.scheduled - b.scheduled;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready - b.ready;
  if (a.colocated !== b.colocated) return b.colocated - a.colocated;
  // ISO timestamps compare as strings; ready more recently goes first
  if (a.readyAt !== b.readyAt) return a.readyAt < b.readyAt ? 1 : -1;
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) return a.created < b.created ? 1 : -1;
  if (a.name === b.name) return 0;
  return a.name < b.name ? 1 : -1;
}

/**
 * The first `limit` pods in deletion order (all of them when no limit). A scale-down takes at most a burst of victims
 * from thousands of pods, so the first `limit` are selected in O(n) (quickselect) and only they are sorted:
 * O(n + limit log limit) instead of O(n log n).
 */
export function rankForDeletion(pods: V1Pod[], limit = pods.length): V1Pod[] {
  const perNode = new Map<string, number>();
  for (const p of pods) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  // decorate once: the comparator then only compares numbers and strings
  // a rollout ranks thousands of old pods per burst: one scan of the conditions, no closures per pod
  const rows: Row[] = pods.map((pod) => {
    const readyCondition = podCondition(pod, 'Ready');
    const ready = readyCondition?.status === 'True';
    let restarts = 0;
    const statuses = pod.status?.containerStatuses;
    if (statuses) for (const c of statuses) restarts = Math.max(restarts, c.restartCount ?? 0);
    return {
      pod,
      scheduled: pod.spec?.nodeName ? 1 : 0,
      phase: PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0,
      ready: ready ? 1 : 0,
      colocated: perNode.get(pod.spec?.nodeName ?? '') ?? 0,
      readyAt: ready ? String(readyCondition.lastTransitionTime ?? '') : '',
      restarts,
      created: String(pod.metadata?.creationTimestamp ?? ''),
      name: pod.metadata!.name!,
    };
  });
  const k = Math.max(0, Math.min(limit, rows.length));
  if (k < rows.length) selectSmallest(rows, k);
  const head = k < rows.length ? rows.slice(0, k) : rows;
  head.sort(compareRows);
  return head.map((r) => r.pod);
}

/**
 * Moves the k smallest rows to rows[0..k), in no particular order (Hoare's quickselect; the middle element as pivot,
 * which suits rows that arrive in creation order). Deterministic: it draws no random numbers.
 */
function selectSmallest(rows: Row[], k: number): void {
  let lo = 0;
  let hi = rows.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = rows[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (compareRows(rows[i], pivot) < 0) i++;
      while (compareRows(rows[j], pivot) > 0) j--;
      if (i <= j) {
        const t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
        i++;
        j--;
      }
    }
    // rows[lo..j] ≤ pivot ≤ rows[i..hi]; anything between equals the pivot and is in place
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}
