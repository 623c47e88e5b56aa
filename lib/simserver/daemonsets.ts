/**
 * Read-only DaemonSets. The engine has no DaemonSet kind, but its kube-system pods (kube-proxy,
 * calico-node) name DaemonSet owners. Serving those owners lets `kubectl drain --ignore-daemonsets`
 * skip them as on a real cluster (instead of evicting them for good) and lets
 * `kubectl get ds -n kube-system` / `get all` show them. Objects are derived from the pods on
 * every request: O(pods).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { V1Pod } from '../k8s/types';
import { StatusError } from '../k8s/types';
import { ageSince, timestampMs } from '../k8s/age';
import { formatLabelSelector } from '../k8s/selectors';
import type { Simulator } from '../sim/types';
import { writeJson } from './respond';
import { failure, methodNotAllowed } from './status';
import { wantsTable } from './table-response';

const PATH = /^\/apis\/apps\/v1\/(?:namespaces\/([^/]+)\/)?daemonsets(?:\/([^/]+))?\/?$/;

/** The discovery entry for /apis/apps/v1. */
export const DAEMONSET_RESOURCE = {
  name: 'daemonsets', singularName: 'daemonset', namespaced: true, kind: 'DaemonSet',
  verbs: ['get', 'list'], shortNames: ['ds'], categories: ['all'],
};

interface DaemonSetView {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  metadata: { name: string; namespace: string; uid: string; creationTimestamp?: string; labels?: Record<string, string> };
  spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: V1Pod['spec'] } };
  status: { currentNumberScheduled: number; desiredNumberScheduled: number; numberReady: number; numberAvailable: number; updatedNumberScheduled: number; numberMisscheduled: number };
}

/** Serve a daemonsets path; returns false when the path is not one. */
export function handleDaemonSets(sim: Simulator, req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): boolean {
  const m = PATH.exec(pathname);
  if (!m) return false;
  if (req.method !== 'GET' || query.get('watch') === 'true') throw new StatusError(methodNotAllowed());
  const [, namespace, name] = m;
  const all = daemonSetsFrom(sim, namespace);
  if (name) {
    const ds = all.find((d) => d.metadata.name === name);
    if (!ds) throw new StatusError(failure(404, 'NotFound', `daemonsets.apps "${name}" not found`, { name, group: 'apps', kind: 'daemonsets' }));
    writeJson(res, 200, wantsTable(req.headers.accept) ? table([ds], sim.now()) : ds);
    return true;
  }
  const rv = sim.resourceVersion();
  writeJson(res, 200, wantsTable(req.headers.accept)
    ? { ...table(all, sim.now()), metadata: { resourceVersion: rv } }
    : { kind: 'DaemonSetList', apiVersion: 'apps/v1', metadata: { resourceVersion: rv }, items: all });
  return true;
}

/** One DaemonSet per DaemonSet owner named by the pods, with counts from those pods. */
export function daemonSetsFrom(sim: Simulator, namespace?: string): DaemonSetView[] {
  const byOwner = new Map<string, { owner: { name: string; uid: string }; pods: V1Pod[] }>();
  for (const pod of sim.list('Pod', namespace).items as V1Pod[]) {
    const owner = pod.metadata?.ownerReferences?.find((r) => r.kind === 'DaemonSet' && r.controller);
    if (!owner) continue;
    const key = `${pod.metadata?.namespace}/${owner.name}`;
    const entry = byOwner.get(key) ?? { owner: { name: owner.name, uid: owner.uid }, pods: [] };
    entry.pods.push(pod);
    byOwner.set(key, entry);
  }
  return [...byOwner.values()].map(({ owner, pods }) => {
    const labels = { ...(pods[0].metadata?.labels ?? {}) };
    delete labels['controller-revision-hash'];
    delete labels['pod-template-generation'];
    const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    const oldest = pods.map((p) => p.metadata?.creationTimestamp).sort((a, b) => timestampMs(a) - timestampMs(b))[0];
    return {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: owner.name, namespace: pods[0].metadata!.namespace!, uid: owner.uid, creationTimestamp: oldest as string | undefined, labels },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: pods[0].spec } },
      status: {
        currentNumberScheduled: pods.length, desiredNumberScheduled: pods.length, numberReady: ready,
        numberAvailable: ready, updatedNumberScheduled: pods.length, numberMisscheduled: 0,
      },
    } satisfies DaemonSetView;
  });
}

/** The real API server's DaemonSet columns (wide ones at priority 1). */
function table(items: DaemonSetView[], now: number) {
  const col = (name: string, type = 'string', priority = 0) => ({ name, type, format: name === 'Name' ? 'name' : '', description: '', priority });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [
      col('Name'), col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), col('Up-to-date', 'integer'),
      col('Available', 'integer'), col('Node Selector'), col('Age'), col('Containers', 'string', 1), col('Images', 'string', 1),
      col('Selector', 'string', 1),
    ],
    rows: items.map((ds) => {
      const containers = ds.spec.template.spec?.containers ?? [];
      const nodeSelector = ds.spec.template.spec?.nodeSelector;
      return {
        cells: [
          ds.metadata.name, ds.status.desiredNumberScheduled, ds.status.currentNumberScheduled, ds.status.numberReady,
          ds.status.updatedNumberScheduled, ds.status.numberAvailable,
          nodeSelector && Object.keys(nodeSelector).length ? Object.entries(nodeSelector).map(([k, v]) => `${k}=${v}`).join(',') : '<none>',
          ageSince(ds.metadata.creationTimestamp, now), containers.map((c) => c.name).join(','),
          containers.map((c) => c.image).join(','), formatLabelSelector(ds.spec.selector),
        ],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: ds.metadata },
      };
    }),
  };
}
