/**
 * The FailedScheduling wording: the framework's FitError message and the Korean cause that names each reason.
 */
import { ERR_NODE_AFFINITY } from './node-affinity';
import { ERR_AFFINITY, ERR_ANTI_AFFINITY, ERR_EXISTING_ANTI_AFFINITY } from './inter-pod-affinity';
import { ERR_SPREAD, ERR_SPREAD_LABEL } from './pod-topology-spread';

/** pkg/scheduler/schedule_one.go ErrNoNodesAvailable: the whole message when the cluster has no node. */
export const ERR_NO_NODES = 'no nodes available to schedule pods';

/**
 * framework FitError.Error: the sorted "count reason" histogram, then the PostFilter plugins' messages — in v1.34
 * DynamicResources first ("no new claims to deallocate" for a pod without claims), then DefaultPreemption, whose
 * own FitError counts Unresolvable nodes as "Preemption is not helpful" and the rest as having no victims (every
 * pod here has the same priority, so there is never a lower-priority pod to evict).
 */
export function fitErrorMessage(total: number, reasons: Map<string, number>, unresolvable: number): string {
  const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
  const pre: string[] = [];
  if (unresolvable) pre.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (total - unresolvable) pre.push(`${total - unresolvable} No preemption victims found for incoming pod`);
  return `0/${total} nodes are available: ${parts.join(', ')}. no new claims to deallocate, preemption: 0/${total} nodes are available: ${pre.join(', ')}.`;
}

export function reasonKo(r: string, taints: Set<string>): string {
  if (r.startsWith('node(s) had untolerated taint')) return `파드가 허용하지 않는 테인트(${[...taints].join(', ')})가 있는 노드`;
  if (r === 'node(s) were unschedulable') return '스케줄 불가(cordon)';
  if (r === ERR_NODE_AFFINITY) return '노드 셀렉터/노드 어피니티 불일치';
  if (r === ERR_AFFINITY) return '파드 어피니티(함께 놓일 파드) 불충족';
  if (r === ERR_ANTI_AFFINITY) return '파드 안티어피니티(같은 토폴로지에 이미 있는 파드) 위반';
  if (r === ERR_SPREAD) return '토폴로지 분산 제약(maxSkew) 위반';
  if (r === ERR_SPREAD_LABEL) return '토폴로지 분산 키 레이블이 없는 노드';
  if (r === ERR_EXISTING_ANTI_AFFINITY) return '이미 있는 파드의 안티어피니티 위반';
  if (r === 'Insufficient cpu') return 'CPU 부족';
  if (r === 'Insufficient memory') return '메모리 부족';
  if (r === 'Too many pods') return '파드 수 한도 초과';
  return r;
}
