/**
 * IntOrString arithmetic for rolling updates, as k8s.io/kubernetes/pkg/controller/deployment/util:
 * maxSurge is rounded UP, maxUnavailable rounded DOWN; if both resolve to 0, maxUnavailable becomes 1.
 */
import type { V1Deployment } from '../k8s/api-types';

export type IntOrString = number | string | undefined;

/** Resolves 5 or "25%" against total. Returns undefined for malformed strings. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number | undefined {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : undefined;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** [maxSurge, maxUnavailable] for a RollingUpdate deployment with `replicas` desired. */
export function resolveFenceposts(surge: IntOrString, unavailable: IntOrString, replicas: number): [number, number] {
  const s = scaledValue(surge, replicas, true) ?? 0;
  let u = scaledValue(unavailable, replicas, false) ?? 0;
  if (s === 0 && u === 0) u = 1;
  return [s, u];
}

const isRolling = (d: V1Deployment) => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** MaxSurge(d): 0 unless RollingUpdate. */
export function maxSurge(d: V1Deployment): number {
  if (!isRolling(d)) return 0;
  const r = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(r?.maxSurge, r?.maxUnavailable, d.spec?.replicas ?? 1)[0];
}

/** MaxUnavailable(d): 0 unless RollingUpdate with replicas > 0; never more than replicas. */
export function maxUnavailable(d: V1Deployment): number {
  const replicas = d.spec?.replicas ?? 1;
  if (!isRolling(d) || replicas === 0) return 0;
  const r = d.spec?.strategy?.rollingUpdate;
  const u = resolveFenceposts(r?.maxSurge, r?.maxUnavailable, replicas)[1];
  return Math.min(u, replicas);
}
