/**
 * EndpointSlice controller (pkg/controller/endpointslice): for each Service with a selector, slices of at most
 * 100 endpoints labelled `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by`, owned by the
 * Service. Unlike Endpoints, terminating pods stay listed with conditions ready=false, serving=<pod ready>,
 * terminating=true (staging/src/k8s.io/endpointslice/utils.go podToEndpoint, ShouldPodBeInEndpoints with
 * includeTerminating). A Service with no pods gets one empty placeholder slice (reconciler.go).
 */
import type { DiscoveryV1EndpointPort, V1Endpoint, V1EndpointSlice, V1Pod, V1Service } from '../../k8s/api-types';
import type { Controller, Engine } from '../engine';
import type { Kind } from '../../k8s/types';
import { randomSuffix } from '../../k8s/names';
import { keyOf, type StoreChange } from '../store';
import { isPodReady } from '../pods';
import { deepEqual } from '../json';
import { resolvePort, selects, enqueueServicesOf, SelectingServices } from './endpoints';

export const ENDPOINTSLICE = 'endpointslice-controller';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** One pod as a slice endpoint (podToEndpoint). */
function podToEndpoint(pod: V1Pod, svc: V1Service): V1Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const ready = publish || (serving && !terminating);
  return {
    addresses: [pod.status!.podIP!],
    conditions: { ready, serving, terminating },
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
  };
}

export class EndpointSliceController implements Controller {
  readonly name = ENDPOINTSLICE;
  readonly watches: readonly Kind[] = ['Service', 'Pod', 'EndpointSlice'];
  /** a deleted managed slice is made again (endpointslice_controller.go onEndpointSliceDelete queues its Service) */
  readonly changeTypes = { EndpointSlice: ['DELETED'] } as const;

  private readonly services = new SelectingServices();

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Service') {
      this.services.changed();
      e.enqueue(ENDPOINTSLICE, c.key);
      return;
    }
    if (c.kind === 'EndpointSlice') {
      const labels = c.object.metadata?.labels;
      const service = labels?.[SERVICE_NAME_LABEL];
      if (service && labels[MANAGED_BY_LABEL] === MANAGED_BY) e.enqueue(ENDPOINTSLICE, keyOf(service, c.object.metadata!.namespace));
      return;
    }
    if (c.kind === 'Pod') enqueueServicesOf(c, e, ENDPOINTSLICE, this.services);
  }

  reconcile(key: string, e: Engine): void {
    const [ns, name] = key.split('/');
    const svc = e.get<V1Service>('Service', key);
    const labelled = [...(e.store.values('EndpointSlice', ns) as Iterable<V1EndpointSlice>)]
      .filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name && s.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGED_BY)
      .sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    const cause = (m: string) => ({ actor: ENDPOINTSLICE, message: `엔드포인트슬라이스 컨트롤러: 서비스 ${name} ${m}`, hop: 'controller' as const });
    // a Service without a selector is managed by hand; a deleted one's slices go with it (ownerReferences, GC)
    if (!svc || !svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return;
    // a slice left by an earlier Service of the same name (deleted and created again before GC ran) is not this
    // one's: reconciler.go deletes slices the Service doesn't own (ownedBy) instead of reusing them
    const ownedBy = (s: V1EndpointSlice) => s.metadata?.ownerReferences?.some((o) => o.kind === 'Service' && o.uid === svc.metadata?.uid);
    const owned = labelled.filter(ownedBy);
    for (const stale of labelled.filter((s) => !ownedBy(s))) e.removeObject('EndpointSlice', stale.metadata!.name!, ns, cause('의 이전 서비스가 남긴 엔드포인트슬라이스 삭제'));
    const pods = [...(e.store.values('Pod', ns) as Iterable<V1Pod>)].filter((p) => {
      const phase = p.status?.phase;
      return selects(svc, p.metadata?.labels) && !!p.status?.podIP && phase !== 'Succeeded' && phase !== 'Failed';
    });
    pods.sort((a, b) => (a.status!.podIP! < b.status!.podIP! ? -1 : a.status!.podIP! > b.status!.podIP! ? 1 : 0));
    const sample = pods[0];
    const ports: DiscoveryV1EndpointPort[] = [];
    if (sample)
      for (const p of svc.spec.ports ?? []) {
        const port = resolvePort(sample, p.targetPort as number | string | undefined, p.port);
        if (port !== undefined) ports.push({ name: p.name ?? '', port, protocol: p.protocol ?? 'TCP' });
      }
    const endpoints = pods.map((p) => podToEndpoint(p, svc));
    const chunks: V1Endpoint[][] = [];
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) chunks.push(endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
    if (chunks.length === 0) chunks.push([]); // the placeholder slice
    const labels = { ...(svc.metadata?.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY };
    const ready = endpoints.filter((x) => x.conditions?.ready).length;
    chunks.forEach((chunk, i) => {
      const body = { addressType: 'IPv4', endpoints: chunk, ports: chunk.length ? ports : [] };
      const current = owned[i];
      if (!current) {
        e.createObject(
          'EndpointSlice',
          {
            metadata: {
              name: `${name}-${randomSuffix(e.rng.next)}`,
              generateName: `${name}-`,
              namespace: ns,
              labels,
              ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
            },
            ...body,
          } as V1EndpointSlice,
          cause(`의 엔드포인트슬라이스 생성 — 엔드포인트 ${chunk.length}개 (준비 ${ready}개)`),
        );
        return;
      }
      if (deepEqual(current.endpoints, body.endpoints) && deepEqual(current.ports, body.ports) && deepEqual(current.metadata?.labels, labels)) return;
      e.updateObject('EndpointSlice', { ...current, metadata: { ...current.metadata, labels }, ...body } as V1EndpointSlice, cause(`의 엔드포인트슬라이스 갱신 — 엔드포인트 ${chunk.length}개 (준비 ${ready}개)`));
    });
    for (const extra of owned.slice(chunks.length)) e.removeObject('EndpointSlice', extra.metadata!.name!, ns, cause('의 남는 엔드포인트슬라이스 삭제'));
  }
}
