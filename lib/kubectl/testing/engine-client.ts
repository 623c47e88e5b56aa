/**
 * A ClusterClient over an existing Simulator (for tests that share one engine with the sim API server).
 * Synchronous engine calls become promises; changes are passed on as they happen.
 */
import type { ClusterChange, ClusterClient, ClusterInfo } from '../../cluster/types';
import { objectKey } from '../../cluster/types';
import { KINDS, type Kind, type KubeObject } from '../../k8s/types';
import type { DeleteOptions, ListOptions, PatchType, Simulator } from '../../sim/types';

export class EngineClient implements ClusterClient {
  readonly mode = 'sim' as const;
  private readonly cache = new Map<string, KubeObject>();
  private readonly listeners = new Set<(c: ClusterChange[]) => void>();
  private readonly stop: () => void;

  constructor(private readonly sim: Simulator) {
    for (const kind of KINDS) for (const o of sim.list(kind).items) this.cache.set(this.key(kind, o), o);
    this.stop = sim.subscribe((events) => {
      const changes: ClusterChange[] = events.map((ev) => {
        const key = this.key(ev.kind, ev.object);
        if (ev.type === 'DELETED') this.cache.delete(key);
        else this.cache.set(key, ev.object);
        return { type: ev.type === 'DELETED' ? 'delete' : 'upsert', kind: ev.kind, key, object: ev.object };
      });
      for (const l of this.listeners) l(changes);
    });
  }

  private key(kind: Kind, o: KubeObject): string {
    return objectKey(kind, o.metadata?.name ?? '', o.metadata?.namespace);
  }

  private async call<T>(fn: () => T): Promise<T> {
    return fn();
  }

  info(): ClusterInfo {
    return { mode: 'sim', version: 'v1.32.0', writable: true };
  }
  list(kind: Kind, namespace?: string, opts?: ListOptions) {
    return this.call(() => this.sim.list(kind, namespace, opts).items);
  }
  get(kind: Kind, name: string, namespace?: string) {
    return this.call(() => this.sim.get(kind, name, namespace));
  }
  create(obj: KubeObject, opts?: { dryRun?: boolean }) {
    return this.call(() => this.sim.create(obj, { dryRun: opts?.dryRun }));
  }
  update(obj: KubeObject) {
    return this.call(() => this.sim.update(obj));
  }
  patch(kind: Kind, name: string, namespace: string | undefined, patch: unknown, type: PatchType) {
    return this.call(() => this.sim.patch(kind, name, namespace, patch, type));
  }
  delete(kind: Kind, name: string, namespace?: string, opts?: DeleteOptions) {
    return this.call(() => this.sim.delete(kind, name, namespace, opts));
  }
  cached(): ReadonlyMap<string, KubeObject> {
    return this.cache;
  }
  subscribe(cb: (changes: ClusterChange[]) => void): () => void {
    this.listeners.add(cb);
    return () => {
      this.listeners.delete(cb);
    };
  }
  connection() {
    return 'connected' as const;
  }
  onConnection() {
    return () => {};
  }
  dispose(): void {
    this.stop();
    this.listeners.clear();
  }
}
