/** The ClusterBackend over a bare-machines simulator (createSimulator({ cluster: { bare: true } })). */
import type { V1Node } from '../k8s/api-types';
import type { Simulator } from '../sim/types';
import type { ClusterBackend } from './world';

export function simulatorBackend(sim: Simulator): ClusterBackend {
  return {
    kubeadm: (action) => sim.kubeadm(action),
    nodeReady: (name) => {
      const node = sim.list('Node').items.find((n) => n.metadata?.name === name) as V1Node | undefined;
      if (!node) return undefined;
      return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    },
  };
}
