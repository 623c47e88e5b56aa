/**
 * Legacy discovery documents (/api, /apis, /api/v1, /apis/{group}/{version}), /version and the
 * OpenAPI endpoints. kubectl ≥ 1.26 asks for aggregated discovery
 * (`as=APIGroupDiscoveryList`) but falls back to legacy documents when the response's
 * Content-Type is plain application/json, which is what we always send.
 */
import { apiVersionOf, type KindInfo } from '../k8s/kinds';
import { K8S_VERSION } from '../sim';
import { SERVED } from './resources';
import { METRICS_API_GROUP } from './metrics';

const [major, minor] = K8S_VERSION.replace(/^v/, '').split('.');

/**
 * /version as a 1.33+ API server answers it (k8s.io/apimachinery/pkg/version/types.go Info, with the emulation and
 * minimum-compatibility versions compatibility versioning added): the engine's Kubernetes version.
 */
export const SERVER_VERSION = {
  major,
  minor,
  emulationMajor: major,
  emulationMinor: minor,
  minCompatibilityMajor: major,
  minCompatibilityMinor: String(Number(minor) - 1),
  gitVersion: K8S_VERSION,
};

/** The body for a discovery path, or undefined when the path is not a discovery document. */
export function discoveryDocument(path: string, serverAddress: string): { status: number; body: unknown; contentType?: string } | undefined {
  switch (path) {
    case '/api':
      return ok({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] });
    case '/apis':
      return ok({ kind: 'APIGroupList', apiVersion: 'v1', groups: [...apiGroups(), METRICS_API_GROUP] });
    case '/version':
      return ok({
        ...SERVER_VERSION, gitCommit: '0000000000000000000000000000000000000000', gitTreeState: 'clean',
        buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.24.9', compiler: 'gc', platform: 'linux/amd64',
      });
    case '/healthz':
    case '/livez':
    case '/readyz':
      return { status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
    case '/openapi/v2':
      return ok(OPENAPI_V2);
    default: {
      const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+)|apis\/([^/]+))$/.exec(path);
      if (!m) return undefined;
      if (m[1]) return resourceList('', 'v1');
      if (m[2]) return resourceList(m[2], m[3]);
      const group = apiGroups().find((g) => g.name === m[4]);
      return group ? ok({ kind: 'APIGroup', apiVersion: 'v1', ...group }) : undefined;
    }
  }
}

/**
 * A minimal valid Swagger 2.0 document. kubectl's client-side apply only needs the request to
 * succeed; without a schema for a kind it falls back to the patch metadata compiled into kubectl.
 */
export const OPENAPI_V2 = { swagger: '2.0', info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion }, paths: {}, definitions: {} };

function ok(body: unknown) {
  return { status: 200, body };
}

/**
 * Groups other than core, each with its one version: those of the served kinds. `policy` is among them since it
 * serves poddisruptionbudgets (a listed group without resources makes `kubectl api-resources` fail, "received empty
 * response for: policy/v1"), and old kubectl drain needs it listed to evict rather than delete (k8s.io/kubectl
 * release-1.20 pkg/drain CheckEvictionSupport looks for the policy group before /api/v1's pods/eviction; 1.33 reads
 * only the subresource's group and version).
 */
function apiGroups(): { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion: { groupVersion: string; version: string } }[] {
  const names = [...new Set(SERVED.filter((r) => r.group).map((r) => r.group))];
  return names.map((name) => {
    const gv = { groupVersion: `${name}/v1`, version: 'v1' };
    return { name, versions: [gv], preferredVersion: gv };
  });
}

function resourceList(group: string, version: string) {
  const rows = SERVED.filter((r) => r.group === group && r.version === version);
  if (rows.length === 0) return undefined;
  return ok({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources: rows.flatMap(resourceEntries),
  });
}

function resourceEntries(r: KindInfo): Record<string, unknown>[] {
  const main: Record<string, unknown> = {
    name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs,
  };
  if (r.shortNames.length) main.shortNames = r.shortNames;
  if (r.categories.length) main.categories = r.categories;
  const subs = r.subresources.map((s) => {
    const entry: Record<string, unknown> = { name: `${r.plural}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.kind, verbs: s.verbs };
    if (s.group) entry.group = s.group;
    if (s.version) entry.version = s.version;
    return entry;
  });
  return [main, ...subs];
}
