/** The engine's synchronous metrics.k8s.io reads as the ClusterClient's promises (a thrown StatusError rejects). */
import type { MetricsApi } from '../sim/types';
import type { AsyncMetricsApi } from './types';

export function asyncMetrics(api: () => MetricsApi): AsyncMetricsApi {
  const call = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  return {
    listPods: (namespace, opts) => call(() => api().listPods(namespace, opts)),
    getPod: (name, namespace) => call(() => api().getPod(name, namespace)),
    listNodes: (opts) => call(() => api().listNodes(opts)),
    getNode: (name) => call(() => api().getNode(name)),
  };
}
