/** What every in-process test ClusterClient shares: always connected, and a listener set for changes. */
import type { ClusterChange, ClusterInfo } from '../../cluster/types';
import { K8S_VERSION } from '../../sim/controllers/system-pods';

export abstract class InProcessClient {
  readonly mode = 'sim' as const;
  protected readonly listeners = new Set<(c: ClusterChange[]) => void>();

  info(): ClusterInfo {
    return { mode: 'sim', version: K8S_VERSION, writable: true };
  }
  subscribe(cb: (changes: ClusterChange[]) => void): () => void {
    this.listeners.add(cb);
    return () => {
      this.listeners.delete(cb);
    };
  }
  protected emitChanges(changes: ClusterChange[]): void {
    for (const l of this.listeners) l(changes);
  }
  connection() {
    return 'connected' as const;
  }
  onConnection() {
    return () => {};
  }
  dispose(): void {
    this.listeners.clear();
  }
}
