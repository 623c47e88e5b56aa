/**
 * The real Upstream: lists through client-node's typed APIs (each with a deadline) and watches with its
 * Watch class (which aborts a connection that stays silent for `requestTimeoutMs`; the reflector then
 * re-watches from the last resourceVersion).
 */
import { AppsV1Api, CoreV1Api, Watch, type KubeConfig } from '@kubernetes/client-node';
import { withDeadline } from './deadline';
import type { Upstream, UpstreamFactory, UpstreamList, WatchedKind } from './upstream-types';

interface Apis {
  core: CoreV1Api;
  apps: AppsV1Api;
}

type ListFn = (apis: Apis, namespace: string) => Promise<{ items: unknown[]; metadata?: { resourceVersion?: string } }>;

/** REST path and list call per kind; the only URLs this server ever builds for reads. */
const KIND_ROUTES: Record<WatchedKind, { path(ns: string): string; list: ListFn }> = {
  Node: { path: () => '/api/v1/nodes', list: ({ core }) => core.listNode({}, withDeadline()) },
  Pod: {
    path: (ns) => `/api/v1/namespaces/${ns}/pods`,
    list: ({ core }, namespace) => core.listNamespacedPod({ namespace }, withDeadline()),
  },
  Service: {
    path: (ns) => `/api/v1/namespaces/${ns}/services`,
    list: ({ core }, namespace) => core.listNamespacedService({ namespace }, withDeadline()),
  },
  Endpoints: {
    path: (ns) => `/api/v1/namespaces/${ns}/endpoints`,
    list: ({ core }, namespace) => core.listNamespacedEndpoints({ namespace }, withDeadline()),
  },
  Event: {
    path: (ns) => `/api/v1/namespaces/${ns}/events`,
    list: ({ core }, namespace) => core.listNamespacedEvent({ namespace }, withDeadline()),
  },
  ReplicaSet: {
    path: (ns) => `/apis/apps/v1/namespaces/${ns}/replicasets`,
    list: ({ apps }, namespace) => apps.listNamespacedReplicaSet({ namespace }, withDeadline()),
  },
  Deployment: {
    path: (ns) => `/apis/apps/v1/namespaces/${ns}/deployments`,
    list: ({ apps }, namespace) => apps.listNamespacedDeployment({ namespace }, withDeadline()),
  },
};

/** Builds the factory the hub uses for a kubeconfig. Namespaces were validated as DNS labels before here. */
export function clientNodeUpstreams(kc: KubeConfig): UpstreamFactory {
  const apis: Apis = { core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
  const watcher = new Watch(kc);
  // Watch's built-in 30 s timer is both the connect deadline of a watch request and an inactivity limit:
  // quiet collections simply re-watch every 30 s from their last resourceVersion.
  return (kind, namespace): Upstream => {
    const route = KIND_ROUTES[kind];
    const ns = namespace ?? '';
    return {
      async list(): Promise<UpstreamList> {
        const res = await route.list(apis, ns);
        return { items: res.items ?? [], resourceVersion: res.metadata?.resourceVersion ?? '' };
      },
      async watch(resourceVersion, handlers) {
        const controller = await watcher.watch(
          route.path(ns),
          { resourceVersion, allowWatchBookmarks: true },
          (type, obj) => handlers.onEvent(type as never, obj),
          (err) => handlers.onDone(err ?? null),
        );
        return { stop: () => controller.abort() };
      },
    };
  };
}
