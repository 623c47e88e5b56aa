/**
 * Projection of engine objects (full Kubernetes objects) to the small, flat views the graph draws.
 * Pure and O(size of one object) per call, so the store can re-project only what changed.
 */
import type { CoreV1Event, V1Deployment, V1Node, V1Pod, V1ReplicaSet, V1Service } from '../k8s/types';
import { podStatusView, type PodStatusView } from './pod-status';
import { containerHealth, type ContainerHealth } from './pod-health';
import { parseCpuMillis, parseMemoryBytes } from '../k8s/quantity';
import { timestampMs } from '../k8s/age';
import { eventTimeMs } from '../k8s/kinds/event';

/** Quantities from the store are valid already; a malformed one counts as nothing rather than breaking the view. */
function safeQuantity(parse: (q: string | number | undefined) => number, q: string | number | undefined): number {
  try {
    return parse(q);
  } catch {
    return 0;
  }
}

export type Labels = Readonly<Record<string, string>>;

export interface OwnerRef {
  kind: string;
  name: string;
}

export interface PodView {
  key: string;
  name: string;
  namespace: string;
  /** The random suffix a tile has room for (web-5d9c7-x2k4p → x2k4p). */
  shortName: string;
  nodeName: string | null;
  labels: Labels;
  owner: OwnerRef | null;
  ip: string | null;
  /** Creation time, epoch ms (0 if unknown). */
  createdAt: number;
  /** CPU (millicores) and memory (bytes) the pod requests; what the scheduler counts. */
  cpuRequestMilli: number;
  memoryRequestBytes: number;
  status: PodStatusView;
  /** Per container: state, restarts, last termination and probes (the details panel). */
  containers: ContainerHealth[];
}

export type NodeRole = 'control-plane' | 'worker';

export interface NodeView {
  name: string;
  role: NodeRole;
  ready: boolean;
  unschedulable: boolean;
  /** STATUS as kubectl get nodes prints it: Ready, NotReady, Ready,SchedulingDisabled … */
  status: string;
  cpuAllocatableMilli: number;
  memoryAllocatableBytes: number;
  podsAllocatable: number;
  labels: Labels;
  taints: string[];
  internalIP: string | null;
  kubeletVersion: string | null;
}

export interface ReplicaSetView {
  key: string;
  name: string;
  namespace: string;
  owner: OwnerRef | null;
  revision: number;
  desired: number;
  current: number;
  ready: number;
  available: number;
  labels: Labels;
  createdAt: number;
}

export interface DeploymentView {
  key: string;
  name: string;
  namespace: string;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurge: string | number;
  maxUnavailable: string | number;
  paused: boolean;
  labels: Labels;
}

export interface ServiceView {
  key: string;
  name: string;
  namespace: string;
  type: string;
  clusterIP: string | null;
  /** A Service without a selector selects nothing (its Endpoints are managed by hand). */
  selector: Labels | null;
  ports: string;
}

export interface EventView {
  key: string;
  type: string;
  reason: string;
  message: string;
  /** "Pod/web-abc12" — what the event is about. */
  involved: string;
  involvedKey: string;
  /** The container a kubelet event is about (involvedObject.fieldPath `spec.containers{name}`), if any. */
  container: string | null;
  namespace: string;
  count: number;
  /** Simulated time of the latest occurrence, epoch ms. */
  time: number;
  /** Korean "why" from the write's cause, when the engine gave one. */
  why: string | null;
  actor: string | null;
}

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

/**
 * Owners by the ownerReferences array they come from. Every write of an object makes a new version of it, but its
 * ownerReferences array is the same one until they change (the engine and the page's field patches share unchanged
 * parts), so each of a rollout's status writes reuses its pod's owner instead of allocating one.
 */
const owners = new WeakMap<object, OwnerRef | null>();

function ownerOf(meta: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] } | undefined): OwnerRef | null {
  const refs = meta?.ownerReferences;
  if (!refs) return null;
  let owner = owners.get(refs);
  if (owner === undefined) {
    const ref = refs.find((r) => r.controller) ?? refs[0];
    owner = ref ? { kind: ref.kind, name: ref.name } : null;
    owners.set(refs, owner);
  }
  return owner;
}

function shortNameOf(name: string, owner: OwnerRef | null): string {
  // Controller-made names end in a generated suffix; that suffix tells sibling pods apart.
  if (owner && (owner.kind === 'ReplicaSet' || owner.kind === 'DaemonSet')) {
    const dash = name.lastIndexOf('-');
    if (dash > 0) return name.slice(dash + 1);
  }
  return name.length > 12 ? `${name.slice(0, 11)}…` : name;
}

function timeOf(s: unknown): number {
  const ms = timestampMs(s);
  return Number.isFinite(ms) ? ms : 0;
}

