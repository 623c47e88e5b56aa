/**
 * The network as one client sees it (shell/types NetworkClient): a pod resolves names through the cluster DNS with
 * its /etc/resolv.conf; a node and the student's laptop don't use the cluster DNS (only IP addresses work there).
 */
import type { Engine } from '../engine';
import type { NetworkClient } from '../shell';
import { parseResolvConf, podResolvConf, queryClusterDns, resolveFromPod, type ResolvConf } from './dns';
import { isIPv4 } from './ip';
import { clientOf, type RequestOrigin } from './connect';
import { exchange } from './http';
import { KERNEL_CONNECT_TIMEOUT_MS } from './tools/common';

/** The client for `from`; `resolvConf` is the text of the container's /etc/resolv.conf (pods only). */
export function networkClient(e: Engine, from: RequestOrigin, resolvConf?: string): NetworkClient | undefined {
  const client = clientOf(e, from);
  if (typeof client === 'string') return undefined;
  const inPod = typeof from === 'object' && 'pod' in from;
  const conf = inPod ? parseResolvConf(resolvConf ?? podResolvConf(from.namespace || 'default')) : undefined;
  return {
    nameserver: conf?.nameservers[0] ?? '',
    resolve: (name) => resolveWith(e, conf, name),
    query: (fqdn, type) => queryClusterDns(e, fqdn, type),
    http: (call) => exchange(e, client, call, KERNEL_CONNECT_TIMEOUT_MS).outcome,
  };
}

/** A name as a client with `conf` (a pod's resolv.conf; none for a node or the laptop) resolves it. */
function resolveWith(e: Engine, conf: ResolvConf | undefined, name: string): { fqdn: string; ips: string[] } | undefined {
  if (isIPv4(name)) return { fqdn: name, ips: [name] };
  if (name === 'localhost') return { fqdn: name, ips: ['127.0.0.1'] };
  return conf ? resolveFromPod(e, name, conf) : undefined;
}

/**
 * The first address `name` resolves to for the client `from` (which must exist), as networkClient(e, from).resolve
 * gives it, without making the client: the load generator's plan asks this at every change.
 */
export function firstAddress(e: Engine, from: RequestOrigin, name: string): string | undefined {
  const inPod = typeof from === 'object' && 'pod' in from;
  return resolveWith(e, inPod ? parseResolvConf(podResolvConf(from.namespace || 'default')) : undefined, name)?.ips[0];
}
