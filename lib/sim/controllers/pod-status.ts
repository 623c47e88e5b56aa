/**
 * Builders for the pod status the kubelet reports: conditions with stable lastTransitionTime,
 * container statuses per stage, deterministic container IDs and image digests.
 */
import type { V1ContainerStatus, V1Pod, V1PodCondition, V1PodSpec, V1PodStatus } from '../../k8s/api-types';
import { parseImageRef } from '../images';

/**
 * The pod with a new spec and status, as one object literal in the API's field order (apiVersion, kind, metadata,
 * spec, status — a Pod has no other top-level fields). Spreads of pods built in different places gave the top-level Pod
 * a dozen hidden classes in one rollout, so every `pod.spec`/`pod.status` read in the engine was a megamorphic lookup;
 * literals share one. Used by the scheduler's writes; the kubelet's status writes keep a spread (see writePodStatus).
 */
export function podWith(pod: V1Pod, spec: V1PodSpec | undefined, status: V1PodStatus | undefined): V1Pod {
  return { apiVersion: pod.apiVersion, kind: pod.kind, metadata: pod.metadata, spec, status };
}

/** Sets one condition, keeping lastTransitionTime when the status does not change. */
export function withCondition(conds: V1PodCondition[] | undefined, type: string, status: 'True' | 'False' | 'Unknown', now: string, reason?: string, message?: string): V1PodCondition[] {
  const list = conds ? conds.slice() : [];
  let i = 0;
  while (i < list.length && list[i].type !== type) i++;
  const prev = list[i];
  const next: V1PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now };
  // assigned rather than spread from conditional literals (two throwaway objects per condition, on every status write)
  if (reason) next.reason = reason;
  if (message) next.message = message;
  list[i] = next;
  return list;
}

const ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
const rankOf = (c: V1PodCondition) => ORDER.indexOf(c.type);

/**
 * Conditions in the order the kubelet reports them (unknown types first, as rank -1), as a new array. A stable
 * insertion sort: the same order as a stable sort by rank, and a handful of conditions are usually in order already.
 */
export function sortConditions(conds: V1PodCondition[]): V1PodCondition[] {
  const out = conds.slice();
  for (let i = 1; i < out.length; i++) {
    const c = out[i];
    const rank = rankOf(c);
    let j = i - 1;
    while (j >= 0 && rankOf(out[j]) > rank) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = c;
  }
  return out;
}

/** One FNV-1a step over a UTF-16 code's low byte, as lib/k8s/names.ts fnv32a hashes each character. */
const fnvStep = (h: number, code: number): number => Math.imul(h ^ (code & 0xff), 0x01000193) >>> 0;

/**
 * 64 hex chars derived from a seed string (container IDs, image digests): the fnv32a of `seed#0` … `seed#7`, each as
 * 8 hex digits. FNV-1a hashes left to right, so the eight share the hash of `seed#` and each adds one digit: the seed
 * is hashed once instead of eight times (this runs for every system container while a simulator starts, cold).
 */
export function hex64(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = fnvStep(h, seed.charCodeAt(i));
  h = fnvStep(h, 0x23); // '#'
  let out = '';
  for (let i = 0; i < 8; i++) out += fnvStep(h, 0x30 + i).toString(16).padStart(8, '0');
  return out;
}

/** The image as the container runtime reports it (docker.io/library/nginx:1.25 for nginx:1.25). */
const statusImages = new Map<string, string>();
export function statusImage(image: string): string {
  let full = statusImages.get(image);
  if (full === undefined) statusImages.set(image, (full = parseImageRef(image).full));
  return full;
}

const imageIds = new Map<string, string>();
/** `repo@sha256:<digest>` with a digest derived from the reference (stable across runs). */
export function imageId(image: string): string {
  let id = imageIds.get(image);
  if (!id) {
    const ref = parseImageRef(image);
    imageIds.set(image, (id = `${ref.repository}@sha256:${hex64(ref.full)}`));
  }
  return id;
}

/** Applies readiness to Ready/ContainersReady from the container statuses. */
export function readinessConditions(status: V1PodStatus, now: string, completed = false): V1PodCondition[] {
  // runs on every kubelet status write: no intermediate arrays or strings unless readiness changes
  let unready: string | undefined;
  const statuses = status.containerStatuses;
  if (statuses)
    for (let i = 0; i < statuses.length; i++) {
      const c = statuses[i];
      if (!c.ready) unready = unready === undefined ? c.name : `${unready} ${c.name}`;
    }
  const msg = completed || unready === undefined ? '' : `containers with unready status: [${unready}]`;
  const wantStatus = !completed && unready === undefined ? 'True' : 'False';
  const wantReason = completed ? 'PodCompleted' : unready !== undefined ? 'ContainersNotReady' : '';
  const conditions = status.conditions;
  // most status writes leave readiness as it was: keep the same array then
  if (conditions && hasCondition(conditions, 'Ready', wantStatus, wantReason, msg) && hasCondition(conditions, 'ContainersReady', wantStatus, wantReason, msg)) return conditions;
  let conds = conditions;
  if (completed) {
    conds = withCondition(conds, 'Ready', 'False', now, 'PodCompleted');
    conds = withCondition(conds, 'ContainersReady', 'False', now, 'PodCompleted');
  } else if (unready !== undefined) {
    conds = withCondition(conds, 'Ready', 'False', now, 'ContainersNotReady', msg);
    conds = withCondition(conds, 'ContainersReady', 'False', now, 'ContainersNotReady', msg);
  } else {
    conds = withCondition(conds, 'Ready', 'True', now);
    conds = withCondition(conds, 'ContainersReady', 'True', now);
  }
  return sortConditions(conds);
}

function hasCondition(conds: V1PodCondition[], type: string, status: string, reason: string, message: string): boolean {
  for (let i = 0; i < conds.length; i++) {
    const c = conds[i];
    if (c.type === type) return c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message;
  }
  return false;
}

/** Container statuses all waiting with one reason (ContainerCreating, ErrImagePull, …). */
export function waitingStatuses(pod: V1Pod, reason: string, message?: string): V1ContainerStatus[] {
  const prevs = pod.status?.containerStatuses;
  const waiting: { reason: string; message?: string } = { reason };
  if (message) waiting.message = message;
  return (pod.spec?.containers ?? []).map((c) => {
    // a pod has a handful of containers: a scan, not a Map built per status write
    const prev = prevs?.find((p) => p.name === c.name);
    const s: V1ContainerStatus = { name: c.name, image: statusImage(c.image!), imageID: prev?.imageID ?? '', ready: false, restartCount: prev?.restartCount ?? 0, started: false, state: { waiting } };
    if (prev?.lastState) s.lastState = prev.lastState;
    return s;
  });
}
