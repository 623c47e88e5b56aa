/**
 * Node-local resources the kubelet hands out: pod IPs from the node's podCIDR (host-local IPAM
 * style: a rotating cursor, skipping addresses in use) and the node's image list.
 */
import type { V1Node } from '../../k8s/api-types';
import type { Engine, NodeRuntime } from '../engine';
import type { Cause } from '../types';
import { withHeartbeat } from './node-status';

export function nodeRuntime(e: Engine, nodeName: string): NodeRuntime {
  let rt = e.state.nodes[nodeName];
  if (!rt) e.state.nodes[nodeName] = rt = { ipCursor: 1, images: [] };
  return rt;
}

export function nodeInternalIp(node: V1Node): string {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** podCIDR → its first three octets (a handful of CIDRs, looked up for every pod) */
const cidrPrefixes = new Map<string, string>();

/** Next free address in the node's /24 podCIDR (10.244.N.0/24 → 10.244.N.2 … .254). O(1) amortised. */
export function allocatePodIp(e: Engine, nodeName: string): string {
  const node = e.get<V1Node>('Node', nodeName);
  const cidr = node?.spec?.podCIDR ?? '10.244.0.0/24';
  let prefix = cidrPrefixes.get(cidr);
  if (prefix === undefined) cidrPrefixes.set(cidr, (prefix = cidr.split('/')[0].split('.').slice(0, 3).join('.')));
  const used = e.store.podIpsByNode.get(nodeName) ?? new Set<string>();
  const rt = nodeRuntime(e, nodeName);
  for (let i = 0; i < 253; i++) {
    rt.ipCursor = (rt.ipCursor % 253) + 1; // 2..254 after the +1 below
    const ip = `${prefix}.${rt.ipCursor + 1}`;
    if (!used.has(ip)) return ip;
  }
  return `${prefix}.255`;
}

/** Adds an image to the node (runtime cache + node.status.images, as `kubectl describe node` shows): a status post of the kubelet, so it carries the heartbeat. */
export function recordImagePulled(e: Engine, nodeName: string, fullRef: string, sizeBytes: number, cause: Cause): void {
  const rt = nodeRuntime(e, nodeName);
  if (rt.images.includes(fullRef)) return;
  rt.images.push(fullRef);
  const node = e.get<V1Node>('Node', nodeName);
  if (!node) return;
  const images = [...(node.status?.images ?? []), { names: [fullRef], sizeBytes }];
  e.updateObject('Node', { ...node, status: { ...node.status, images, conditions: withHeartbeat(node.status?.conditions, e.iso()) } }, cause);
}
