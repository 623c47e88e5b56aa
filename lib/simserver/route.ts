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
  | { type: 'not-found' }
  /** the path itself is malformed (a bad percent-escape): 400, as Go's net/http answers */
  | { type: 'bad-path'; message: string };

const DISCOVERY = /^\/(api|apis|version|openapi\/v2|healthz|livez|readyz|api\/v1|apis\/[^/]+|apis\/[^/]+\/[^/]+)\/?$/;

/** Parse a request path (no query string) into a route. Never throws. */
export function parseRoute(pathname: string): Route {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    const segment = decodeSegment(raw);
    if (segment === undefined) return { type: 'bad-path', message: badPathMessage(pathname, raw) };
    segments.push(segment);
  }
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

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined; // URIError: a malformed escape or bytes that are not UTF-8
  }
}

/** Go's url.ParseRequestURI wording for a bad escape; JavaScript strings also need UTF-8. */
function badPathMessage(pathname: string, segment: string): string {
  const escape = /%(?![0-9a-fA-F]{2})[^%]{0,2}/.exec(segment);
  if (escape) return `parse "${pathname}": invalid URL escape "${escape[0]}"`;
  return `parse "${pathname}": the path segment "${segment}" is not UTF-8 once unescaped`;
}
