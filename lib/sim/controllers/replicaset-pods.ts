/**
 * The pods each ReplicaSet controls, kept current from pod changes, so a sync does not look at every pod of its set
 * again (a 5,000-pod set is synced dozens of times during a rollout). Plays the part of the real controller's pod
 * informer indexed by controller uid, plus the running counts its status needs. Each set's entry is built by one full
 * scan in the controller (which also claims and releases pods) and then updated in O(1) per pod change; it is thrown
 * away, and built by a scan again, whenever a pod's labels may no longer match the selector, the selector changes or
 * the store is restored.
 */
import type { V1Pod, V1ReplicaSet } from '../../k8s/api-types';
import { matchesLabelSelector, type LabelSelector, type Labels } from '../../k8s/selectors';
import type { Store, StoreChange } from '../store';
import { controllerRef, isPodActive, isPodReady } from '../pods';

export interface OwnedPods {
  /** active pods (isPodActive) this set controls, by store key, in the order the owner index lists them */
  readonly active: Map<string, V1Pod>;
  /** how many of `active` are Ready */
  ready: number;
  /** the selector the entry was scanned with: a pod labelled outside it must be released by a scan */
  readonly selector: object;
  readonly parsed: LabelSelector;
  /** the last labels object matched (pods of a set share one until someone edits them) */
  lastLabels?: Labels;
  lastMatch: boolean;
}

export class OwnedPodIndex {
  private sets = new Map<string, OwnedPods>();
  /** the store's restore count the entries were built in */
  private epoch = -1;

  /** The entry of the set, or undefined when the controller must scan (and then call `rebuild`). */
  get(rs: V1ReplicaSet, store: Store): OwnedPods | undefined {
    this.checkEpoch(store);
    const entry = this.sets.get(rs.metadata!.uid!);
    return entry?.selector === rs.spec!.selector ? entry : undefined;
  }

  /** Records a scan's result: the set's active pods by store key, in the owner index's order. */
  rebuild(rs: V1ReplicaSet, parsed: LabelSelector, active: Map<string, V1Pod>, store: Store): OwnedPods {
    this.checkEpoch(store);
    let ready = 0;
    for (const pod of active.values()) if (isPodReady(pod)) ready++;
    const entry: OwnedPods = { active, ready, selector: rs.spec!.selector, parsed, lastMatch: false };
    this.sets.set(rs.metadata!.uid!, entry);
    return entry;
  }

  forget(uid: string): void {
    this.sets.delete(uid);
  }

  /**
   * Applies one pod change to the entries of its old and new controller. O(1). `ref` is the changed pod's controller
   * reference, which the caller has already looked up.
   */
  onPodChange(c: StoreChange, ref: { uid: string } | undefined): void {
    if (this.sets.size === 0) return;
    const pod = c.object as V1Pod;
    const old = c.old as V1Pod | undefined;
    // a DELETED change carries the last state, whose owner references are the old ones
    const oldUid = old === undefined ? undefined : old.metadata!.ownerReferences === pod.metadata!.ownerReferences ? ref?.uid : controllerRef(old)?.uid;
    const newUid = c.type === 'DELETED' ? undefined : ref?.uid;
    const oldSet = oldUid === undefined ? undefined : this.sets.get(oldUid);
    const newSet = newUid === undefined ? undefined : this.sets.get(newUid);
    const counted = oldSet?.active.get(c.key);
    const nowActive = newSet !== undefined && isPodActive(pod);
    if (counted && nowActive && newSet === oldSet) {
      // the common case, a status write: the entry keeps its place in the map
      newSet.active.set(c.key, pod);
      if (counted.status?.conditions !== pod.status?.conditions) newSet.ready += +isPodReady(pod) - +isPodReady(counted);
    } else {
      if (counted) {
        oldSet!.active.delete(c.key);
        if (isPodReady(counted)) oldSet!.ready--;
      }
      if (nowActive) {
        newSet.active.set(c.key, pod);
        if (isPodReady(pod)) newSet.ready++;
      }
    }
    if (!newSet) return;
    // a pod new to the set, or relabelled, may not match the selector: the next sync scans and releases it
    const labels = pod.metadata?.labels;
    if ((newSet !== oldSet || labels !== old?.metadata?.labels) && !this.matches(newSet, labels)) this.sets.delete(newUid!);
  }

  private matches(entry: OwnedPods, labels: Labels | undefined): boolean {
    if (!labels) return matchesLabelSelector(entry.parsed, labels);
    if (labels !== entry.lastLabels) {
      entry.lastLabels = labels;
      entry.lastMatch = matchesLabelSelector(entry.parsed, labels);
    }
    return entry.lastMatch;
  }

  private checkEpoch(store: Store): void {
    if (store.epoch === this.epoch) return;
    this.sets.clear();
    this.epoch = store.epoch;
  }
}
