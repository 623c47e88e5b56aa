/**
 * What a pod tile shows: the STATUS word kubectl would print, a tone for colour, and an icon and
 * Korean label so colour is never the only signal.
 */
import type { V1Pod } from '../k8s/types';
import { podStatusReason } from '../k8s/table';

/** Colour family of a tile. Every tone also has a distinct icon. */
export type PodTone = 'running' | 'pending' | 'creating' | 'failing' | 'terminating' | 'completed';

export interface PodStatusView {
  /** The word kubectl get pods prints in STATUS (Running, ContainerCreating, CrashLoopBackOff, Terminating…). */
  status: string;
  tone: PodTone;
  /** Short Korean label for screen readers and the list view. */
  label: string;
  /** A glyph that differs per tone (colour-blind safe). */
  icon: string;
  ready: boolean;
  restarts: number;
  /** why the most recently finished container instance ended (OOMKilled, Error, Completed), if one did */
  lastReason: string | null;
  /** a Korean note when a running container's readiness probe is not passing (it gets no Service traffic) */
  probeNote: string | null;
}

const TONE_ICON: Record<PodTone, string> = {
  running: '●',
  pending: '…',
  creating: '◔',
  failing: '✕',
  terminating: '↓',
  completed: '■',
};

const TONE_LABEL: Record<PodTone, string> = {
  running: '실행 중',
  pending: '대기 중',
  creating: '컨테이너 준비 중',
  failing: '오류',
  terminating: '종료 중',
  completed: '완료',
};

const FAILING_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'RunContainerError',
  'Error',
  'OOMKilled',
  'Evicted',
  'NodeLost',
]);

function toneOf(status: string): PodTone {
  // Init:Error, Init:CrashLoopBackOff fail like their app-container twins; Init:0/2 is still creating
  if (status.startsWith('Init:')) status = status.slice(5);
  if (status === 'Terminating' || status === 'Unknown') return 'terminating';
  if (status === 'Running') return 'running';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (status === 'Pending') return 'pending';
  if (FAILING_REASONS.has(status) || status.startsWith('ExitCode:') || status.startsWith('Signal:') || status === 'Failed')
    return 'failing';
  return 'creating';
}

/** Whether the pod's Ready condition is True. */
export function podReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Total container restarts, as the RESTARTS column. */
export function podRestarts(pod: V1Pod): number {
  let n = 0;
  for (const cs of pod.status?.containerStatuses ?? []) n += cs.restartCount ?? 0;
  return n;
}

/** The reason of the last terminated instance across the pod's containers (latest finishedAt wins). O(containers). */
export function lastTerminationReason(pod: V1Pod): string | null {
  let best: string | null = null;
  let at = -Infinity;
  for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const t = cs.state?.terminated ?? cs.lastState?.terminated;
    if (!t) continue;
    const when = Date.parse(String(t.finishedAt ?? '')) || 0;
    if (when >= at) {
      at = when;
      best = t.reason ?? `ExitCode:${t.exitCode}`;
    }
  }
  return best;
}

/** A running, started container with a readiness probe that is not ready: its probe is not passing. */
function readinessNote(pod: V1Pod): string | null {
  for (const c of pod.spec?.containers ?? []) {
    if (!c.readinessProbe) continue;
    const cs = pod.status?.containerStatuses?.find((x) => x.name === c.name);
    if (cs?.state?.running && cs.started !== false && !cs.ready) return `준비성 프로브 미통과 (${c.name})`;
  }
  return null;
}

/** Everything a tile needs to show a pod's state without relying on colour alone. */
export function podStatusView(pod: V1Pod): PodStatusView {
  let status = podStatusReason(pod);
  // Bound but no container status yet: kubectl would already say ContainerCreating once the kubelet reports.
  if (status === 'Pending' && pod.spec?.nodeName) status = 'ContainerCreating';
  const tone = toneOf(status);
  const ready = podReady(pod);
  // Running but not yet Ready is a distinct moment in a rollout; say so in words.
  const label = tone === 'running' && !ready ? '실행 중 (준비 전)' : TONE_LABEL[tone];
  const restarts = podRestarts(pod);
  return { status, tone, label, icon: TONE_ICON[tone], ready, restarts, lastReason: restarts > 0 || tone === 'failing' ? lastTerminationReason(pod) : null, probeNote: tone === 'running' ? readinessNote(pod) : null };
}

/** Legend entries for the tile colours (shown under the graph). */
export const POD_TONE_LEGEND: readonly { tone: PodTone; icon: string; label: string }[] = (
  Object.keys(TONE_ICON) as PodTone[]
).map((tone) => ({ tone, icon: TONE_ICON[tone], label: TONE_LABEL[tone] }));
