/**
 * Endpoints controller: for each Service with a selector, an Endpoints object of the same name
 * listing ready pod IPs (addresses) and not-ready ones (notReadyAddresses). Terminating pods drop out.
 */
import type { V1EndpointAddress, CoreV1EndpointPort as V1EndpointPort, V1Endpoints, V1Pod, V1Service } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import { keyOf, type StoreChange } from '../store';
import { isPodReady } from '../pods';
import { deepEqual } from '../json';

export const ENDPOINTS = 'endpoints-controller';

/**
 * Whether a pod update can change the endpoints of a Service that selects it (before or after), as upstream's
 * podEndpointsChanged (staging/src/k8s.io/endpointslice/util/controller_utils.go) decides for both controllers:
 * labels, hostname/subdomain, deletionTimestamp, readiness and the pod IPs. Besides those, what the reconcilers here
 * read: a terminal phase drops the pod, the node name is listed, and the spec names the container ports a targetPort
 * resolves against (specs are replaced, never changed in place, so a reference check tells). Nearly every pod update
 * is a kubelet status write that touches none of these (a container's state, a timestamp): no Service rebuild.
 */
export function podEndpointsChanged(old: V1Pod, pod: V1Pod): boolean {
  const om = old.metadata;
  const nm = pod.metadata;
  if (om?.deletionTimestamp !== nm?.deletionTimestamp || old.spec !== pod.spec) return true;
  if (om?.labels !== nm?.labels && !deepEqual(om?.labels, nm?.labels)) return true;
  const os = old.status;
  const ns = pod.status;
  if (os === ns) return false;
  if (os?.podIP !== ns?.podIP || terminal(os?.phase) !== terminal(ns?.phase) || isPodReady(old) !== isPodReady(pod)) return true;
  const oldIps = os?.podIPs;
  const newIps = ns?.podIPs;
  if (oldIps === newIps) return false;
  if (oldIps?.length !== newIps?.length) return true;
  for (let i = 0; i < oldIps!.length; i++) if (oldIps![i].ip !== newIps![i].ip) return true;
  return false;
}

const terminal = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';

/**
 * The Services that have a selector, per namespace, in the store's order: every pod write asks which Services select the
 * pod, and most namespaces have none that could (`default` holds only the API server's `kubernetes` Service, which has
 * no selector), so a pod write there costs one lookup instead of a walk over the namespace's Services. Each endpoints
 * controller keeps one, drops it on every Service change it hears of, and it is made again on the next pod write
 * (also after a restore, which clears the store).
 */
export class SelectingServices {
  private byNs?: Map<string, V1Service[]>;
  private epoch = -1;

  changed(): void {
    this.byNs = undefined;
  }

  in(e: Engine, ns: string): readonly V1Service[] | undefined {
    if (this.byNs === undefined || this.epoch !== e.store.epoch) {
      const byNs = new Map<string, V1Service[]>();
      for (const svc of e.store.values('Service') as Iterable<V1Service>) {
        const sel = svc.spec?.selector;
        if (!sel || Object.keys(sel).length === 0) continue;
        const at = svc.metadata!.namespace!;
        let list = byNs.get(at);
        if (!list) byNs.set(at, (list = []));
        list.push(svc);
      }
      this.byNs = byNs;
      this.epoch = e.store.epoch;
    }
    return this.byNs.get(ns);
  }
}

/** Queues for `controller` the Services of the pod's namespace that select the pod now or did before the change. */
export function enqueueServicesOf(c: StoreChange, e: Engine, controller: string, services: SelectingServices): void {
  const ns = c.object.metadata!.namespace!;
  const candidates = services.in(e, ns);
  if (candidates === undefined) return;
  const labels = c.object.metadata?.labels;
  const oldLabels = c.old?.metadata?.labels;
  // asked once, at the first selecting Service: a status write that leaves everything endpoints show as it was needs
  // no Service looked at again; ADDED and DELETED always do
  let relevant: boolean | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const svc = candidates[i];
    if (selects(svc, labels) || selects(svc, oldLabels)) {
      relevant ??= c.type !== 'MODIFIED' || podEndpointsChanged(c.old as V1Pod, c.object as V1Pod);
      if (!relevant) return;
      e.enqueue(controller, keyOf(svc.metadata!.name!, ns));
    }
  }
}

