/**
 * The network as one client sees it (shell/types NetworkClient): a pod resolves names through the cluster DNS with
 * its /etc/resolv.conf; a node and the student's laptop don't use the cluster DNS (only IP addresses work there).
 */
import type { Engine } from '../engine';
import type { NetworkClient } from '../shell';
import { parseResolvConf, podResolvConf, queryClusterDns, resolveFromPod } from './dns';
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
    resolve: (name) => {
      if (isIPv4(name)) return { fqdn: name, ips: [name] };
      if (name === 'localhost') return { fqdn: name, ips: ['127.0.0.1'] };
      return conf ? resolveFromPod(e, name, conf) : undefined;
    },
    query: (fqdn, type) => queryClusterDns(e, fqdn, type),
    http: (call) => exchange(e, client, call, KERNEL_CONNECT_TIMEOUT_MS).outcome,
  };
}
