/**
 * Which pods a Service selects, and — for every other pod — a Korean sentence saying which label
 * differs. A Service selects pods in its own namespace whose labels contain every selector pair
 * (equality only, as Service.spec.selector is a plain map). O(pods × selector pairs).
 */
import type { PodView, ServiceView } from './projection';

/**
 * Why `pod` is not selected by `service`, or null when it is.
 * Only the first differing label is named, which is what a student needs to fix it.
 */
export function whyNotSelected(service: ServiceView, pod: PodView): string | null {
  if (!service.selector) return `서비스 ${service.name}에 셀렉터가 없어 어떤 파드도 자동으로 고르지 않음`;
  if (pod.namespace !== service.namespace) {
    return `다른 네임스페이스(${pod.namespace})의 파드 — 서비스는 자기 네임스페이스(${service.namespace})의 파드만 고름`;
  }
  for (const [key, want] of Object.entries(service.selector)) {
    const has = Object.prototype.hasOwnProperty.call(pod.labels, key);
    if (!has) return `레이블 ${key}가 없음 (셀렉터는 ${key}=${want}를 찾음)`;
    const got = pod.labels[key];
    if (got !== want) return `레이블 ${key}=${got} — 셀렉터는 ${key}=${want}를 찾음`;
  }
  return null;
}

/** Keys of the pods `service` selects. */
export function podsSelectedBy(service: ServiceView, pods: Iterable<PodView>): Set<string> {
  const out = new Set<string>();
  for (const p of pods) if (whyNotSelected(service, p) === null) out.add(p.key);
  return out;
}