/** Whether the Service's selector picks pods with these labels (a Service without a selector picks none). */
export function selects(svc: V1Service, labels: Record<string, string> | undefined): boolean {
  const sel = svc.spec?.selector;
  if (!sel || Object.keys(sel).length === 0) return false;
  for (const [k, v] of Object.entries(sel)) if (labels?.[k] !== v) return false;
  return true;
}

/** Resolves a Service targetPort (number or named container port) against one pod. */
export function resolvePort(pod: V1Pod, target: number | string | undefined, fallback: number): number | undefined {
  if (target === undefined) return fallback;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

export class EndpointsController implements Controller {
  readonly name = ENDPOINTS;
  readonly watches: readonly Kind[] = ['Service', 'Pod', 'Endpoints'];
  /** a deleted Endpoints object is made again (endpoints_controller.go onEndpointsDelete queues its Service) */
  readonly changeTypes = { Endpoints: ['DELETED'] } as const;

  private readonly services = new SelectingServices();

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Service' || c.kind === 'Endpoints') {
      if (c.kind === 'Service') this.services.changed();
      e.enqueue(ENDPOINTS, c.key);
      return;
    }
    if (c.kind === 'Pod') enqueueServicesOf(c, e, ENDPOINTS, this.services);
  }

  reconcile(key: string, e: Engine): void {
    const svc = e.get<V1Service>('Service', key);
    const [ns, name] = key.split('/');
    const current = e.get<V1Endpoints>('Endpoints', key);
    const cause = (m: string) => ({ actor: ENDPOINTS, message: `엔드포인트 컨트롤러: 서비스 ${name} ${m}`, hop: 'controller' as const });
    if (!svc) {
      if (current) e.removeObject('Endpoints', name, ns, cause('삭제에 따라 엔드포인트도 삭제'));
      return;
    }
    if (!svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return; // managed by hand
    const ready: { addr: V1EndpointAddress; pod: V1Pod }[] = [];
    const notReady: { addr: V1EndpointAddress; pod: V1Pod }[] = [];
    for (const pod of e.store.values('Pod', ns) as Iterable<V1Pod>) {
      if (!selects(svc, pod.metadata?.labels) || !pod.status?.podIP || pod.metadata?.deletionTimestamp) continue;
      const phase = pod.status.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const addr: V1EndpointAddress = {
        ip: pod.status.podIP,
        ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
        targetRef: { kind: 'Pod', name: pod.metadata!.name, namespace: ns, uid: pod.metadata!.uid },
      };
      (isPodReady(pod) ? ready : notReady).push({ addr, pod });
    }
    const byIp = (a: { addr: V1EndpointAddress }, b: { addr: V1EndpointAddress }) => (a.addr.ip < b.addr.ip ? -1 : a.addr.ip > b.addr.ip ? 1 : 0);
    ready.sort(byIp);
    notReady.sort(byIp);
    const sample = ready[0]?.pod ?? notReady[0]?.pod;
    const ports: V1EndpointPort[] = [];
    for (const p of svc.spec.ports ?? []) {
      const port = sample ? resolvePort(sample, p.targetPort as number | string | undefined, p.port) : undefined;
      if (port !== undefined) ports.push({ ...(p.name ? { name: p.name } : {}), port, protocol: p.protocol ?? 'TCP' });
    }
    const subsets =
      ready.length + notReady.length > 0 && ports.length
        ? [
            {
              ...(ready.length ? { addresses: ready.map((r) => r.addr) } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady.map((r) => r.addr) } : {}),
              ports,
            },
          ]
        : undefined;
    const labels = svc.metadata?.labels;
    if (!current) {
      e.createObject(
        'Endpoints',
        { metadata: { name, namespace: ns, ...(labels ? { labels: { ...labels } } : {}) }, ...(subsets ? { subsets } : {}) } as V1Endpoints,
        cause(`의 셀렉터에 맞는 준비된 파드 ${ready.length}개로 엔드포인트 생성`),
      );
      return;
    }
    if (deepEqual(current.subsets, subsets)) return;
    e.updateObject('Endpoints', { ...current, subsets } as V1Endpoints, cause(`의 엔드포인트 갱신 — 준비된 파드 ${ready.length}개, 준비 안 된 파드 ${notReady.length}개`));
  }
}