/** Project a Pod. `key` is the ClusterClient key (Pod/ns/name). */
export function projectPod(key: string, pod: V1Pod): PodView {
  const name = pod.metadata?.name ?? '';
  const owner = ownerOf(pod.metadata as never);
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += safeQuantity(parseCpuMillis, c.resources?.requests?.cpu);
    mem += safeQuantity(parseMemoryBytes, c.resources?.requests?.memory);
  }
  return {
    key,
    name,
    namespace: pod.metadata?.namespace ?? 'default',
    shortName: shortNameOf(name, owner),
    nodeName: pod.spec?.nodeName ?? null,
    labels: pod.metadata?.labels ?? {},
    owner,
    ip: pod.status?.podIP ?? null,
    createdAt: timeOf(pod.metadata?.creationTimestamp),
    cpuRequestMilli: cpu,
    memoryRequestBytes: mem,
    status: podStatusView(pod),
    containers: containerHealth(pod),
  };
}

/** Project a Node; the control plane is recognised by its role label, as kubectl's ROLES column does. */
export function projectNode(node: V1Node): NodeView {
  const labels = node.metadata?.labels ?? {};
  const role: NodeRole = CONTROL_PLANE_LABELS.some((l) => l in labels) ? 'control-plane' : 'worker';
  const ready = node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const unschedulable = node.spec?.unschedulable === true;
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  return {
    name: node.metadata?.name ?? '',
    role,
    ready,
    unschedulable,
    status: `${ready ? 'Ready' : 'NotReady'}${unschedulable ? ',SchedulingDisabled' : ''}`,
    cpuAllocatableMilli: safeQuantity(parseCpuMillis, alloc.cpu),
    memoryAllocatableBytes: safeQuantity(parseMemoryBytes, alloc.memory),
    podsAllocatable: Number(alloc.pods ?? 0) || 0,
    labels,
    taints,
    internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? null,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
  };
}

/**
 * Whether two projections of a Node show the same thing. A kubelet writes its Node every 5 minutes (the heartbeat) and
 * with every image it pulls; none of that is in the view, so the store keeps the old view and no node box re-renders.
 */
export function sameNodeView(a: NodeView, b: NodeView): boolean {
  return (
    a.name === b.name &&
    a.role === b.role &&
    a.ready === b.ready &&
    a.unschedulable === b.unschedulable &&
    a.status === b.status &&
    a.cpuAllocatableMilli === b.cpuAllocatableMilli &&
    a.memoryAllocatableBytes === b.memoryAllocatableBytes &&
    a.podsAllocatable === b.podsAllocatable &&
    a.internalIP === b.internalIP &&
    a.kubeletVersion === b.kubeletVersion &&
    a.taints.length === b.taints.length &&
    a.taints.every((t, i) => t === b.taints[i]) &&
    sameStringRecord(a.labels, b.labels)
  );
}

function sameStringRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Project a ReplicaSet; the revision comes from the annotation the Deployment controller writes. */
export function projectReplicaSet(key: string, rs: V1ReplicaSet): ReplicaSetView {
  return {
    key,
    name: rs.metadata?.name ?? '',
    namespace: rs.metadata?.namespace ?? 'default',
    owner: ownerOf(rs.metadata as never),
    revision: Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0) || 0,
    desired: rs.spec?.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
    labels: rs.metadata?.labels ?? {},
    createdAt: timeOf(rs.metadata?.creationTimestamp),
  };
}

/** Project a Deployment with its rollout strategy (defaults as the API server fills them: 25% / 25%). */
export function projectDeployment(key: string, d: V1Deployment): DeploymentView {
  const ru = d.spec?.strategy?.rollingUpdate;
  return {
    key,
    name: d.metadata?.name ?? '',
    namespace: d.metadata?.namespace ?? 'default',
    desired: d.spec?.replicas ?? 1,
    updated: d.status?.updatedReplicas ?? 0,
    ready: d.status?.readyReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    strategy: d.spec?.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate',
    maxSurge: ru?.maxSurge ?? '25%',
    maxUnavailable: ru?.maxUnavailable ?? '25%',
    paused: d.spec?.paused === true,
    labels: d.metadata?.labels ?? {},
  };
}

/** Project a Service: type, cluster IP, selector and a PORT(S) string like kubectl's. */
export function projectService(key: string, s: V1Service): ServiceView {
  const ports = (s.spec?.ports ?? [])
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
  const sel = s.spec?.selector;
  return {
    key,
    name: s.metadata?.name ?? '',
    namespace: s.metadata?.namespace ?? 'default',
    type: s.spec?.type ?? 'ClusterIP',
    clusterIP: s.spec?.clusterIP ?? null,
    selector: sel && Object.keys(sel).length > 0 ? sel : null,
    ports: ports || '<none>',
  };
}

/** Project an Event; `why` is the Korean cause of the write that recorded it. */
export function projectEvent(key: string, e: CoreV1Event, why: { actor: string; message: string } | undefined): EventView {
  const io = e.involvedObject ?? {};
  const ns = io.namespace ?? e.metadata?.namespace ?? '';
  return {
    key,
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    involved: `${io.kind ?? ''}/${io.name ?? ''}`,
    involvedKey: `${io.kind ?? ''}/${io.kind === 'Node' ? '' : ns}/${io.name ?? ''}`,
    container: /^spec\.(?:initC|c)ontainers\{(.+)\}$/.exec(io.fieldPath ?? '')?.[1] ?? null,
    namespace: ns,
    count: e.count ?? 1,
    time: eventTimeMs(e),
    why: why?.message ?? null,
    actor: why?.actor ?? e.source?.component ?? e.reportingComponent ?? null,
  };
}
