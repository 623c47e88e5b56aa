import { ClusterArchitectureDiagram } from './diagrams/cluster-architecture';
import { DeployFlowDiagram } from './diagrams/deploy-flow';
import { KubeadmSetupDiagram } from './diagrams/kubeadm-setup';
import { OrchestrationDiagram } from './diagrams/orchestration';
import { PodNetworkDiagram } from './diagrams/pod-network';
import { ReplicaSetHealingDiagram } from './diagrams/replicaset-healing';
import { ResourceHierarchyDiagram } from './diagrams/resource-hierarchy';
import { RollingUpdateDiagram } from './diagrams/rolling-update';
import { ServiceRoutingDiagram } from './diagrams/service-routing';

/** Every diagram a lesson can name with `<Diagram name="…" />`. */
export const DIAGRAMS = {
  orchestration: OrchestrationDiagram,
  'cluster-architecture': ClusterArchitectureDiagram,
  'deploy-flow': DeployFlowDiagram,
  'pod-network': PodNetworkDiagram,
  'replicaset-healing': ReplicaSetHealingDiagram,
  'rolling-update': RollingUpdateDiagram,
  'resource-hierarchy': ResourceHierarchyDiagram,
  'service-routing': ServiceRoutingDiagram,
  'kubeadm-setup': KubeadmSetupDiagram,
} as const;

export type DiagramName = keyof typeof DIAGRAMS;

/** Renders a named SVG diagram (Korean labels, accessible title and description). */
export function Diagram({ name }: { name: string }) {
  const Component = DIAGRAMS[name as DiagramName];
  if (!Component) return <p role="alert">알 수 없는 그림: {name}</p>;
  return <Component />;
}
