/**
 * The kubelet's image handling: Pulling/Pulled (or "already present"), ErrImagePull and
 * ImagePullBackOff with a doubling back-off, and the status writer the kubelet uses for every
 * change (readiness conditions are derived from container statuses).
 */
import type { V1Pod } from '../../k8s/api-types';
import type { Engine, PodRuntime } from '../engine';
import type { Cause } from '../types';
import { lookupImage, parseImageRef, pullErrorMessage } from '../images';
import { ERR_IMAGE_PULL_VISIBLE_MS, FAILED_PULL_MS } from '../timings';
import { readinessConditions, waitingStatuses } from './pod-status';
import { recordImagePulled } from './node-network';
import { containersConfigured } from './kubelet-config';
import { containerFieldPath, createdMessage, pulledMessage, pullingMessage } from './kubelet-strings';

export const KUBELET = 'kubelet';

export type EventFn = (type: 'Normal' | 'Warning', reason: string, message: string, c: Cause, fieldPath?: string) => void;

/** What one kubelet reconcile works with. */
export interface KubeletCtx {
  key: string;
  rt: PodRuntime;
  e: Engine;
  cause: (m: string) => Cause;
  event: EventFn;
}

/** Writes the status `build` returns (a new object, which this completes with readiness conditions). */
export function writePodStatus(key: string, e: Engine, cause: Cause, build: (p: V1Pod) => V1Pod['status']): V1Pod {
  const pod = e.get<V1Pod>('Pod', key)!;
  const status = build(pod)!;
  status.conditions = readinessConditions(status, e.iso(), status.phase === 'Succeeded' || status.phase === 'Failed');
  // a spread, not podWith: the literal took 2 % off a cold and 1.4 % off a warm 1,000-replica run's instructions but
  // added 4 % to the cold 250-pod run bench:peer times (valgrind, node --predictable)
  return e.updateObject('Pod', { ...pod, status }, cause, key);
}

/** The containers this pull or start is about: all of them, or those `kubectl set image` changed (no array per call). */
const inStep = (rt: PodRuntime, name: string) => !rt.restart || rt.restart.includes(name);

/** Whether the node already holds the image (the kubelet's image cache). */
function nodeHasImage(e: Engine, nodeName: string, fullRef: string): boolean {
  return e.state.nodes[nodeName]?.images.includes(fullRef) ?? false;
}


export function startPull({ key, rt, e, cause, event }: KubeletCtx): void {
  const pod = e.get<V1Pod>('Pod', key)!;
  const nodeName = pod.spec!.nodeName!;
  let pullMs = 0;
  rt.pulling = [];
  const containers = pod.spec!.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (!inStep(rt, c.name)) continue;
    const ref = parseImageRef(c.image ?? '');
    const valid = !!lookupImage(c.image ?? '');
    const present = valid && nodeHasImage(e, nodeName, ref.full);
    const fp = containerFieldPath(c.name);
    if (present && c.imagePullPolicy !== 'Always') {
      event('Normal', 'Pulled', `Container image "${c.image}" already present on machine`, cause(`이미지 ${c.image}이(가) 노드에 이미 있어 바로 사용`), fp);
      continue;
    }
    rt.pulling.push(c.name);
    event('Normal', 'Pulling', pullingMessage(c.image!), cause(`파드 ${pod.metadata!.name}의 이미지 ${c.image}을(를) 내려받는 중`), fp);
    pullMs = Math.max(pullMs, !valid ? FAILED_PULL_MS : present ? Math.round(e.timings.imagePull / 5) : e.timings.imagePull);
  }
  rt.stage = 'pulling';
  rt.due = e.time + pullMs;
  if (pullMs === 0) return finishPull({ key, rt, e, cause, event });
  e.enqueueAt(KUBELET, key, rt.due);
}

export function finishPull({ key, rt, e, cause, event }: KubeletCtx): void {
  const pod = e.get<V1Pod>('Pod', key)!;
  const nodeName = pod.spec!.nodeName!;
  const containers = pod.spec!.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (!inStep(rt, c.name)) continue;
    const entry = lookupImage(c.image ?? '');
    const fp = containerFieldPath(c.name);
    if (!entry) {
      rt.pullFailures++;
      const err = pullErrorMessage(c.image!);
      const cc = cause(`이미지 ${c.image}을(를) 찾을 수 없음 (ErrImagePull) — 이름이나 태그를 확인하세요`);
      writePodStatus(key, e, cc, (p) => ({ ...p.status, containerStatuses: waitingStatuses(p, 'ErrImagePull', err) }));
      event('Warning', 'Failed', `Failed to pull image "${c.image}": ${err}`, cc, fp);
      event('Warning', 'Failed', 'Error: ErrImagePull', cc, fp);
      rt.stage = 'errImagePull';
      rt.due = e.time + ERR_IMAGE_PULL_VISIBLE_MS;
      return e.enqueueAt(KUBELET, key, rt.due);
    }
    const ref = parseImageRef(c.image!);
    if (rt.pulling?.includes(c.name)) {
      const cached = nodeHasImage(e, nodeName, ref.full);
      const secs = (cached ? e.timings.imagePull / 5 : e.timings.imagePull) / 1000;
      const cc = cause(`이미지 ${c.image} 내려받기 완료`);
      event('Normal', 'Pulled', pulledMessage(c.image!, secs, entry.sizeBytes), cc, fp);
      // recordImagePulled adds it to the node's cache, so a second container with this image sees it
      if (!cached) recordImagePulled(e, nodeName, ref.full, entry.sizeBytes, cc);
    }
  }
  rt.pullFailures = 0;
  delete rt.pulling;
  // the container's config (env, config files) is built before it is created: CreateContainerConfigError
  if (!containersConfigured({ key, rt, e, cause, event }, pod)) return;
  for (let i = 0; i < containers.length; i++) if (inStep(rt, containers[i].name)) event('Normal', 'Created', createdMessage(containers[i].name), cause(`컨테이너 ${containers[i].name} 생성`), containerFieldPath(containers[i].name));
  rt.stage = 'starting';
  rt.due = e.time + e.timings.containerStart;
  e.enqueueAt(KUBELET, key, rt.due);
}


/** ErrImagePull shown for a moment → ImagePullBackOff with a doubling back-off, then pull again. */
export function pullBackOff({ key, rt, e, cause, event }: KubeletCtx): void {
    const current = e.get<V1Pod>('Pod', key)!;
    const bad = (current.spec?.containers ?? []).find((c) => !lookupImage(c.image ?? ''))!;
    const backoff = Math.min(e.timings.crashBackoffBase * 2 ** (rt.pullFailures - 1), e.timings.crashBackoffMax);
    const c = cause(`이미지 ${bad.image}을(를) 받을 수 없어 ${backoff / 1000}초 뒤 다시 시도 (ImagePullBackOff)`);
    writePodStatus(key, e, c, (p) => ({
      ...p.status,
      containerStatuses: waitingStatuses(p, 'ImagePullBackOff', `Back-off pulling image "${bad.image}": ErrImagePull: ${pullErrorMessage(bad.image!)}`),
    }));
    event('Normal', 'BackOff', `Back-off pulling image "${bad.image}"`, c, `spec.containers{${bad.name}}`);
    event('Warning', 'Failed', 'Error: ImagePullBackOff', c, `spec.containers{${bad.name}}`);
    rt.stage = 'imagePullBackOff';
    rt.due = e.time + backoff;
    return e.enqueueAt(KUBELET, key, rt.due);
  }
