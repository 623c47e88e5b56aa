/**
 * A reverse proxy's request handling (the kubelab/reverse-proxy image): pick a route by Host header and path prefix
 * as nginx picks a server block by server_name and then the longest matching `location` prefix
 * (https://nginx.org/en/docs/http/request_processing.html, https://nginx.org/en/docs/http/ngx_http_core_module.html#location),
 * resolve the upstream's name from the proxy pod (its resolv.conf, so a Service's short name works), connect
 * through kube-proxy like any pod, and hand the upstream's answer back. Failures answer as nginx's proxy module does
 * (https://nginx.org/en/docs/http/ngx_http_proxy_module.html): 502 when the name doesn't resolve or the connection
 * is refused, 504 when connecting times out (proxy_connect_timeout, 60 s), each with an error-log line.
 */
import type { HttpCall } from '../shell';
import type { Engine } from '../engine';
import type { Connection, Client } from './connect';
import { parseResolvConf, podResolvConf, resolveFromPod } from './dns';
import { ingressUpstream } from './ingress-nginx';

export interface ProxyRoute {
  /** the Host it serves (lower case, no port); undefined: any host (the default server) */
  host?: string;
  /** location prefix, `/` at least */
  pathPrefix: string;
  upstream: { host: string; port: number };
  /** as written in the args, for messages */
  spec: string;
}

/** `--route=HOST[/PATH]=SERVICE[:PORT]` or `--route HOST…` (also `/PATH=…` for any host); unreadable ones are skipped. */
export function parseProxyRoutes(argv: readonly string[]): ProxyRoute[] {
  const specs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--?route(?:=(.*))?$/.exec(argv[i]);
    if (m) specs.push(m[1] ?? argv[++i] ?? '');
  }
  const routes: ProxyRoute[] = [];
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) continue;
    const where = spec.slice(0, eq).trim();
    const target = /^(?:https?:\/\/)?([a-z0-9.-]+)(?::(\d+))?\/?$/i.exec(spec.slice(eq + 1).trim());
    if (!target) continue;
    const slash = where.indexOf('/');
    const host = (slash < 0 ? where : where.slice(0, slash)).toLowerCase();
    const pathPrefix = slash < 0 ? '/' : where.slice(slash);
    routes.push({ ...(host && host !== '*' ? { host } : {}), pathPrefix, upstream: { host: target[1].toLowerCase(), port: target[2] ? Number(target[2]) : 80 }, spec });
  }
  return routes;
}

/** The route for a request: the Host's own routes if it has any, else the any-host ones; then the longest prefix. */
export function matchRoute(routes: readonly ProxyRoute[], hostHeader: string, path: string): ProxyRoute | undefined {
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '');
  const named = routes.filter((r) => r.host === host);
  const pool = named.length ? named : routes.filter((r) => r.host === undefined);
  let best: ProxyRoute | undefined;
  for (const r of pool) if (path.startsWith(r.pathPrefix) && (!best || r.pathPrefix.length > best.pathPrefix.length)) best = r;
  return best;
}

/** nginx's proxy_connect_timeout default. */
export const PROXY_CONNECT_TIMEOUT_MS = 60_000;
/** A proxy forwarding to itself (or two to each other) would loop; real nginx runs out of connections, we stop here. */
const MAX_HOPS = 5;

export interface ProxyAnswer {
  status: number;
  body: string;
  ms: number;
  /** $upstream_addr for the access log ('-' when no connection was tried) */
  upstream: string;
  /** the error-log message, when nginx would write one */
  error?: string;
  /** the upstream URL the error log names, when a connection was tried */
  upstreamUrl?: string;
  /** the pod that finally answered, when one did */
  servedBy?: string;
  /** the upstream's reason phrase, which nginx passes on with its status */
  reason?: string;
}

type Send = (client: Client, call: HttpCall, timeoutMs: number, hops: number) => { outcome: import('../shell').HttpOutcome; servedBy?: { pod: string } };

/** Forwards `call`, which arrived on `conn` (a proxy's container), as its `--route` args say. */
export function forwardThroughProxy(e: Engine, conn: Extract<Connection, { ok: true }>, call: HttpCall, hops: number, send: Send): ProxyAnswer {
  const hostHeader = headerValue(call.headers, 'host') ?? call.host;
  // an ingress controller's routes are the cluster's Ingresses (ingress-nginx.ts); it answers 404/503 itself
  const target = conn.proc.model?.reverseProxy?.ingressController ? ingressUpstream(e, conn.proc.argv, hostHeader, call.path) : matchRoute(parseProxyRoutes(conn.proc.argv), hostHeader, call.path)?.upstream;
  if (!target) return { status: 404, body: '', ms: 0, upstream: '-' };
  if ('status' in target) return { status: target.status, body: target.body, ms: 0, upstream: '-' };
  const { host, port } = target;
  const pod = conn.pod;
  const resolved = resolveFromPod(e, host, parseResolvConf(podResolvConf(pod.metadata!.namespace || 'default')));
  if (!resolved) return { status: 502, body: '', ms: 1, upstream: '-', error: `${host} could not be resolved (3: Host not found)` };
  const ip = resolved.ips[0];
  const upstreamUrl = `http://${ip}:${port}${call.path}`;
  if (hops >= MAX_HOPS) return { status: 502, body: '', ms: 1, upstream: `${ip}:${port}`, error: `upstream loop detected after ${MAX_HOPS} hops while connecting to upstream`, upstreamUrl };
  const from: Client = { ip: pod.status!.podIP!, ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}), pod };
  // like Nginx Proxy Manager's proxy hosts (proxy_set_header Host $host): the upstream sees the client's Host
  const x = send(from, { ...call, ip, port, host: hostHeader, headers: { ...call.headers, 'X-Forwarded-For': call.headers['X-Forwarded-For'] ?? conn.clientIp, 'X-Real-IP': conn.clientIp } }, PROXY_CONNECT_TIMEOUT_MS, hops + 1);
  const o = x.outcome;
  const upstream = `${ip}:${port}`;
  if (!o.ok && o.error === 'refused') return { status: 502, body: '', ms: o.ms, upstream, error: `connect() failed (111: Connection refused) while connecting to upstream`, upstreamUrl };
  if (!o.ok) return { status: 504, body: '', ms: PROXY_CONNECT_TIMEOUT_MS, upstream, error: `upstream timed out (110: Connection timed out) while connecting to upstream`, upstreamUrl };
  return { status: o.status, reason: o.reason, body: o.body, ms: o.ms, upstream, ...(x.servedBy ? { servedBy: x.servedBy.pod } : {}) };
}

/** A request header by name, case-insensitively (HTTP field names are). */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}
