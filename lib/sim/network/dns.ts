/**
 * Cluster DNS as CoreDNS's kubernetes plugin serves the zone cluster.local
 * (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/,
 * https://github.com/coredns/coredns/tree/master/plugin/kubernetes):
 *   SVC.NS.svc.cluster.local          → the ClusterIP; a headless Service (clusterIP None) → its ready endpoints' IPs
 *   HOST.SVC.NS.svc.cluster.local     → the pod whose spec.hostname/subdomain are HOST/SVC (headless Services)
 *   A-B-C-D.NS.pod.cluster.local      → A.B.C.D (kubeadm's Corefile says `pods insecure`: answered without a lookup)
 * Any other name in the zone is NXDOMAIN. Names outside it would go upstream (`forward . /etc/resolv.conf`); the
 * simulated cluster has no Internet, so they are NXDOMAIN too. And the client side: the search list and ndots
 * of a pod's /etc/resolv.conf, as musl's getaddrinfo applies them (src/network/lookup_name.c).
 */
import type { V1EndpointSlice, V1Pod, V1Service } from '../../k8s/api-types';
import type { Engine } from '../engine';
import type { DnsAnswer } from '../shell';
import { keyOf } from '../store';
import { isIPv4 } from './ip';

export const CLUSTER_DOMAIN = 'cluster.local';
/** The kube-dns Service's ClusterIP (kubeadm: the 10th address of the service CIDR). */
export const CLUSTER_DNS_IP = '10.96.0.10';

const NX: DnsAnswer = { rcode: 'NXDOMAIN', ips: [] };
const ok = (ips: string[]): DnsAnswer => ({ rcode: 'NOERROR', ips });

/** The IPs of a Service's endpoints CoreDNS publishes: ready ones (all of them with publishNotReadyAddresses). */
export function readyEndpointIps(e: Engine, svc: V1Service): string[] {
  const ns = svc.metadata!.namespace!;
  const name = svc.metadata!.name!;
  const ips: string[] = [];
  for (const s of e.store.values('EndpointSlice', ns) as Iterable<V1EndpointSlice>) {
    if (s.metadata?.labels?.['kubernetes.io/service-name'] !== name) continue;
    for (const ep of s.endpoints ?? []) if (ep.conditions?.ready !== false || svc.spec?.publishNotReadyAddresses) ips.push(...ep.addresses);
  }
  return ips;
}

/** Answers one query for `qname` (no trailing dot needed) as the cluster's CoreDNS does. */
export function queryClusterDns(e: Engine, qname: string, type: 'A' | 'AAAA' = 'A'): DnsAnswer {
  const name = qname.toLowerCase().replace(/\.$/, '');
  if (!name.endsWith(`.${CLUSTER_DOMAIN}`)) return NX;
  const labels = name.slice(0, -CLUSTER_DOMAIN.length - 1).split('.');
  const answer = (ips: string[]) => ok(type === 'A' ? ips : []); // an IPv4-only cluster: AAAA is NOERROR, no records
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0].replace(/-/g, '.');
    return isIPv4(ip) && e.store.get('Namespace', labels[1]) ? answer([ip]) : NX;
  }
  if (labels[labels.length - 1] !== 'svc') return NX;
  if (labels.length === 3) {
    const svc = e.get<V1Service>('Service', keyOf(labels[0], labels[1]));
    if (!svc) return NX;
    if (svc.spec?.type === 'ExternalName') return externalNameAnswer(e, svc.spec.externalName ?? '', type);
    const ip = svc.spec?.clusterIP;
    if (ip && ip !== 'None') return answer([ip]);
    const ips = readyEndpointIps(e, svc);
    return ips.length ? answer(ips) : NX;
  }
  if (labels.length === 4) {
    const [host, sub, ns] = labels;
    const svc = e.get<V1Service>('Service', keyOf(sub, ns));
    if (!svc || svc.spec?.clusterIP !== 'None') return NX;
    const ready = new Set(readyEndpointIps(e, svc));
    for (const p of e.store.values('Pod', ns) as Iterable<V1Pod>)
      if (p.spec?.hostname === host && p.spec?.subdomain === sub && p.status?.podIP && ready.has(p.status.podIP)) return answer([p.status.podIP]);
  }
  return NX;
}

/**
 * An ExternalName Service is a CNAME to its externalName (DNS spec §2.3.1 / CoreDNS kubernetes plugin). A target in
 * the cluster zone is followed; any other would be asked upstream, and the simulated cluster has no Internet, so the
 * answer stays the bare CNAME: a client finds no address and reports the name unresolvable.
 */
function externalNameAnswer(e: Engine, target: string, type: 'A' | 'AAAA'): DnsAnswer {
  const name = target.toLowerCase().replace(/\.$/, '');
  const followed = name.endsWith(`.${CLUSTER_DOMAIN}`) ? queryClusterDns(e, name, type) : undefined;
  return { rcode: 'NOERROR', ips: followed?.ips ?? [], cname: name };
}

/**
 * The container's /etc/resolv.conf as the kubelet writes it for dnsPolicy ClusterFirst (pkg/kubelet/network/dns:
 * the pod's namespace first in the search list, the cluster DNS Service as nameserver, ndots:5).
 */
export const podResolvConf = (namespace: string) => `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`;

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

const resolvCache = new Map<string, ResolvConf>();

/** Reads /etc/resolv.conf (nameserver, search, options ndots:N; ndots defaults to 1 as in resolv.conf(5)). */
export function parseResolvConf(text: string): ResolvConf {
  const hit = resolvCache.get(text);
  if (hit) return hit;
  if (resolvCache.size > 256) resolvCache.clear();
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) conf.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') conf.search = rest;
    else if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) conf.ndots = Math.min(15, Number(o.slice(6)) || 0);
  }
  resolvCache.set(text, conf);
  return conf;
}

/** The names getaddrinfo tries, in order: under each search domain first when the name has fewer dots than ndots. */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  if (dots >= conf.ndots) return [name];
  return [...conf.search.map((d) => `${name}.${d}`), name];
}

/** getaddrinfo from a pod: the first candidate name that has records. */
export function resolveFromPod(e: Engine, name: string, conf: ResolvConf): { fqdn: string; ips: string[] } | undefined {
  if (isIPv4(name)) return { fqdn: name, ips: [name] };
  for (const fqdn of candidateNames(name, conf)) {
    const a = queryClusterDns(e, fqdn);
    if (a.ips.length) return { fqdn, ips: a.ips };
  }
  return undefined;
}
