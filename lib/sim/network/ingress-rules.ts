/**
 * Which backend an ingress controller sends a request to, from the Ingresses it serves — the matching rules of
 * https://kubernetes.io/docs/concepts/services-networking/ingress/ ("Path types", "Multiple matches", "Hostname
 * wildcards") as ingress-nginx applies them (https://kubernetes.github.io/ingress-nginx/user-guide/ingress-path-matching/):
 *  - host: a rule's host is matched exactly, else by a wildcard `*.example.com` covering one DNS label; rules
 *    without a host, and hosts no rule names, fall to the catch-all server;
 *  - Exact: the path equals the rule's path; Prefix: element-wise by `/` (`/foo` matches `/foo`, `/foo/`, `/foo/bar`,
 *    not `/foobar`; a trailing slash in the rule is ignored); ImplementationSpecific: ingress-nginx's plain nginx
 *    location prefix (`/foo` does match `/foobar`);
 *  - the longest matching path wins, Exact before Prefix on a tie; on a conflict the oldest Ingress wins;
 *  - no path matches: the Ingress's spec.defaultBackend, else the controller's default backend (404).
 * Pure: O(rules) per request; the Ingresses are few.
 */
import type { V1Ingress, V1IngressBackend } from '../../k8s/api-types';

export interface IngressTarget {
  /** the Ingress (namespace/name) whose rule or defaultBackend chose it */
  ingress: string;
  namespace: string;
  backend: V1IngressBackend;
}

interface Candidate {
  path: string;
  pathType: string;
  target: IngressTarget;
}

/** Oldest first, then by namespace/name: ingress-nginx keeps the oldest Ingress's path when two define the same one. */
function byAge(a: V1Ingress, b: V1Ingress): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.metadata?.namespace}/${a.metadata?.name}`;
  const kb = `${b.metadata?.namespace}/${b.metadata?.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Whether a rule's host covers the request's host (lower case, without a port). */
export function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const suffix = ruleHost.slice(1);
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

/** Whether one path rule matches the request path (its query already removed). */
export function pathMatches(pathType: string, rulePath: string, path: string): boolean {
  if (pathType === 'Exact') return path === rulePath;
  if (pathType === 'ImplementationSpecific') return path.startsWith(rulePath || '/');
  const p = rulePath.replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(`${p}/`);
}

/** The specificity of a match: longer paths first, Exact before Prefix on equal length. */
const rank = (c: Candidate) => c.path.replace(/\/+$/, '').length * 2 + (c.pathType === 'Exact' ? 1 : 0);

/**
 * The backend for a request with this Host header and path among `ingresses` (those the controller serves), or
 * undefined for the controller's default backend.
 */
export function matchIngress(ingresses: readonly V1Ingress[], hostHeader: string, rawPath: string): IngressTarget | undefined {
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '');
  const path = rawPath.split('?')[0] || '/';
  const sorted = [...ingresses].sort(byAge);
  // the server: exact host, else a wildcard host, else the catch-all (rules without a host)
  const hosts = sorted.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '')).filter(Boolean);
  const server = hosts.find((h) => h === host) ?? hosts.find((h) => h.startsWith('*.') && hostMatches(h, host)) ?? '';
  let best: Candidate | undefined;
  let fallback: IngressTarget | undefined;
  for (const ing of sorted) {
    const id = { ingress: `${ing.metadata?.namespace}/${ing.metadata?.name}`, namespace: ing.metadata?.namespace ?? 'default' };
    const rules = (ing.spec?.rules ?? []).filter((r) => (r.host ?? '') === server);
    if (ing.spec?.defaultBackend && !fallback && (rules.length > 0 || server === '')) fallback = { ...id, backend: ing.spec.defaultBackend };
    for (const rule of rules)
      for (const p of rule.http?.paths ?? []) {
        const c: Candidate = { path: p.path ?? '/', pathType: p.pathType, target: { ...id, backend: p.backend } };
        if (pathMatches(c.pathType, c.path, path) && (!best || rank(c) > rank(best))) best = c;
      }
  }
  return best?.target ?? fallback;
}
