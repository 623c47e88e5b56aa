/**
 * `kubectl rollout status ds/NAME`: k8s.io/kubectl pkg/polymorphichelpers/rollout_status.go DaemonSetStatusViewer
 * (only the RollingUpdate strategy has a status; spec changes are waited for through observedGeneration).
 */
import type { V1DaemonSet } from '../../k8s/api-types';
import { KubectlError } from '../context';

export function daemonSetStatusLine(ds: V1DaemonSet): { text: string; done: boolean; failed?: boolean } {
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate')
    throw new KubectlError('error: rollout status is only available for RollingUpdate strategy type', '힌트: OnDelete 데몬셋은 파드를 직접 지울 때만 바뀌어요. kubectl get ds로 UP-TO-DATE를 확인하세요.');
  const name = ds.metadata?.name;
  const s = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...', done: false };
  const desired = s.desiredNumberScheduled ?? 0;
  const updated = s.updatedNumberScheduled ?? 0;
  if (updated < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false };
  const available = s.numberAvailable ?? 0;
  if (available < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, done: false };
  return { text: `daemon set "${name}" successfully rolled out`, done: true };
}
