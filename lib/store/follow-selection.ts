/**
 * What the details panel does when the object it shows is deleted: a pod whose owner made a replacement
 * is followed to that replacement; anything else closes the panel. Either way the student gets a Korean
 * note, never a stale panel with a raw NotFound error.
 *
 * The replacement is the newest pod of the same owner created after the deleted one and not itself
 * terminating. Creation order is what separates a replacement from a sibling: a ReplicaSet replaces a
 * deleted pod with a new one, while scaling down deletes the newest pods first and leaves only older
 * siblings (kubernetes/kubernetes pkg/controller/replicaset/replica_set.go getPodsToDelete ranks with
 * pkg/controller/controller_utils.go ActivePodsWithRanks: "Empty creation time pods < newer pods < older
 * pods"), so a scale-down closes the panel instead of jumping to a sibling.
 */
import { KIND_KO } from '../k8s/kind-names';
import { josa } from '../text/korean';
import type { PodView } from '../graph/projection';
import type { ClusterSlice } from './cluster-slice';
import type { Selection, SelectableKind } from './playground-store';

export interface FollowResult {
  selection: Selection | null;
  note: string;
}

type Tables = Pick<ClusterSlice, 'pods' | 'nodes' | 'deployments' | 'replicaSets' | 'services'>;

function table(s: Tables, kind: SelectableKind): Readonly<Record<string, unknown>> {
  return { Pod: s.pods, Node: s.nodes, Deployment: s.deployments, ReplicaSet: s.replicaSets, Service: s.services }[kind];
}

const nameOf = (sel: Selection) => (sel.kind === 'Node' ? sel.key : sel.key.slice(sel.key.lastIndexOf('/') + 1));

/** The pod that took `gone`'s place, if its owner made one. O(pods). */
export function replacementPod(gone: PodView, pods: Readonly<Record<string, PodView>>): PodView | null {
  if (!gone.owner) return null;
  let best: PodView | null = null;
  for (const p of Object.values(pods)) {
    if (p.key === gone.key || p.namespace !== gone.namespace || p.status.tone === 'terminating') continue;
    if (p.owner?.kind !== gone.owner.kind || p.owner.name !== gone.owner.name || p.createdAt <= gone.createdAt) continue;
    if (!best || p.createdAt > best.createdAt || (p.createdAt === best.createdAt && p.name < best.name)) best = p;
  }
  return best;
}

/**
 * After a batch: null when the selection still exists (or was never there), else where it goes and why.
 * `before` and `after` are the records before and after the batch.
 */
export function followDeletedSelection(selection: Selection | null, before: Tables, after: Tables): FollowResult | null {
  if (!selection || !(selection.key in table(before, selection.kind)) || selection.key in table(after, selection.kind)) return null;
  const name = nameOf(selection);
  if (selection.kind === 'Pod') {
    const gone = before.pods[selection.key];
    const next = replacementPod(gone, after.pods);
    if (next && gone.owner) {
      const owner = KIND_KO[gone.owner.kind as keyof typeof KIND_KO] ?? gone.owner.kind;
      return {
        selection: { kind: 'Pod', key: next.key },
        note: `선택한 파드가 삭제되어, 같은 ${josa(owner, '이/가')} 대신 만든 파드를 보여 줘요: ${name} → ${next.name}`,
      };
    }
  }
  return { selection: null, note: `선택한 ${josa(KIND_KO[selection.kind], '이/가')} 삭제되어 자세히 보기를 닫았어요: ${name}` };
}
