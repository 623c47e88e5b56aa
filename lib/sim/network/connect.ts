/**
 * Where a TCP connection ends up: the client (a pod, a node, or the student's laptop outside the cluster), through
 * kube-proxy's rules (kube-proxy.ts), to a pod's container whose process listens on the port — or refused (nothing
 * listens there: the kernel answers RST; or kube-proxy REJECTs a Service without endpoints) or timed out (nothing
 * owns the address, or it isn't routable from where the client is).
 */
import type { V1Container, V1Node, V1Pod, V1Service } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { keyOf } from '../store';
import { timestampMs } from '../../k8s/age';
import { nodeInternalIp } from '../controllers/node-network';
import { runContainer, type ContainerProcess } from '../apps/run-container';
import { processViewOf } from '../apps/process-view';
import { stopsOnSigterm } from '../images';
import type { ContainerProcessView } from '../prober/process-view';
import { nodeByIp, proxy } from './kube-proxy';
import { inCidr } from './ip';

/** Who sends: a pod (by name), a node (by name), or the student's laptop on the nodes' network. */
export type RequestOrigin = { pod: string; namespace?: string } | { node: string } | 'outside';

/** The laptop's address on the host-only network the nodes (192.168.56.10 …) live on. */
export const LAPTOP_IP = '192.168.56.1';

export interface Client {
  ip: string;
  /** the node the client's packets start on (none for the laptop) */
  node?: string;
  pod?: V1Pod;
}

export type Connection =
  | { ok: true; pod: V1Pod; container: V1Container; proc: ContainerProcess; view: ContainerProcessView; startedAt: number; port: number; clientIp: string; service?: string; crossNode: boolean }
  | { ok: false; error: 'refused' | 'timeout'; service?: string; /** the pod that refused (its app isn't listening) */ pod?: V1Pod };

/** The client behind an origin, or a Korean reason why it can't send. */
export function clientOf(e: Engine, from: RequestOrigin): Client | string {
  if (from === 'outside') return { ip: LAPTOP_IP };
  if ('node' in from) {
    const node = e.get<V1Node>('Node', from.node);
    return node ? { ip: nodeInternalIp(node), node: from.node } : `노드 ${from.node}이(가) 없어요.`;
  }
  const pod = e.get<V1Pod>('Pod', keyOf(from.pod, from.namespace || 'default'));
  if (!pod) return `파드 ${from.pod}이(가) 없어요.`;
  if (pod.status?.phase !== 'Running' || !pod.status.podIP) return `파드 ${from.pod}이(가) 실행 중이 아니에요.`;
  return { ip: pod.status.podIP, node: pod.spec?.nodeName, pod };
}

interface Running {
  proc: ContainerProcess;
  view: ContainerProcessView;
  startedAt: number;
}
const processCache = new Map<string, Running | undefined>();
/**
 * The last answer per stored pod object and container, with the kubelet's precise start time it was computed with:
 * a stored pod never changes (a write stores a new object), so only that start time can move under it.
 */
const byPodObject = new WeakMap<V1Pod, Map<string, { precise: number | undefined; run: Running | undefined }>>();

/** A container's running process and what it answers (cached per instance: a load generator asks thousands of times). */
export function processOf(e: Engine, pod: V1Pod, c: V1Container): Running | undefined {
  const rt = e.state.kubelet.get(keyOf(pod.metadata!.name!, pod.metadata!.namespace));
  const precise = rt?.uid === pod.metadata?.uid ? rt?.started?.[c.name] : undefined;
  let seen = byPodObject.get(pod);
  const hit = seen?.get(c.name);
  if (hit && hit.precise === precise) return hit.run;
  const run = processFor(pod, c, precise);
  if (!seen) byPodObject.set(pod, (seen = new Map()));
  seen.set(c.name, { precise, run });
  return run;
}

function processFor(pod: V1Pod, c: V1Container, precise: number | undefined): Running | undefined {
  const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
  if (!status?.state?.running) return undefined;
  const startedAt = precise ?? timestampMs(status.state.running.startedAt);
  // uids repeat between simulators with the same seed, so what the process runs is part of the key too
  const key = `${pod.metadata?.uid}/${c.name}/${startedAt}/${c.image}/${c.command?.join(' ') ?? ''}/${c.args?.join(' ') ?? ''}`;
  if (!processCache.has(key)) {
    if (processCache.size > 2_000) processCache.clear();
    const proc = runContainer(pod, c, startedAt);
    processCache.set(key, proc && { proc, view: processViewOf(proc, startedAt), startedAt });
  }
  return processCache.get(key);
}

