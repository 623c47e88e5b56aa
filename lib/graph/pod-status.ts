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

/** Everything a tile needs to show a pod's state without relying on colour alone. */
export function podStatusView(pod: V1Pod): PodStatusView {
  let status = podStatusReason(pod);
  // Bound but no container status yet: kubectl would already say ContainerCreating once the kubelet reports.
  if (status === 'Pending' && pod.spec?.nodeName) status = 'ContainerCreating';
  const tone = toneOf(status);
  const ready = podReady(pod);
  // Running but not yet Ready is a distinct moment in a rollout; say so in words.
  const label = tone === 'running' && !ready ? '실행 중 (준비 전)' : TONE_LABEL[tone];
  return { status, tone, label, icon: TONE_ICON[tone], ready, restarts: podRestarts(pod) };
}

/** Legend entries for the tile colours (shown under the graph). */
export const POD_TONE_LEGEND: readonly { tone: PodTone; icon: string; label: string }[] = (
  Object.keys(TONE_ICON) as PodTone[]
).map((tone) => ({ tone, icon: TONE_ICON[tone], label: TONE_LABEL[tone] }));
