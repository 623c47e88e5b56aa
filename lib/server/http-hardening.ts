/**
 * Hooks on Node's HTTP server that Next.js gives no API for, installed once per process by instrumentation.ts:
 *   - PEER_HEADER on every request = the socket's address, overwriting whatever the client sent, so route
 *     handlers can rate-limit and audit by the real address (see client-address.ts)
 *   - RECEIVED_AT_HEADER = when the request arrived, so a handler with a deadline (/api/cluster/info) can
 *     count the time a cold process spent loading modules before the handler ran
 *   - CONNECTION_HEADER = a key to the request's socket and response, so a handler can close a connection
 *     Next.js would keep open (a dropped SSE stream whose client never reads leaves Next.js waiting forever
 *     for 'drain'), and set the one header Next.js drops from a route's Response: Content-Encoding (see
 *     `setContentEncoding`)
 *   - a 'clientError' handler with a Korean body (http-limits.ts), added to each server at its first
 *     connection, before any request on it is parsed
 * Both come through Node's diagnostics channels, published synchronously: `net.server.socket` when a
 * connection is accepted, `http.server.request.start` before the server's 'request' listeners run.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER } from './client-address';
import { answerClientError } from './http-limits';
import { processGlobals } from './process-globals';

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  socket: Socket;
  server: Server;
}

/** Epoch milliseconds at which the request reached Node's HTTP server. */
export const RECEIVED_AT_HEADER = 'x-k8s-learn-received-at';

/**
 * How long ago the request arrived. A request without the stamp reached a cold process before the hook
 * was installed (Next.js accepts connections before it runs instrumentation), so it is at most as old as
 * the process: assume that, and a deadline is kept rather than overrun. Without the hook at all (tests,
 * another server), 0.
 */
export function requestAgeMs(headers: { get(name: string): string | null }, now: number = Date.now()): number {
  const at = Number(headers.get(RECEIVED_AT_HEADER));
  if (Number.isFinite(at) && at > 0 && at <= now) return now - at;
  const installed = processGlobals().httpHardening;
  return installed ? Math.max(0, Math.round(now - performance.timeOrigin)) : 0;
}

const servers = new WeakSet<Server>();

/** What a route may reach of its request's connection. */
export interface OpenResponse {
  socket: Socket;
  response: ServerResponse;
}

/** Key to the request's socket (see `closeConnection`). */
export const CONNECTION_HEADER = 'x-k8s-learn-connection';
/**
 * Sockets and responses by request key, while the response is open. On globalThis: Next.js bundles this module
 * once for instrumentation.ts (which fills it) and again for each route (which reads it).
 */
const connections: Map<string, OpenResponse> = (processGlobals().httpConnections ??= new Map());
let nextConnection = 0;

/**
 * Destroys the socket a request came on (its response can no longer finish anyway), freeing what Node
 * still buffers for it. Returns false when the request is unknown or already done.
 */
export function closeConnection(headers: { get(name: string): string | null }): boolean {
  const key = headers.get(CONNECTION_HEADER);
  const open = key ? connections.get(key) : undefined;
  if (!open) return false;
  open.socket.destroy();
  return true;
}

/**
 * Sets Content-Encoding on the request's own Node response. Next.js (send-response.ts) drops that header from
 * a route handler's Response, since a body fetched from elsewhere may have been decoded already; a route that
 * encodes its body itself must set it here. Returns false — and the route must then send its body unencoded —
 * when the request is unknown (the hook is not installed) or its headers have already gone out.
 */
export function setContentEncoding(headers: { get(name: string): string | null }, encoding: string): boolean {
  const key = headers.get(CONNECTION_HEADER);
  const open = key ? connections.get(key) : undefined;
  if (!open || open.response.headersSent) return false;
  open.response.setHeader('content-encoding', encoding);
  return true;
}

/** Gives a server the Korean clientError answer, unless it has its own handler. */
function guard(server: Server | undefined): void {
  if (!server || servers.has(server) || typeof server.listenerCount !== 'function') return;
  servers.add(server);
  if (server.listenerCount('clientError') === 0) server.on('clientError', answerClientError);
}

/** Tags the request with its socket address, arrival time and connection key (overwriting any client-sent value). */
export function onRequestStart({ request, response, socket, server }: RequestStart): void {
  request.headers[PEER_HEADER] = socket.remoteAddress ?? 'unknown';
  request.headers[RECEIVED_AT_HEADER] = String(Date.now());
  const key = String(++nextConnection);
  request.headers[CONNECTION_HEADER] = key;
  connections.set(key, { socket, response });
  response.once('close', () => connections.delete(key));
  guard(server);
}

export function installHttpHardening(): void {
  const g = processGlobals();
  if (g.httpHardening) return;
  g.httpHardening = true;
  // A server-side socket carries its server (net.Server sets socket.server on accept).
  subscribe('net.server.socket', (message) => guard((message as { socket: Socket & { server?: Server } }).socket.server));
  subscribe('http.server.request.start', (message) => onRequestStart(message as RequestStart));
}
