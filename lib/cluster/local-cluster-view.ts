/**
 * What the two simulator clients share on the page (SimClient with the engine here, WorkerSimClient with it in a
 * worker): the page's copy of the cluster (cached()), the listeners of its changes, and a connection that is always
 * up, because the engine is never across a network.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { ClusterChange, ClusterInfo, ConnectionState } from './types';
import { addListener } from './listeners';

export abstract class LocalClusterView {
  protected readonly cache = new Map<string, KubeObject>();
  protected readonly listeners = new Set<(c: ClusterChange[]) => void>();

  /** The simulator as the mode badge and `kubectl version` describe it. */
  protected simInfo(version: string): ClusterInfo {
    return { mode: 'sim', server: '시뮬레이터', version, writable: true, namespaces: ['default', 'kube-system'] };
  }

  cached(): ReadonlyMap<string, KubeObject> {
    return this.cache;
  }
  subscribe(cb: (changes: ClusterChange[]) => void): () => void {
    return addListener(this.listeners, cb);
  }
  connection(): ConnectionState {
    return 'connected';
  }
  onConnection(): () => void {
    return () => {};
  }

  /** Empties the copy, returning a delete for every object it held (a reset: the old cluster is gone). O(objects). */
  protected clearCache(): ClusterChange[] {
    const gone: ClusterChange[] = [];
    for (const [key, object] of this.cache) gone.push({ type: 'delete', kind: key.split('/')[0] as Kind, key, object });
    this.cache.clear();
    return gone;
  }
}
