/**
 * A ClusterClient over an existing Simulator (for tests that share one engine with the sim API server).
 * Synchronous engine calls become promises; changes are passed on as they happen.
 */
import type { ClusterChange, ClusterClient, ClusterInfo } from '../../cluster/types';
import { SERVER_VERSION } from '../../simserver/discovery';
import { InProcessClient } from './base-client';
import { objectKey } from '../../cluster/types';
import { asyncMetrics } from '../../cluster/async-metrics';
import { KINDS, type Kind, type KubeObject } from '../../k8s/types';
import type { DeleteOptions, ListOptions, PatchType } from '../../k8s/client-types';
import type { Simulator } from '../../sim/types';

export class EngineClient extends InProcessClient implements ClusterClient {
  private readonly cache = new Map<string, KubeObject>();
  private readonly stop: () => void;
  readonly metrics = asyncMetrics(() => this.sim.metrics);

  constructor(private readonly sim: Simulator) {
    super();
    for (const kind of KINDS) for (const o of sim.list(kind).items) this.cache.set(this.key(kind, o), o);
    this.stop = sim.subscribe((events) => {
      const changes: ClusterChange[] = events.map((ev) => {
        const key = this.key(ev.kind, ev.object);
        if (ev.type === 'DELETED') this.cache.delete(key);
        else this.cache.set(key, ev.object);
        return { type: ev.type === 'DELETED' ? 'delete' : 'upsert', kind: ev.kind, key, object: ev.object };
      });
      this.emitChanges(changes);
    });
  }

  /** The version the sim API server over the same engine reports, so both kubectls see the same server. */
  info(): ClusterInfo {
    return { ...super.info(), version: SERVER_VERSION.gitVersion };
  }

  private key(kind: Kind, o: KubeObject): string {
    return objectKey(kind, o.metadata?.name ?? '', o.metadata?.namespace);
  }

  private async call<T>(fn: () => T): Promise<T> {
    return fn();
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
  evict(name: string, namespace: string) {
    return this.call(() => this.sim.evict(name, namespace));
  }
  cached(): ReadonlyMap<string, KubeObject> {
    return this.cache;
  }
  dispose(): void {
    this.stop();
    super.dispose();
  }
}
