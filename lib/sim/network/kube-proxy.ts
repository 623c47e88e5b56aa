/**
 * kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go), as a function from a packet's destination to where
 * it ends up:
 *   - a Service's ClusterIP:port, or any node's IP:nodePort → one endpoint, picked at random with equal chance
 *     (the KUBE-SVC chain's `-m statistic --mode random --probability 1/n` rules), or the one this client IP was
 *     sent to before when `sessionAffinity: ClientIP` (`-m recent`, for sessionAffinityConfig's timeout, 3 h default);
 *   - only endpoints whose EndpointSlice condition is ready; if none is, the serving terminating ones
 *     (ProxyTerminatingEndpoints, GA in 1.28); if none is either, the Service "has no endpoints" and the packet
 *     is REJECTed (`--reject-with icmp-port-unreachable`: the client sees "Connection refused");
 *   - externalTrafficPolicy: Local (NodePort) and internalTrafficPolicy: Local (ClusterIP) keep only endpoints on
 *     the receiving / client's node; with none there the packet is dropped (the client times out);
 *   - a ClusterIP on a port the Service doesn't have matches no rule: nothing owns the address, the client times out.
 * The targetPort (a number, or a port name resolved per pod) comes from the EndpointSlice's ports, as kube-proxy
 * reads it — from the slices as its last sync programmed them (kube-proxy-sync.ts), not as the API server has them now.
 */
import type { V1Node, V1Service, V1ServicePort } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { nodeInternalIp } from '../controllers/node-network';
import { networkRandom, networkRuntime } from './state';
import { programmedSlices } from './kube-proxy-sync';

export type ProxyVerdict =
  /** not a Service address: the packet goes to the IP as it is */
  | { kind: 'direct' }
  | { kind: 'endpoint'; ip: string; port: number; service: string; servicePort: V1ServicePort }
  | { kind: 'reject'; service: string }
  | { kind: 'drop'; service?: string };

/** sessionAffinityConfig.clientIP.timeoutSeconds default (pkg/apis/core/v1/defaults.go: 10800 s). */
const DEFAULT_AFFINITY_SECONDS = 10_800;

/** The node whose InternalIP this is. */
export function nodeByIp(e: Engine, ip: string): V1Node | undefined {
  for (const n of e.store.values('Node') as Iterable<V1Node>) if (nodeInternalIp(n) === ip) return n;
  return undefined;
}

function serviceByClusterIp(e: Engine, ip: string): V1Service | undefined {
  for (const s of e.store.values('Service') as Iterable<V1Service>) if (s.spec?.clusterIP === ip) return s;
  return undefined;
}

function serviceByNodePort(e: Engine, port: number): { svc: V1Service; sp: V1ServicePort } | undefined {
  for (const svc of e.store.values('Service') as Iterable<V1Service>) {
    if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') continue;
    const sp = svc.spec.ports?.find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
    if (sp) return { svc, sp };
  }
  return undefined;
}

interface Candidate {
  ip: string;
  port: number;
  nodeName?: string;
}

/**
 * The endpoints kube-proxy has programmed for one Service port: ready ones, else serving terminating ones. Read from
 * its programmed view (kube-proxy-sync.ts), which trails the EndpointSlices by up to PROGRAMMING_DELAY_MS.
 */
export function serviceEndpoints(e: Engine, svc: V1Service, sp: V1ServicePort): Candidate[] {
  const ready: Candidate[] = [];
  const terminating: Candidate[] = [];
  for (const s of programmedSlices(e, `${svc.metadata!.namespace}/${svc.metadata!.name}`)) {
    // own keys only: a port may be named like an Object.prototype member ("constructor" is a valid port name)
    const port = Object.hasOwn(s.ports, sp.name ?? '') ? s.ports[sp.name ?? ''] : undefined;
    if (port === undefined) continue;
    for (const ep of s.endpoints) (ep.use === 'ready' ? ready : terminating).push(ep.nodeName ? { ip: ep.ip, port, nodeName: ep.nodeName } : { ip: ep.ip, port });
  }
  return ready.length ? ready : terminating;
}

function pick(e: Engine, svc: V1Service, sp: V1ServicePort, candidates: Candidate[], clientIp: string): Candidate {
  const id = `${svc.metadata!.namespace}/${svc.metadata!.name}:${sp.port}`;
  if (svc.spec?.sessionAffinity !== 'ClientIP') return candidates[Math.floor(networkRandom(e) * candidates.length)];
  const table = networkRuntime(e).affinity;
  const key = `${id}|${clientIp}`;
  const seen = table[key];
  const sticky = seen && seen[1] > e.time ? candidates.find((c) => c.ip === seen[0]) : undefined;
  const chosen = sticky ?? candidates[Math.floor(networkRandom(e) * candidates.length)];
  const timeout = svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
  table[key] = [chosen.ip, e.time + timeout * 1000];
  return chosen;
}

/**
 * The Service rule a packet to `ip:port` meets, before any endpoint is chosen: a ClusterIP's port, or a NodePort on
 * a node's address, with whether the Local traffic policy applies (internal for a ClusterIP, external for a
 * NodePort); 'drop' for a ClusterIP on a port its Service doesn't have; undefined when no Service owns the address.
 */
export function serviceRule(e: Engine, ip: string, port: number): { svc: V1Service; sp: V1ServicePort; local: boolean } | 'drop' | undefined {
  const svc = serviceByClusterIp(e, ip);
  if (svc) {
    const sp = svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    return sp ? { svc, sp, local: svc.spec?.internalTrafficPolicy === 'Local' } : 'drop';
  }
  const hit = nodeByIp(e, ip) ? serviceByNodePort(e, port) : undefined;
  return hit && { svc: hit.svc, sp: hit.sp, local: hit.svc.spec?.externalTrafficPolicy === 'Local' };
}

/**
 * Where a TCP packet to `ip:port` from `clientIp` goes. `via` is the node whose rules see the packet (the
 * client pod's node, or the node a NodePort connection arrived at), for the Local traffic policies.
 */
export function proxy(e: Engine, ip: string, port: number, clientIp: string, via?: string): ProxyVerdict {
  const rule = serviceRule(e, ip, port);
  if (rule === 'drop') return { kind: 'drop' };
  if (!rule) return { kind: 'direct' };
  const { svc, sp, local } = rule;
  const service = `${svc.metadata!.namespace}/${svc.metadata!.name}`;
  let candidates = serviceEndpoints(e, svc, sp);
  if (!candidates.length) return { kind: 'reject', service };
  if (local) {
    candidates = candidates.filter((c) => c.nodeName === via);
    if (!candidates.length) return { kind: 'drop', service };
  }
  const chosen = pick(e, svc, sp, candidates, clientIp);
  return { kind: 'endpoint', ip: chosen.ip, port: chosen.port, service, servicePort: sp };
}
