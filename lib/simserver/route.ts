/**
 * URL → what it names. Resource paths follow the API server's layout:
 *   /api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]
 *   /apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]
 * `/api/v1/namespaces/{name}[/{subresource}]` names the Namespace object itself.
 */
import type { ResourceInfo } from './resources';
import { findResource } from './resources';

export interface ResourceRoute {
  type: 'resource';
  resource: ResourceInfo;
  /** set for namespaced paths; undefined means all namespaces (lists) or a cluster-scoped object */
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type Route =
  | ResourceRoute
  | { type: 'discovery'; path: string }
  | { type: 'not-found' };

const DISCOVERY = /^\/(api|apis|version|openapi\/v2|openapi\/v3|healthz|livez|readyz|api\/v1|apis\/[^/]+|apis\/[^/]+\/[^/]+)\/?$/;

/** Parse a request path (no query string) into a route. Never throws. */
export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    group = '';
    version = segments[1];
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    group = segments[1];
    version = segments[2];
    rest = segments.slice(3);
  } else if (DISCOVERY.test(pathname)) {
    return { type: 'discovery', path: pathname.replace(/\/$/, '') };
  } else {
    return { type: 'not-found' };
  }

  // namespaces/{ns}/{plural}/… — unless {plural} is not a namespaced resource, in which
  // case the path names the Namespace object (e.g. namespaces/{name}/status).
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const namespaced = findResource(group, version, rest[2]);
    if (namespaced?.namespaced) {
      return resourceRoute(namespaced, rest[1], rest.slice(3));
    }
  }
  const resource = findResource(group, version, rest[0]);
  if (!resource) return { type: 'not-found' };
  return resourceRoute(resource, undefined, rest.slice(1));
}

function resourceRoute(resource: ResourceInfo, namespace: string | undefined, tail: string[]): Route {
  if (tail.length > 2) return { type: 'not-found' };
  const [name, subresource] = tail;
  if (subresource && !resource.subresources.some((s) => s.name === subresource)) return { type: 'not-found' };
  return { type: 'resource', resource, namespace, name, subresource };
}
