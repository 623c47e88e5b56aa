/**
 * The HTTP exchange over a connection: the application model decides the answer (status, body — apps/process-view
 * httpGet), writes its access-log line with the client's real address into the serving container's log, and the
 * pod's request counter goes up. Latency is deterministic: the hop across nodes and the app's own time.
 */
import type { Engine } from '../engine';
import type { HttpCall, HttpOutcome } from '../shell';
import type { AppModel } from '../apps/types';
import { keyOf } from '../store';
import { renderTemplate } from '../apps/render';
import { nextAnswerChange } from '../apps/process-view';
import { connect, type Client, type Connection } from './connect';
import { appendRequestLog, podTraffic } from './state';
import { forwardThroughProxy, headerValue, type ProxyAnswer } from './reverse-proxy';

type OpenConnection = Extract<Connection, { ok: true }>;

/** RFC 9110 reason phrases for the statuses the models answer with. */
const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
export const reasonPhrase = (status: number) => REASONS[status] ?? '';

/**
 * nginx's own status lines where they differ from RFC 9110's (src/http/ngx_http_header_filter_module.c,
 * ngx_http_status_lines: "503 Service Temporarily Unavailable", "504 Gateway Time-out"); its error pages
 * (ngx_http_special_response.c) carry the same words. A response nginx passes on from an upstream keeps the
 * upstream's status line (ngx_http_upstream.c copies headers_in.status_line).
 */
const NGINX_REASONS: Record<number, string> = { 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };
export const nginxReasonPhrase = (status: number) => NGINX_REASONS[status] ?? reasonPhrase(status);

/** The reason phrase a model's server sends with a status it answers itself: nginx's words for nginx. */
const ownReason = (model: AppModel | undefined, status: number) => (model?.reverseProxy || model?.serverHeader?.startsWith('nginx') ? nginxReasonPhrase(status) : reasonPhrase(status));

/** ms a refused connection takes to report (the RST comes straight back) and a connect across nodes adds. */
const REFUSED_MS = 1;
const CROSS_NODE_MS = 1;

let dateCache: [number, string] = [NaN, ''];
/** RFC 9110 IMF-fixdate, as servers send `Date` (one string per simulated second). */
function httpDate(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (dateCache[0] !== s) dateCache = [s, new Date(s * 1000).toUTCString()];
  return dateCache[1];
}

/** UTF-8 byte length (Content-Length), without an encoder allocation per request. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface Exchange {
  outcome: HttpOutcome;
  servedBy?: { pod: string; namespace: string; container: string; node?: string };
  service?: string;
  /** the pod whose app refused the connection (nothing listening on the port yet, or any more) */
  refusedBy?: string;
  /** peekExchange: what the served request's access-log line would say (the client's address as the pod sees it, body bytes) */
  access?: { client: string; bytes: number };
}

/** A connection that failed, as the client sees it: refused at once, or nothing after its timeout. */
function failedExchange(conn: Extract<Connection, { ok: false }>, call: HttpCall, defaultTimeoutMs: number): Exchange {
  const ms = conn.error === 'refused' ? REFUSED_MS : (call.timeoutMs ?? defaultTimeoutMs);
  return { outcome: { ok: false, error: conn.error, ms }, ...(conn.service ? { service: conn.service } : {}), ...(conn.pod ? { refusedBy: conn.pod.metadata!.name! } : {}) };
}

/** A client that stops waiting first (curl -m) sees a timeout, not the proxy's late 504. */
const gaveUp = (conn: OpenConnection, call: HttpCall, ms: number): Exchange | undefined =>
  call.timeoutMs !== undefined && ms > call.timeoutMs ? { outcome: { ok: false, error: 'timeout', ms: call.timeoutMs }, ...(conn.service ? { service: conn.service } : {}) } : undefined;

const servedByOf = ({ pod, container }: OpenConnection): NonNullable<Exchange['servedBy']> => ({ pod: pod.metadata!.name!, namespace: pod.metadata!.namespace!, container: container.name, ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}) });

/**
 * Connects from `client` and exchanges one request. `timeoutMs` defaults to what the caller's tool waits; `hops`
 * counts the reverse proxies the request already went through.
 */
