/**
 * The browser terminal's note under a LoadBalancer Service whose EXTERNAL-IP stays `<pending>`: nothing here plays
 * the cloud controller that would provision a load balancer and write status.loadBalancer.ingress
 * (https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer), exactly as on a kubeadm cluster
 * without a cloud provider. The note goes to stderr so kubectl's own output stays as kubectl prints it.
 */
import type { V1Service } from '../../k8s/api-types';
import type { Kind, KubeObject } from '../../k8s/types';

/** The Korean hint for the pending LoadBalancers among `objects`, or undefined when there are none. */
export function pendingLoadBalancerHint(kind: Kind, objects: readonly KubeObject[]): string | undefined {
  if (kind !== 'Service') return undefined;
  const pending = (objects as V1Service[]).filter((s) => s.spec?.type === 'LoadBalancer' && !(s.status?.loadBalancer?.ingress ?? []).length);
  if (!pending.length) return undefined;
  const svc = pending[0];
  const nodePort = svc.spec?.ports?.find((p) => p.nodePort)?.nodePort;
  const names = pending.map((s) => s.metadata?.name).join(', ');
  return (
    `힌트: LoadBalancer 서비스(${names})의 EXTERNAL-IP가 <pending>인 것은 정상이에요. 이 실습 클러스터에는 외부 IP를 나눠 줄 클라우드 로드밸런서가 없어서 ` +
    `계속 기다리는 상태로 남아요. LoadBalancer 서비스도 노드 포트를 함께 열기 때문에 노드 IP(kubectl get nodes -o wide의 INTERNAL-IP):${nodePort ?? '노드포트'}로는 지금도 접속할 수 있어요.`
  );
}
