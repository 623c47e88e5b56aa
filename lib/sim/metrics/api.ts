/**
 * The metrics.k8s.io/v1beta1 read API over the engine's store: list (namespace, label and field selectors, sorted
 * by namespace and name as metrics-server sorts) and get, with metrics-server's NotFound for an object it has no
 * metrics for yet (pkg/api/pod.go, node.go: `podmetrics.metrics.k8s.io "default/web" not found`).
 */
import type { V1Node, V1Pod } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { keyOf } from '../store';
import { notFound } from '../../k8s/status';
import { matchesFieldSelector, matchesLabelSelector, parseFieldSelector, parseLabelSelector } from '../../k8s/selectors';
import { nodeMetricsAt, podMetricsAt, type NodeMetrics, type PodMetrics } from './metrics-server';

export interface MetricsListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

const POD_METRICS = { group: 'metrics.k8s.io', resource: 'podmetrics' };
const NODE_METRICS = { group: 'metrics.k8s.io', resource: 'nodemetrics' };

function podMetricsOf(e: Engine, pod: V1Pod): PodMetrics | undefined {
  const nodeName = pod.spec?.nodeName;
  const node = nodeName ? (e.store.get('Node', nodeName) as V1Node | undefined) : undefined;
  const down = nodeName ? e.state.nodes[nodeName]?.downSince : undefined;
  return podMetricsAt(pod, e.time, node, down !== undefined && down <= e.time);
}

function nodeMetricsOf(e: Engine, node: V1Node): NodeMetrics | undefined {
  const name = node.metadata!.name!;
  const pods = [...(e.store.podsByNode.get(name) ?? [])].map((key) => e.store.get('Pod', key) as V1Pod).filter(Boolean);
  return nodeMetricsAt(node, pods, e.time, e.state.nodes[name]?.downSince);
}

function selected<T extends { metadata?: { labels?: Record<string, string> } }>(objects: Iterable<T>, opts: MetricsListOptions, kind: 'Pod' | 'Node'): T[] {
  const label = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
  const field = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector, kind) : undefined;
  return [...objects].filter((o) => (!label || matchesLabelSelector(label, o.metadata?.labels)) && (!field || matchesFieldSelector(field, o)));
}

/** PodMetrics of the pods in `namespace` (all when undefined) that have metrics. O(pods listed). */
export function listPodMetrics(e: Engine, namespace: string | undefined, opts: MetricsListOptions = {}): PodMetrics[] {
  const out: PodMetrics[] = [];
  for (const pod of selected(e.store.values('Pod', namespace) as Iterable<V1Pod>, opts, 'Pod')) {
    const m = podMetricsOf(e, pod);
    if (m) out.push(m);
  }
  return out.sort((a, b) => a.metadata.namespace.localeCompare(b.metadata.namespace) || a.metadata.name.localeCompare(b.metadata.name));
}

export function getPodMetrics(e: Engine, name: string, namespace: string): PodMetrics {
  const pod = e.store.get('Pod', keyOf(name, namespace)) as V1Pod | undefined;
  if (!pod) throw notFound('Pod', name);
  const m = podMetricsOf(e, pod);
  if (!m) throw notFound(POD_METRICS, `${namespace}/${name}`);
  return m;
}

export function listNodeMetrics(e: Engine, opts: MetricsListOptions = {}): NodeMetrics[] {
  const out: NodeMetrics[] = [];
  for (const node of selected(e.store.values('Node') as Iterable<V1Node>, opts, 'Node')) {
    const m = nodeMetricsOf(e, node);
    if (m) out.push(m);
  }
  return out.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function getNodeMetrics(e: Engine, name: string): NodeMetrics {
  const node = e.store.get('Node', name) as V1Node | undefined;
  if (!node) throw notFound('Node', name);
  const m = nodeMetricsOf(e, node);
  if (!m) throw notFound(NODE_METRICS, name);
  return m;
}

/** metrics.k8s.io/v1beta1 reads, as the Simulator exposes them (Simulator.metrics). */
export interface MetricsApi {
  listPods(namespace: string | undefined, opts?: MetricsListOptions): PodMetrics[];
  getPod(name: string, namespace: string): PodMetrics;
  listNodes(opts?: MetricsListOptions): NodeMetrics[];
  getNode(name: string): NodeMetrics;
}

export function metricsApi(engine: () => Engine): MetricsApi {
  return {
    listPods: (namespace, opts) => listPodMetrics(engine(), namespace, opts),
    getPod: (name, namespace) => getPodMetrics(engine(), name, namespace),
    listNodes: (opts) => listNodeMetrics(engine(), opts),
    getNode: (name) => getNodeMetrics(engine(), name),
  };
}
