/**
 * The real Upstream: lists through client-node at the registry's REST path (each with a deadline) and watches with its
 * Watch class (which aborts a connection that stays silent for `requestTimeoutMs`; the reflector then
 * re-watches from the last resourceVersion).
 */
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { LIST_DEADLINE_MS } from './deadline';
import { RegistryApi, restPath } from './registry-api';
import type { Upstream, UpstreamFactory, UpstreamList } from './upstream-types';

/** Builds the factory the hub uses for a kubeconfig. Namespaces were validated as DNS labels before here. */
export function clientNodeUpstreams(kc: KubeConfig): UpstreamFactory {
  const api = RegistryApi.forKubeConfig(kc, LIST_DEADLINE_MS);
  const watcher = new Watch(kc);
  // Watch's built-in 30 s timer is both the connect deadline of a watch request and an inactivity limit:
  // quiet collections simply re-watch every 30 s from their last resourceVersion.
  return (kind, namespace): Upstream => {
    // the only URLs this server ever builds for reads: the watched kind's collection, from the registry
    const path = restPath(kind, namespace ?? undefined);
    return {
      // lists come as plain JSON (getJson) and Watch parses each event's line itself
      ownsObjects: true,
      async list(page): Promise<UpstreamList> {
        const query = page ? { limit: String(page.limit), ...(page.continue ? { continue: page.continue } : {}) } : undefined;
        const res = await api.getJson<{ items?: unknown[]; metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number } }>(path, query);
        const meta = res.metadata;
        return { items: res.items ?? [], resourceVersion: meta?.resourceVersion ?? '', continue: meta?.continue || undefined, remainingItemCount: meta?.remainingItemCount };
      },
      async watch(resourceVersion, handlers) {
        const controller = await watcher.watch(
          path,
          { resourceVersion, allowWatchBookmarks: true },
          (type, obj) => handlers.onEvent(type as never, obj),
          (err) => handlers.onDone(err ?? null),
        );
        return { stop: () => controller.abort() };
      },
    };
  };
}
