/**
 * metrics.k8s.io/v1beta1 as metrics-server serves it through the API server's aggregation layer: discovery for
 * the group, and read-only pods (namespaced) and nodes (cluster-scoped) lists and gets, with label and field
 * selectors (sigs.k8s.io/metrics-server pkg/api/install.go, pod.go, node.go, table.go). `kubectl top` finds the
 * group in /apis (pkg/cmd/top/top.go SupportedMetricsAPIVersionAvailable) and reads these.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import { writeJson, writeStatus } from './respond';
import { wantsTable } from './table-response';
import { badRequest, methodNotAllowed, pathNotFound } from '../k8s/status';
import { formatMemory, parseMemoryBytes, parseQuantity } from '../k8s/quantity';
import { METRICS_API_VERSION, nanocoresQuantity, type NodeMetrics, type PodMetrics } from '../sim/metrics/metrics-server';

export const METRICS_GROUP = 'metrics.k8s.io';
const VERSION = 'v1beta1';
const GROUP_VERSION = { groupVersion: METRICS_API_VERSION, version: VERSION };

/** The group's entry in /apis. */
export const METRICS_API_GROUP = { name: METRICS_GROUP, versions: [GROUP_VERSION], preferredVersion: GROUP_VERSION };

const RESOURCE_LIST = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: METRICS_API_VERSION,
  resources: [
    { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
    { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
  ],
};

/** Whether `pathname` belongs to the metrics group (it is answered here, never by the resource handlers). */
export const isMetricsPath = (pathname: string): boolean => pathname === `/apis/${METRICS_GROUP}` || pathname.startsWith(`/apis/${METRICS_GROUP}/`);

/** /apis/metrics.k8s.io/v1beta1/[namespaces/{ns}/]{pods|nodes}[/{name}] */
const RESOURCE_PATH = /^\/apis\/metrics\.k8s\.io\/v1beta1(?:\/namespaces\/([^/]+))?\/(pods|nodes)(?:\/([^/]+))?\/?$/;

export function serveMetrics(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return writeStatus(res, methodNotAllowed().status);
  const path = pathname.replace(/\/$/, '');
  if (path === `/apis/${METRICS_GROUP}`) return writeJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...METRICS_API_GROUP });
  if (path === `/apis/${METRICS_API_VERSION}`) return writeJson(res, 200, RESOURCE_LIST);
  const m = RESOURCE_PATH.exec(path);
  if (!m || (m[2] === 'nodes' && m[1] !== undefined)) return writeStatus(res, pathNotFound().status);
  const [, rawNamespace, resource, rawName] = m;
  const namespace = decoded(rawNamespace);
  const name = decoded(rawName);
  if (namespace === null || name === null) return writeStatus(res, badRequest(`invalid URL escape in "${pathname}"`).status);
  const opts = { labelSelector: query.get('labelSelector') ?? undefined, fieldSelector: query.get('fieldSelector') ?? undefined };
  const { metrics } = ctx.sim;
  const table = wantsTable(req.headers.accept);
  if (resource === 'pods') {
    if (name !== undefined) {
      if (namespace === undefined) return writeStatus(res, pathNotFound().status);
      const one = metrics.getPod(name, namespace);
      return writeJson(res, 200, table ? metricsTable([one]) : one);
    }
    const items = metrics.listPods(namespace, opts);
    return writeJson(res, 200, table ? metricsTable(items) : list('PodMetricsList', items));
  }
  if (name !== undefined) {
    const one = metrics.getNode(name);
    return writeJson(res, 200, table ? metricsTable([one]) : one);
  }
  const items = metrics.listNodes(opts);
  return writeJson(res, 200, table ? metricsTable(items) : list('NodeMetricsList', items));
}

/** A path segment unescaped; null when its escape is malformed. */
function decoded(segment: string | undefined): string | undefined | null {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const list = (kind: string, items: unknown[]) => ({ kind, apiVersion: METRICS_API_VERSION, metadata: {}, items });

/** metrics-server's ConvertToTable: Name, cpu, memory, Window (the pod's containers summed; pkg/api/table.go). */
function metricsTable(items: (PodMetrics | NodeMetrics)[]): Record<string, unknown> {
  const quantity = (name: string) => ({ name, type: 'string', format: 'quantity', description: '', priority: 0 });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: 'Name of the resource', priority: 0 }, quantity('cpu'), quantity('memory'), { name: 'Window', type: 'string', format: 'duration', description: '', priority: 0 }],
    rows: items.map((m) => {
      const usage = 'usage' in m ? m.usage : sumUsage(m.containers.map((c) => c.usage));
      return { cells: [m.metadata.name, usage.cpu, usage.memory, m.window], object: m };
    }),
  };
}

/** A pod's containers added up, in the same canonical forms. */
function sumUsage(usages: { cpu: string; memory: string }[]): { cpu: string; memory: string } {
  let cpu = 0;
  let memory = 0;
  for (const u of usages) {
    cpu += Math.round(parseQuantity(u.cpu) * 1e9);
    memory += parseMemoryBytes(u.memory);
  }
  return { cpu: nanocoresQuantity(cpu), memory: formatMemory(memory) };
}
