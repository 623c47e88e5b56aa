/**
 * Admission-time work of the API server that needs cluster state: namespace existence, Service
 * ClusterIP / NodePort allocation (random within the ranges, like the real allocators).
 */
import type { V1Namespace, V1Service } from '../k8s/api-types';
import type { Engine } from './engine';
import { forbidden, invalid, notFound } from '../k8s/status';
import { fieldInvalid, type FieldError } from '../k8s/field-errors';
import type { Kind } from '../k8s/types';

/** Throws NotFound / Forbidden when objects may not be created in `ns`. */
export function checkNamespace(e: Engine, kind: Kind, name: string, ns: string): void {
  const n = e.get<V1Namespace>('Namespace', ns);
  if (!n) throw notFound('Namespace', ns);
  if (n.metadata?.deletionTimestamp || n.status?.phase === 'Terminating')
    throw forbidden(kind, name, `unable to create new content in namespace ${ns} because it is being terminated`);
}

function usedServiceAddresses(e: Engine, except?: string): { ips: Set<string>; nodePorts: Set<number> } {
  const ips = new Set<string>();
  const nodePorts = new Set<number>();
  for (const s of e.store.values('Service') as Iterable<V1Service>) {
    if (except && s.metadata?.uid === except) continue;
    if (s.spec?.clusterIP) ips.add(s.spec.clusterIP);
    for (const p of s.spec?.ports ?? []) if (p.nodePort) nodePorts.add(p.nodePort);
  }
  return { ips, nodePorts };
}

const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0/12
const SERVICE_CIDR_SIZE = 1 << 20;
/** --service-node-port-range 30000-32767 */
const NODE_PORT_BASE = 30000;
const NODE_PORT_COUNT = 2768;

function ipString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * Fills spec.clusterIP(s) and nodePorts. Requested values are checked ("provided port is already
 * allocated"); missing ones are drawn from the seeded rng. `old` keeps existing allocations on update.
 */
export function allocateService(e: Engine, svc: V1Service, old?: V1Service): V1Service {
  const name = svc.metadata!.name!;
  const spec = { ...svc.spec! };
  const used = usedServiceAddresses(e, old?.metadata?.uid);
  const errs: FieldError[] = [];
  if (spec.type === 'ExternalName') return { ...svc, spec };
  if (old?.spec?.clusterIP && !spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
  if (spec.clusterIP && spec.clusterIP !== 'None' && spec.clusterIP !== old?.spec?.clusterIP) {
    if (used.ips.has(spec.clusterIP)) errs.push(fieldInvalid('spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`));
  }
  if (!spec.clusterIP) {
    for (;;) {
      const ip = ipString(SERVICE_CIDR_BASE + 2 + Math.floor(e.rng.next() * (SERVICE_CIDR_SIZE - 3)));
      if (!used.ips.has(ip) && ip !== '10.96.0.10') {
        spec.clusterIP = ip;
        break;
      }
    }
  }
  spec.clusterIPs = [spec.clusterIP!];
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    spec.ports = (spec.ports ?? []).map((p, i) => {
      let nodePort = p.nodePort ?? old?.spec?.ports?.find((o) => o.port === p.port && o.protocol === p.protocol)?.nodePort;
      if (p.nodePort !== undefined && used.nodePorts.has(p.nodePort))
        errs.push(fieldInvalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
      if (nodePort === undefined) {
        // every port taken: the real allocator answers "range is full" (as a 500; here a 403, never a loop)
        if (used.nodePorts.size >= NODE_PORT_COUNT) throw forbidden('Service', name, 'failed to allocate a nodePort: range is full');
        do nodePort = NODE_PORT_BASE + Math.floor(e.rng.next() * NODE_PORT_COUNT);
        while (used.nodePorts.has(nodePort));
      }
      used.nodePorts.add(nodePort);
      return { ...p, nodePort };
    });
  }
  if (errs.length) throw invalid('Service', name, errs);
  return { ...svc, spec };
}
