/**
 * kube-proxy's sync loop: the rules a packet meets are what kube-proxy last *programmed*, not what the API server
 * holds now. kube-proxy watches EndpointSlices, collects the changes (pkg/proxy/endpointschangetracker.go) and
 * rewrites its rules in one `syncProxyRules` run, rate-limited by a BoundedFrequencyRunner to at most one run per
 * `--iptables-min-sync-period` (1 s by default; pkg/proxy/iptables/proxier.go, pkg/util/async/bounded_frequency_runner.go).
 * Add the watch's delivery to every node and iptables-restore itself, and a removed endpoint keeps receiving new
 * connections for about a second — the race a preStop sleep exists for
 * (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 *
 * The model, deterministic on the engine's clock: the first change after a sync schedules the next sync
 * PROGRAMMING_DELAY_MS later; every change until then rides along (the runner coalescing a burst into one run).
 * Every node's kube-proxy receives the same watch events with the same delay here, so one programmed view stands
 * for all of them. Cost: O(changed slices) per sync, nothing while nothing changes. The view lives in
 * engine.state.kubeProxy, so snapshots carry it; a snapshot from before it existed starts fully programmed.
 */
import type { V1EndpointSlice } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { StoreChange } from '../store';

export const KUBE_PROXY = 'kube-proxy';
/**
 * From an EndpointSlice write to rules in every node's kernel: watch delivery, the sync runner's wait (its
 * minSyncPeriod default, 1 s) and iptables-restore. A fixed second keeps runs reproducible.
 */
export const PROGRAMMING_DELAY_MS = 1_000;

/** One endpoint as the rules hold it: `ready` ones take traffic; `terminating` ones (serving, terminating) only when no endpoint is ready. */
export interface ProgrammedEndpoint {
  ip: string;
  nodeName?: string;
  use: 'ready' | 'terminating';
}

export interface ProgrammedSlice {
  /** port name ('' when unnamed) → the endpoints' port */
  ports: Record<string, number>;
  endpoints: ProgrammedEndpoint[];
}

export interface KubeProxyRuntime {
  /** Service key `ns/name` → slice name → what the rules hold */
  services: Record<string, Record<string, ProgrammedSlice>>;
  /** slice key `ns/name` → the Service key it was programmed under (to drop it when the slice goes) */
  sliceService: Record<string, string>;
  /** slice keys changed since the last sync */
  dirty: Record<string, true>;
  /** when the pending sync runs (epoch ms); absent when the rules are up to date */
  syncAt?: number;
  lastSyncAt?: number;
}

const SERVICE_NAME = 'kubernetes.io/service-name';

function programmedSlice(s: V1EndpointSlice): ProgrammedSlice {
  const ports: Record<string, number> = {};
  for (const p of s.ports ?? []) if (p.port !== undefined && p.port !== null) ports[p.name ?? ''] = p.port;
  const endpoints: ProgrammedEndpoint[] = [];
  for (const ep of s.endpoints ?? []) {
    const node = ep.nodeName ? { nodeName: ep.nodeName } : {};
    // the proxier's filter (pkg/proxy/topology.go): ready endpoints; serving-and-terminating ones as the fallback
    if (ep.conditions?.ready !== false) endpoints.push({ ip: ep.addresses[0], ...node, use: 'ready' });
    else if (ep.conditions?.serving && ep.conditions?.terminating) endpoints.push({ ip: ep.addresses[0], ...node, use: 'terminating' });
  }
  return { ports, endpoints };
}

/** Copies one slice's current state (or its absence) from the store into the rules. */
function program(e: Engine, rt: KubeProxyRuntime, sliceKey: string): void {
  const previous = rt.sliceService[sliceKey];
  const name = sliceKey.slice(sliceKey.indexOf('/') + 1);
  if (previous) {
    delete rt.services[previous]?.[name];
    if (rt.services[previous] && Object.keys(rt.services[previous]).length === 0) delete rt.services[previous];
    delete rt.sliceService[sliceKey];
  }
  const s = e.store.get('EndpointSlice', sliceKey) as V1EndpointSlice | undefined;
  const service = s?.metadata?.labels?.[SERVICE_NAME];
  if (!s || !service) return;
  const svcKey = `${s.metadata!.namespace}/${service}`;
  (rt.services[svcKey] ??= {})[name] = programmedSlice(s);
  rt.sliceService[sliceKey] = svcKey;
}

/** The programmed view; created from the store as it is when absent (a fresh cluster's bootstrap, an older snapshot). */
export function kubeProxyRuntime(e: Engine): KubeProxyRuntime {
  let rt = e.state.kubeProxy;
  if (!rt) {
    rt = { services: {}, sliceService: {}, dirty: {} };
    for (const s of e.store.values('EndpointSlice') as Iterable<V1EndpointSlice>) program(e, rt, `${s.metadata!.namespace}/${s.metadata!.name}`);
    e.state.kubeProxy = rt;
  }
  return rt;
}

/** The slices of Service `ns/name` as kube-proxy has programmed them (insertion order: deterministic, snapshot-stable). */
export function programmedSlices(e: Engine, serviceKey: string): ProgrammedSlice[] {
  const slices = kubeProxyRuntime(e).services[serviceKey];
  return slices ? Object.values(slices) : [];
}

/** The sync loop as a controller: slice changes mark it dirty and wake it PROGRAMMING_DELAY_MS later. */
export class KubeProxy implements Controller {
  readonly name = KUBE_PROXY;
  readonly watches = ['EndpointSlice'] as const;

  onChange(c: StoreChange, e: Engine): void {
    const rt = kubeProxyRuntime(e);
    rt.dirty[c.key] = true;
    if (rt.syncAt !== undefined) return; // a sync is pending: this change joins it
    rt.syncAt = e.time + PROGRAMMING_DELAY_MS;
    e.enqueueAt(KUBE_PROXY, 'sync', rt.syncAt);
  }

  reconcile(_key: string, e: Engine): void {
    const rt = e.state.kubeProxy;
    if (rt?.syncAt === undefined) return;
    if (e.time < rt.syncAt) return e.enqueueAt(KUBE_PROXY, 'sync', rt.syncAt);
    for (const key of Object.keys(rt.dirty)) program(e, rt, key);
    rt.dirty = {};
    rt.lastSyncAt = e.time;
    rt.syncAt = undefined;
  }
}
