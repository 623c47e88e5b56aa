/**
 * Read-only DaemonSets. The engine has no DaemonSet kind, but its kube-system pods (kube-proxy,
 * calico-node) name DaemonSet owners. Serving those owners lets `kubectl drain --ignore-daemonsets`
 * skip them as on a real cluster (instead of evicting them for good) and lets
 * `kubectl get ds -n kube-system` / `get all` show them. Objects are derived from the pods on
 * every request: O(pods).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { V1ObjectMeta, V1Pod } from '../k8s/types';
import { timestampMs } from '../k8s/age';
import { apiVersionOf, kindOf, type KindInfo } from '../k8s/kinds';
import { methodNotAllowed, notFound } from '../k8s/status';
import type { Simulator } from '../sim/types';
import { writeJson } from './respond';
import { tableEnvelope, wantsTable } from './table-response';

/** The registry's DaemonSet as this server serves it: read-only (get, list), no subresources. */
export const DAEMONSET_RESOURCE: KindInfo = { ...kindOf('DaemonSet'), verbs: ['get', 'list'], subresources: [] };
const { group, version, plural, kind } = DAEMONSET_RESOURCE;
const API_VERSION = apiVersionOf(DAEMONSET_RESOURCE);
const PATH = new RegExp(`^/apis/${group}/${version}/(?:namespaces/([^/]+)/)?${plural}(?:/([^/]+))?/?$`);

interface DaemonSetView {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; uid: string; creationTimestamp?: V1ObjectMeta['creationTimestamp']; labels?: Record<string, string> };
  spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: V1Pod['spec'] } };
  status: { currentNumberScheduled: number; desiredNumberScheduled: number; numberReady: number; numberAvailable: number; updatedNumberScheduled: number; numberMisscheduled: number };
}

/** Serve a daemonsets path; returns false when the path is not one. */
export function handleDaemonSets(sim: Simulator, req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): boolean {
  const m = PATH.exec(pathname);
  if (!m) return false;
  if (req.method !== 'GET' || query.get('watch') === 'true') throw methodNotAllowed();
  const [, namespace, name] = m;
  const all = daemonSetsFrom(sim, namespace);
  if (name) {
    const ds = all.find((d) => d.metadata.name === name);
    if (!ds) throw notFound('DaemonSet', name);
    writeJson(res, 200, wantsTable(req.headers.accept) ? tableEnvelope('DaemonSet', [ds], { now: sim.now() }) : ds);
    return true;
  }
  const rv = sim.resourceVersion();
  writeJson(res, 200, wantsTable(req.headers.accept)
    ? tableEnvelope('DaemonSet', all, { now: sim.now(), resourceVersion: rv })
    : { kind: `${kind}List`, apiVersion: API_VERSION, metadata: { resourceVersion: rv }, items: all });
  return true;
}

/** One DaemonSet per DaemonSet owner named by the pods, with counts from those pods. */
export function daemonSetsFrom(sim: Simulator, namespace?: string): DaemonSetView[] {
  const byOwner = new Map<string, { owner: { name: string; uid: string }; pods: V1Pod[] }>();
  for (const pod of sim.list('Pod', namespace).items as V1Pod[]) {
    const owner = pod.metadata?.ownerReferences?.find((r) => r.kind === kind && r.controller);
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
      apiVersion: API_VERSION,
      kind,
      metadata: { name: owner.name, namespace: pods[0].metadata!.namespace!, uid: owner.uid, creationTimestamp: oldest, labels },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: pods[0].spec } },
      status: {
        currentNumberScheduled: pods.length, desiredNumberScheduled: pods.length, numberReady: ready,
        numberAvailable: ready, updatedNumberScheduled: pods.length, numberMisscheduled: 0,
      },
    } satisfies DaemonSetView;
  });
}
