/**
 * Browser-side signals the classroom reporter listens to, for facts the progress store doesn't keep (a failed
 * exercise check, a failed kubectl command). A DOM event keeps lesson components free of any classroom import: with no class joined,
 * nobody listens and the event costs nothing.
 */
export const CHECK_EVENT = 'k8s-ko:exercise-check';

export interface CheckSignal {
  lesson: string;
  exercise: string;
  ok: boolean;
}

export function announceCheck(signal: CheckSignal): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent<CheckSignal>(CHECK_EVENT, { detail: signal }));
}

/** A kubectl command failed in a Playground terminal; the detail is its stderr, classified in the reporter. */
export const KUBECTL_ERROR_EVENT = 'k8s-ko:kubectl-error';

export function announceKubectlError(stderr: string): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent<string>(KUBECTL_ERROR_EVENT, { detail: stderr }));
}