export function exchange(e: Engine, client: Client, call: HttpCall, defaultTimeoutMs: number, hops = 0): Exchange {
  const conn = connect(e, client, call.ip, call.port);
  if (!conn.ok) {
    if (conn.pod) podTraffic(e, keyOf(conn.pod.metadata!.name!, conn.pod.metadata!.namespace), conn.pod.metadata!.uid!).refused++;
    return failedExchange(conn, call, defaultTimeoutMs);
  }
  const { pod, container, proc } = conn;
  const model = proc.model;
  const proxied = model?.reverseProxy ? forwardThroughProxy(e, conn, call, hops, (from, c, timeout, h) => exchange(e, from, c, timeout, h)) : undefined;
  const answer = proxied ? proxyAnswer(proxied, model!.reverseProxy!.errorPage, proc.vars, e.time) : conn.view.httpGet(call.path, conn.port, e.time);
  const status = answer?.status ?? 502;
  const body = call.method === 'HEAD' ? '' : (answer?.body ?? '');
  const fullBody = answer?.body ?? '';
  const ms = 1 + (conn.crossNode ? CROSS_NODE_MS : 0) + (proxied?.ms ?? 0);
  const late = gaveUp(conn, call, ms);
  if (late) return late;
  const headers: [string, string][] = [];
  if (model?.serverHeader) headers.push(['Server', renderTemplate(model.serverHeader, proc.vars, e.time)]);
  headers.push(['Date', httpDate(e.time)], ['Content-Type', fullBody.trimStart().startsWith('<') ? 'text/html' : 'text/plain; charset=utf-8'], ['Content-Length', String(utf8Length(fullBody))]);
  const traffic = podTraffic(e, keyOf(pod.metadata!.name!, pod.metadata!.namespace), pod.metadata!.uid!);
  traffic.served++;
  if (model?.requestLog) {
    const vars = { ...proc.vars, client: conn.clientIp, method: call.method, path: call.path, status: String(status), bytes: String(body.length), agent: call.userAgent, host: headerValue(call.headers, 'host') ?? call.host, upstream: proxied?.upstream ?? '-' };
    if (proxied?.error) appendRequestLog(traffic, container.name, e.time, renderTemplate(model.reverseProxy!.errorLog, { ...vars, message: proxied.error, upstreamUrl: proxied.upstreamUrl ? `, upstream: "${proxied.upstreamUrl}"` : '', server: vars.host.replace(/:\d+$/, '') }, e.time));
    appendRequestLog(traffic, container.name, e.time, renderTemplate(model.requestLog, vars, e.time));
  }
  const reason = proxied?.reason ?? ownReason(model, status);
  return { outcome: { ok: true, status, reason, headers, body, ms }, servedBy: servedByOf(conn), ...(conn.service ? { service: conn.service } : {}) };
}

/** Statuses (and body sizes) a process answered, by `port path`, each with the instants between which it stays the same. */
const statuses = new WeakMap<object, Map<string, { status: number; bytes: number; from: number; until: number }>>();

/**
 * The status the app answers `path` on the connection's port at `now` (the app's answer without its body). It only
 * changes at the instants nextAnswerChange names, so it is remembered until the next one: the body, which may carry
 * a time stamp, is not rendered again for every endpoint at every change.
 */
function statusOf(conn: OpenConnection, path: string, now: number): { status: number; bytes: number } {
  let seen = statuses.get(conn.view);
  if (!seen) statuses.set(conn.view, (seen = new Map()));
  const key = `${conn.port} ${path}`;
  const hit = seen.get(key);
  if (hit && hit.from <= now && now < hit.until) return hit;
  const answer = conn.view.httpGet(path, conn.port, now);
  // the size as exchange() logs it, taken when the answer is first seen (a time stamp in a body keeps its length)
  const entry = { status: answer?.status ?? 502, bytes: answer?.body?.length ?? 0, from: now, until: nextAnswerChange(conn.proc, conn.startedAt, now) ?? Infinity };
  seen.set(key, entry);
  return entry;
}

/**
 * What exchange() would answer, without sending: the same status, latency, server or failure, but no headers or
 * body, no access-log line and no count on the pod — the load generator's plan (load-plan.ts) asks this of every
 * endpoint after each change. Undefined for a reverse proxy, whose answer needs a request of its own upstream.
 */
export function peekExchange(e: Engine, client: Client, call: HttpCall, defaultTimeoutMs: number): Exchange | undefined {
  const conn = connect(e, client, call.ip, call.port);
  if (!conn.ok) return failedExchange(conn, call, defaultTimeoutMs);
  if (conn.proc.model?.reverseProxy) return undefined;
  const { status, bytes } = statusOf(conn, call.path, e.time);
  const ms = 1 + (conn.crossNode ? CROSS_NODE_MS : 0);
  const access = { client: conn.clientIp, bytes: call.method === 'HEAD' ? 0 : bytes };
  return gaveUp(conn, call, ms) ?? { outcome: { ok: true, status, reason: ownReason(conn.proc.model, status), headers: [], body: '', ms }, servedBy: servedByOf(conn), ...(conn.service ? { service: conn.service } : {}), access };
}

/** The proxy's answer as the client gets it: the upstream's body, or nginx's own error page for its own errors. */
function proxyAnswer(p: ProxyAnswer, errorPage: string, vars: Record<string, string>, at: number): { status: number; body: string } {
  if (p.body || p.servedBy) return { status: p.status, body: p.body };
  return { status: p.status, body: renderTemplate(errorPage, { ...vars, status: String(p.status), reason: nginxReasonPhrase(p.status) }, at) };
}
