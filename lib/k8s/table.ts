/**
 * Server-side Table conversion (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), shared by the in-browser
 * kubectl and the sim API server. Columns, priorities and cell values follow the real API server's printers
 * (kubernetes pkg/printers/internalversion), which always fill the priority-1 ("wide") cells too; clients pick
 * columns by priority. Pure: `now` is passed in so ages are deterministic.
 */
import { ageSince, timestampMs } from './age';
import type {
  CoreV1Event, Kind, KubeObject, V1Deployment, V1Endpoints, V1Namespace, V1Node, V1Pod, V1ReplicaSet, V1Service,
} from './types';

/** The parts of metav1.LabelSelector the printers read. */
interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  object: KubeObject;
}

export interface Table {
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface TableOptions {
  /** epoch ms used for AGE cells */
  now: number;
}

type ColumnSpec = [name: string, type?: TableColumnDefinition['type'], priority?: number, description?: string];

function columns(specs: ColumnSpec[]): TableColumnDefinition[] {
  return specs.map(([name, type = 'string', priority = 0, description = '']) => ({
    name,
    type,
    format: name === 'Name' ? 'name' : '',
    description: description || DESCRIPTIONS[name] || '',
    priority,
  }));
}

const DESCRIPTIONS: Record<string, string> = {
  Name: 'Name must be unique within a namespace.',
  Age: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  Containers: 'Names of each container in the template.',
  Images: 'Images referenced by each container in the template.',
};

const COLUMNS: Record<Kind, TableColumnDefinition[]> = {
  Pod: columns([
    ['Name'],
    ['Ready', 'string', 0, 'The aggregate readiness state of this pod for accepting traffic.'],
    ['Status', 'string', 0, 'The aggregate status of the containers in this pod.'],
    ['Restarts', 'string', 0, 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'],
    ['Age'],
    ['IP', 'string', 1, 'podIP address allocated to the pod.'],
    ['Node', 'string', 1, 'NodeName indicates in which node this pod is scheduled.'],
    ['Nominated Node', 'string', 1, 'nominatedNodeName is set only when this pod preempts other pods on the node.'],
    ['Readiness Gates', 'string', 1, 'If specified, all readiness gates will be evaluated for pod readiness.'],
  ]),
  Deployment: columns([
    ['Name'],
    ['Ready', 'string', 0, 'Number of the pod with ready state'],
    ['Up-to-date', 'string', 0, 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'],
    ['Available', 'string', 0, 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'Label selector for pods.'],
  ]),
  ReplicaSet: columns([
    ['Name'],
    ['Desired', 'integer', 0, 'Replicas is the number of desired replicas.'],
    ['Current', 'integer', 0, 'Replicas is the most recently observed number of replicas.'],
    ['Ready', 'integer', 0, 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'Selector is a label query over pods that should match the replica count.'],
  ]),
  Node: columns([
    ['Name'],
    ['Status', 'string', 0, 'The status of the node'],
    ['Roles', 'string', 0, 'The roles of the node'],
    ['Age'],
    ['Version', 'string', 0, 'Kubelet Version reported by the node.'],
    ['Internal-IP', 'string', 1, 'List of addresses reachable to the node.'],
    ['External-IP', 'string', 1, 'List of addresses reachable to the node.'],
    ['OS-Image', 'string', 1, 'OS Image reported by the node from /etc/os-release.'],
    ['Kernel-Version', 'string', 1, "Kernel Version reported by the node from 'uname -r'."],
    ['Container-Runtime', 'string', 1, 'ContainerRuntime Version reported by the node through runtime remote API.'],
  ]),
  Service: columns([
    ['Name'],
    ['Type', 'string', 0, 'type determines how the Service is exposed.'],
    ['Cluster-IP', 'string', 0, 'clusterIP is the IP address of the service.'],
    ['External-IP', 'string', 0, 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic.'],
    ['Port(s)', 'string', 0, 'The list of ports that are exposed by this service.'],
    ['Age'],
    ['Selector', 'string', 1, 'Route service traffic to pods with label keys and values matching this selector.'],
  ]),
  Endpoints: columns([['Name'], ['Endpoints', 'string', 0, 'The set of all endpoints is the union of all subsets.'], ['Age']]),
  Namespace: columns([['Name'], ['Status', 'string', 0, 'The status of the namespace'], ['Age']]),
  Event: columns([
    ['Last Seen', 'string', 0, 'The time at which the most recent occurrence of this event was recorded.'],
    ['Type', 'string', 0, 'Type of this event (Normal, Warning).'],
    ['Reason', 'string', 0, 'This should be a short, machine understandable string that gives the reason for the transition.'],
    ['Object', 'string', 0, 'The object that this event is about.'],
    ['Subobject', 'string', 1, 'The field of the object this event is about.'],
    ['Source', 'string', 1, 'The component reporting this event.'],
    ['Message', 'string', 0, 'A human-readable description of the status of this operation.'],
    ['First Seen', 'string', 1, 'The time at which the event was first recorded.'],
    ['Count', 'string', 1, 'The number of times this event has occurred.'],
    ['Name', 'string', 1],
  ]),
};

/** Column definitions for a kind (all priorities). */
export function tableColumns(kind: Kind): TableColumnDefinition[] {
  return COLUMNS[kind];
}

/** Convert objects of one kind to a Table, in the given order. */
export function toTable(kind: Kind, objects: readonly KubeObject[], { now }: TableOptions): Table {
  const cellsOf = CELLS[kind];
  return {
    columnDefinitions: COLUMNS[kind],
    rows: objects.map((object) => ({ cells: cellsOf(object as never, now), object })),
  };
}

const CELLS: { [K in Kind]: (obj: never, now: number) => unknown[] } = {
  Pod: (pod: V1Pod, now) => podCells(pod, now),
  Deployment: (d: V1Deployment, now) => [
    name(d),
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    d.status?.updatedReplicas ?? 0,
    d.status?.availableReplicas ?? 0,
    ageSince(d.metadata?.creationTimestamp, now),
    ...templateCells(d.spec?.template?.spec?.containers),
    selectorString(d.spec?.selector),
  ],
  ReplicaSet: (rs: V1ReplicaSet, now) => [
    name(rs),
    rs.spec?.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    ageSince(rs.metadata?.creationTimestamp, now),
    ...templateCells(rs.spec?.template?.spec?.containers),
    selectorString(rs.spec?.selector),
  ],
  Node: (node: V1Node, now) => nodeCells(node, now),
  Service: (svc: V1Service, now) => [
    name(svc),
    svc.spec?.type ?? 'ClusterIP',
    svc.spec?.clusterIP || '<none>',
    serviceExternalIP(svc),
    servicePorts(svc),
    ageSince(svc.metadata?.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ],
  Endpoints: (ep: V1Endpoints, now) => [name(ep), formatEndpoints(ep), ageSince(ep.metadata?.creationTimestamp, now)],
  Namespace: (ns: V1Namespace, now) => [name(ns), ns.status?.phase ?? 'Active', ageSince(ns.metadata?.creationTimestamp, now)],
  Event: (ev: CoreV1Event, now) => eventCells(ev, now),
};

function name(obj: KubeObject): string {
  return obj.metadata?.name ?? '';
}

/** STATUS the way `kubectl get pods` derives it: phase, overridden by waiting/terminated reasons and deletion. */
export function podStatusReason(pod: V1Pod): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  const statuses = pod.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const st = statuses[i].state;
    if (st?.waiting?.reason) reason = st.waiting.reason;
    else if (st?.terminated?.reason) reason = st.terminated.reason;
    else if (st?.terminated) {
      reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode}`;
    } else if (statuses[i].ready && st?.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = ready ? 'Running' : 'NotReady';
  }
  const phase = pod.status?.phase;
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return reason;
}

function podCells(pod: V1Pod, now: number): unknown[] {
  const statuses = pod.status?.containerStatuses ?? [];
  let restarts = 0;
  let ready = 0;
  let lastRestart = NaN;
  for (const cs of statuses) {
    restarts += cs.restartCount ?? 0;
    const finished = timestampMs(cs.lastState?.terminated?.finishedAt);
    if (!Number.isNaN(finished) && !(finished <= lastRestart)) lastRestart = finished;
    if (cs.ready && cs.state?.running && !cs.state.waiting && !cs.state.terminated) ready++;
  }
  const restartsText =
    restarts !== 0 && !Number.isNaN(lastRestart) ? `${restarts} (${ageSince(lastRestart, now)} ago)` : String(restarts);
  const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
  const gates = pod.spec?.readinessGates ?? [];
  let gatesText = '<none>';
  if (gates.length > 0) {
    const trueConditions = gates.filter((g) =>
      pod.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True'),
    ).length;
    gatesText = `${trueConditions}/${gates.length}`;
  }
  return [
    name(pod),
    `${ready}/${pod.spec?.containers?.length ?? 0}`,
    podStatusReason(pod),
    restartsText,
    ageSince(pod.metadata?.creationTimestamp, now),
    ip,
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    gatesText,
  ];
}

function templateCells(containers: { name: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** A LabelSelector as labels.Selector.String() prints it: requirements sorted by key, comma-separated. */
export function selectorString(sel: LabelSelectorLike | undefined): string {
  if (!sel) return '';
  const parts: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push([k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})`
      : e.operator === 'NotIn' ? `${e.key} notin (${values})`
      : e.operator === 'Exists' ? e.key
      : `!${e.key}`;
    parts.push([e.key, text]);
  }
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

function nodeCells(node: V1Node, now: number): unknown[] {
  const conditions = node.status?.conditions ?? [];
  const status: string[] = [];
  const readyCondition = conditions.find((c) => c.type === 'Ready');
  status.push(readyCondition ? (readyCondition.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address || '<none>';
  const info = node.status?.nodeInfo;
  return [
    name(node),
    status.join(','),
    roles.size > 0 ? [...roles].sort().join(',') : '<none>',
    ageSince(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    address('InternalIP'),
    address('ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

function serviceExternalIP(svc: V1Service): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const external = svc.spec?.externalIPs ?? [];
  if (type === 'ExternalName') return svc.spec?.externalName ?? '<none>';
  if (type === 'LoadBalancer') {
    const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
    const all = [...ingress, ...external];
    return all.length > 0 ? all.join(',') : '<pending>';
  }
  return external.length > 0 ? external.join(',') : '<none>';
}

function servicePorts(svc: V1Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

/** At most three `ip:port` entries, then ` + N more...`, as kubectl shows endpoints. */
function formatEndpoints(ep: V1Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    const pairs = ports.length === 0 ? addresses.map((a) => a.ip) : ports.flatMap((p) => addresses.map((a) => `${a.ip}:${p.port}`));
    count += pairs.length;
    for (const pair of pairs) {
      if (list.length === max) {
        more = true;
        break;
      }
      list.push(pair);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function eventCells(ev: CoreV1Event, now: number): unknown[] {
  const first = Number.isNaN(timestampMs(ev.firstTimestamp))
    ? ageSince(ev.eventTime, now)
    : ageSince(ev.firstTimestamp, now);
  let last = Number.isNaN(timestampMs(ev.lastTimestamp)) ? first : ageSince(ev.lastTimestamp, now);
  let count = ev.count || 1;
  if (ev.series) {
    last = ageSince(ev.series.lastObservedTime, now);
    count = ev.series.count ?? count;
  }
  const involved = ev.involvedObject;
  const target = involved?.name ? `${(involved.kind ?? '').toLowerCase()}/${involved.name}` : (involved?.kind ?? '').toLowerCase();
  const source = ev.source?.component
    ? [ev.source.component, ev.source.host].filter(Boolean).join(', ')
    : [ev.reportingComponent, ev.reportingInstance].filter(Boolean).join(', ');
  return [
    last,
    ev.type ?? '',
    ev.reason ?? '',
    target,
    involved?.fieldPath ?? '',
    source,
    (ev.message ?? '').trim(),
    first,
    count,
    name(ev),
  ];
}
