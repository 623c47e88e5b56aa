/**
 * The ingress-nginx controller's view of the cluster (https://kubernetes.github.io/ingress-nginx/): which Ingresses
 * it serves and where a request goes. The controller pod runs the `registry.k8s.io/ingress-nginx/controller` image
 * (apps/ingress-images.ts); its nginx is the reverse proxy of reverse-proxy.ts with routes read from the Ingresses
 * instead of `--route` args.
 *  - classes: the IngressClasses whose spec.controller is its --controller-class (default k8s.io/ingress-nginx);
 *    it serves Ingresses naming one of them, Ingresses without a class when one of them is the default class
 *    (annotation ingressclass.kubernetes.io/is-default-class) or with --watch-ingress-without-class, and Ingresses
 *    with the old annotation kubernetes.io/ingress.class equal to its --ingress-class (default nginx);
 *  - answers of its own: 404 from its default backend when nothing matches, 503 when the backend Service is missing
 *    or has no ready endpoints (it balances over the endpoints itself, so it knows), each with nginx's error page
 *    (server_tokens off: no version). Otherwise it proxies to the Service, which a ready pod answers.
 */
import type { V1Ingress, V1IngressClass, V1Pod, V1Service } from '../../k8s/api-types';
import type { Engine } from '../engine';
import { keyOf } from '../store';
import { CLUSTER_DOMAIN, readyEndpointIps } from './dns';
import { matchIngress } from './ingress-rules';
import { nginxReasonPhrase } from './http';
import { nginxErrorPage } from '../apps/nginx-proxy';
import { renderTemplate } from '../apps/render';

export const DEFAULT_CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
const DEFAULT_INGRESS_CLASS = 'nginx';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** nginx's error page as ingress-nginx serves it (server_tokens off, so no version under the rule). */
const ERROR_PAGE = nginxErrorPage('nginx');
const ingressNginxErrorPage = (status: number) => renderTemplate(ERROR_PAGE, { status: String(status), reason: nginxReasonPhrase(status) }, 0);

export interface ControllerFlags {
  controllerClass: string;
  ingressClass: string;
  watchWithoutClass: boolean;
}

/** The controller's flags from its argv (`--flag=value` or `--flag value`). */
export function controllerFlags(argv: readonly string[]): ControllerFlags {
  const flag = (name: string): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      const m = new RegExp(`^--?${name}(?:=(.*))?$`).exec(argv[i]);
      if (m) return m[1] ?? (argv[i + 1]?.startsWith('-') ? 'true' : argv[i + 1]);
    }
    return undefined;
  };
  return { controllerClass: flag('controller-class') || DEFAULT_CONTROLLER_CLASS, ingressClass: flag('ingress-class') || DEFAULT_INGRESS_CLASS, watchWithoutClass: flag('watch-ingress-without-class') === 'true' };
}

/** The Ingresses a controller with these flags serves, in every namespace. O(Ingresses + IngressClasses). */
export function servedIngresses(e: Engine, flags: ControllerFlags): V1Ingress[] {
  const classes = [...(e.store.values('IngressClass') as Iterable<V1IngressClass>)].filter((c) => c.spec?.controller === flags.controllerClass);
  const names = new Set(classes.map((c) => c.metadata!.name!));
  const isDefault = classes.some((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  const served: V1Ingress[] = [];
  for (const ing of e.store.values('Ingress') as Iterable<V1Ingress>) {
    if (ing.metadata?.deletionTimestamp) continue;
    const className = ing.spec?.ingressClassName;
    const annotation = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
    if (className !== undefined ? names.has(className) : annotation !== undefined ? annotation === flags.ingressClass : isDefault || flags.watchWithoutClass) served.push(ing);
  }
  return served;
}

export type IngressUpstream = { host: string; port: number } | { status: number; body: string };

/** Where the controller sends a request with this Host and path: a Service's cluster DNS name and port, or its own answer. */
export function ingressUpstream(e: Engine, argv: readonly string[], hostHeader: string, path: string): IngressUpstream {
  const target = matchIngress(servedIngresses(e, controllerFlags(argv)), hostHeader, path);
  const unavailable = { status: 503, body: ingressNginxErrorPage(503) };
  if (!target) return { status: 404, body: ingressNginxErrorPage(404) };
  const ref = target.backend.service;
  if (!ref) return unavailable;
  const svc = e.get<V1Service>('Service', keyOf(ref.name, target.namespace));
  const port = svc?.spec?.ports?.find((p) => (ref.port?.name ? p.name === ref.port.name : p.port === ref.port?.number));
  if (!svc || !port || readyEndpointIps(e, svc).length === 0) return unavailable;
  return { host: `${ref.name}.${target.namespace}.svc.${CLUSTER_DOMAIN}`, port: port.port };
}

/** Whether a pod runs this controller's image and is Ready (its nginx serves): the addresses it publishes. */
export const isServing = (pod: V1Pod) => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp && !!pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