/** The node whose podCIDR holds `ip`. */
function nodeOfPodIp(e: Engine, ip: string): V1Node | undefined {
  for (const n of e.store.values('Node') as Iterable<V1Node>) if (n.spec?.podCIDR && inCidr(ip, n.spec.podCIDR)) return n;
  return undefined;
}

/** Pods on `node` with this IP (a pod IP, or the node's own IP for hostNetwork pods). */
function podsAt(e: Engine, node: string, ip: string): V1Pod[] {
  const out: V1Pod[] = [];
  for (const key of e.store.podsByNode.get(node) ?? []) {
    const p = e.get<V1Pod>('Pod', key);
    if (p?.status?.podIP === ip) out.push(p);
  }
  return out;
}

/**
 * Whether the kubelet has sent this container SIGTERM and its process handles it: a server then closes its listening
 * socket at once (nginx's shutdown on TERM or on its image's STOPSIGNAL QUIT alike) and new connections are refused,
 * while the container may still be finishing for a moment.
 */
function closedOnSigterm(e: Engine, pod: V1Pod, c: V1Container): boolean {
  const rt = e.state.kubelet.get(keyOf(pod.metadata!.name!, pod.metadata!.namespace));
  if (rt?.stage !== 'terminating' || rt.uid !== pod.metadata?.uid) return false;
  const at = rt.sigtermAt?.[c.name];
  return at !== undefined && e.time >= at && stopsOnSigterm(c, pod);
}

/** The container of `pods` that listens on `port` now. */
function listener(e: Engine, pods: V1Pod[], port: number) {
  for (const pod of pods)
    for (const c of pod.spec?.containers ?? []) {
      const run = processOf(e, pod, c);
      if (!run || closedOnSigterm(e, pod, c)) continue;
      const { proc, startedAt } = run;
      if (proc.ports.includes(port) && e.time >= startedAt + proc.readyAfterMs && e.time < startedAt + proc.result.exitAtMs) return { pod, container: c, ...run };
    }
  return undefined;
}

/** Opens a TCP connection from `client` to `ip:port`. */
export function connect(e: Engine, client: Client, ip: string, port: number): Connection {
  // localhost: the containers of one pod share its network namespace
  if (ip === '127.0.0.1' || ip === 'localhost') {
    const pods = client.pod ? [client.pod] : client.node ? podsAt(e, client.node, client.ip) : [];
    const hit = listener(e, pods, port);
    return hit ? { ok: true, ...hit, port, clientIp: '127.0.0.1', crossNode: false } : { ok: false, error: 'refused' };
  }
  const targetNode = nodeByIp(e, ip);
  // from the laptop only the nodes' addresses are routable; ClusterIPs and pod IPs exist inside the cluster only
  if (!client.node && !targetNode) return { ok: false, error: 'timeout' };
  const verdict = proxy(e, ip, port, client.ip, client.node ?? targetNode?.metadata?.name);
  if (verdict.kind === 'reject') return { ok: false, error: 'refused', service: verdict.service };
  if (verdict.kind === 'drop') return { ok: false, error: 'timeout', service: verdict.service };
  let dstIp = ip;
  let dstPort = port;
  let clientIp = client.ip;
  let service: string | undefined;
  if (verdict.kind === 'endpoint') {
    dstIp = verdict.ip;
    dstPort = verdict.port;
    service = verdict.service;
    // NodePort with externalTrafficPolicy Cluster: the node masquerades the client (KUBE-MARK-MASQ), so the pod sees
    // the node's IP; with Local the client's own address is kept (the point of that policy)
    if (targetNode && ip === nodeInternalIp(targetNode)) {
      const [ns, name] = verdict.service.split('/');
      const svc = e.get<V1Service>('Service', keyOf(name, ns));
      if (svc?.spec?.externalTrafficPolicy !== 'Local') clientIp = ip;
    }
  }
  const node = nodeByIp(e, dstIp) ?? nodeOfPodIp(e, dstIp);
  if (!node) return { ok: false, error: 'timeout', service };
  const pods = podsAt(e, node.metadata!.name!, dstIp);
  // an address in a podCIDR that no pod has: nobody answers ARP, the SYN goes unanswered
  if (!pods.length && dstIp !== nodeInternalIp(node)) return { ok: false, error: 'timeout', service };
  const hit = listener(e, pods, dstPort);
  if (!hit) return { ok: false, error: 'refused', service, ...(pods[0] ? { pod: pods[0] } : {}) };
  return { ok: true, ...hit, port: dstPort, clientIp, service, crossNode: hit.pod.spec?.nodeName !== client.node };
}
