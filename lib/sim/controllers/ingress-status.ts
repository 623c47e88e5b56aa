/**
 * ingress-nginx's status sync (internal/ingress/status/status.go): each Ingress the controller serves gets
 * status.loadBalancer.ingress = the addresses it is reached at, once a controller pod serves. Without
 * --publish-service (the bare-metal manifest) those are the InternalIPs of the nodes running ready controller pods;
 * the list empties when none is left. The controller also records a `Sync` event on the Ingress, as ingress-nginx's
 * store does ("Scheduled for sync"). O(Ingresses) per relevant change: only controller pods, Ingresses and
 * IngressClasses reach it.
 */
import type { V1Ingress, V1Node, V1Pod } from '../../k8s/api-types';
import type { Kind } from '../../k8s/types';
import type { Controller, Engine } from '../engine';
import type { StoreChange } from '../store';
import { appModelFor } from '../apps/registry';
import { processArgv } from '../apps/run-container';
import { controllerFlags, isServing, servedIngresses } from '../network/ingress-nginx';
import { deepEqual } from '../json';

export const INGRESS_STATUS = 'nginx-ingress-controller';
const ALL = 'all';

/** Whether an image is an ingress controller's, per image string: every pod change asks (the engine's hot path). */
const controllerImages = new Map<string, boolean>();
function isControllerImage(image: string): boolean {
  let is = controllerImages.get(image);
  if (is === undefined) {
    if (controllerImages.size > 1_000) controllerImages.clear();
    controllerImages.set(image, (is = !!appModelFor(image)?.reverseProxy?.ingressController));
  }
  return is;
}

/** The argv of the pod's ingress controller container, when it has one. */
function controllerArgv(pod: V1Pod | undefined): string[] | undefined {
  const containers = pod?.spec?.containers;
  if (containers) for (let i = 0; i < containers.length; i++) if (isControllerImage(containers[i].image ?? '')) return processArgv(containers[i], appModelFor(containers[i].image!)!);
  return undefined;
}

export class IngressStatusController implements Controller {
  readonly name = INGRESS_STATUS;
  readonly watches: readonly Kind[] = ['Ingress', 'IngressClass', 'Pod'];

  onChange(c: StoreChange, e: Engine): void {
    if (c.kind === 'Pod' && !controllerArgv(c.object as V1Pod) && !controllerArgv(c.old as V1Pod | undefined)) return;
    e.enqueue(INGRESS_STATUS, ALL);
  }

  reconcile(_key: string, e: Engine): void {
    const addresses = new Map<V1Ingress, Set<string>>();
    for (const ing of e.store.values('Ingress') as Iterable<V1Ingress>) addresses.set(ing, new Set());
    for (const pod of e.store.values('Pod') as Iterable<V1Pod>) {
      const argv = controllerArgv(pod);
      if (!argv || !isServing(pod) || !pod.spec?.nodeName) continue;
      const node = e.get<V1Node>('Node', pod.spec.nodeName);
      const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
      if (!ip) continue;
      for (const ing of servedIngresses(e, controllerFlags(argv))) addresses.get(ing)?.add(ip);
    }
    for (const [ing, ips] of addresses) {
      const want = [...ips].sort().map((ip) => ({ ip }));
      const have = ing.status?.loadBalancer?.ingress ?? [];
      if (deepEqual(want, have)) continue;
      const name = ing.metadata!.name!;
      const cause = { actor: INGRESS_STATUS, message: `인그레스 컨트롤러: ${name}의 주소를 ${want.length ? want.map((a) => a.ip).join(', ') : '(없음)'}(으)로 갱신`, hop: 'controller' as const };
      e.updateObject('Ingress', { ...ing, status: { ...ing.status, loadBalancer: want.length ? { ingress: want } : {} } }, cause);
      const involved = { kind: 'Ingress' as const, name, namespace: ing.metadata!.namespace, uid: ing.metadata!.uid };
      e.recordEvent(involved, 'Normal', 'Sync', 'Scheduled for sync', INGRESS_STATUS, cause);
    }
  }
}
