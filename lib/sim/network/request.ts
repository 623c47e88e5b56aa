/**
 * One request through the simulated network — the function the rest of the product uses (the terminal's tools,
 * a load generator, port-forward): resolve the URL's host as the client would, connect through kube-proxy, let
 * the application model answer, record the access-log line and the pod's request count. Deterministic: the only
 * chance involved (which endpoint) comes from the network's seeded stream.
 */
import type { Engine } from '../engine';
import type { HttpCall, HttpOutcome } from '../shell';
import { clientOf, type Client, type RequestOrigin } from './connect';
import { exchange, peekExchange, type Exchange } from './http';
import { networkClient } from './client';
import { parseUrl } from './tools/common';

export interface NetworkRequest {
  from: RequestOrigin;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** give up on a connection nobody answers after this long (default 10 s) */
  timeoutMs?: number;
  userAgent?: string;
}

export interface NetworkResponse {
  ok: boolean;
  status?: number;
  /** response headers as the app sent them */
  headers?: [string, string][];
  body: string;
  latencyMs: number;
  /** the pod and container that answered */
  servedBy?: Exchange['servedBy'];
  /** `ns/name` of the Service the connection went through, if any */
  service?: string;
  /** the pod (name, in the Service's namespace) whose app refused the connection */
  refusedBy?: string;
  error?: { code: 'bad-url' | 'no-client' | 'dns' | 'refused' | 'timeout'; message: string };
}

const DEFAULT_TIMEOUT_MS = 10_000;

const failure = (code: NonNullable<NetworkResponse['error']>['code'], message: string, latencyMs = 0, service?: string): NetworkResponse => ({ ok: false, body: '', latencyMs, ...(service ? { service } : {}), error: { code, message } });

/** Sends one HTTP request. Never throws: failures come back as `error` with a Korean message. */
export const sendRequest = (e: Engine, req: NetworkRequest): NetworkResponse => through(e, req, exchange)!;

/**
 * What sendRequest would answer, without sending: no access-log line, no count on the pod (http.ts peekExchange).
 * Undefined when only sending can tell (a reverse proxy's own request upstream).
 */
export const peekRequest = (e: Engine, req: NetworkRequest): NetworkResponse | undefined => through(e, req, peekExchange);

/** Resolves and connects as the client would, and lets `x` exchange (or peek at) the request. */
function through(e: Engine, req: NetworkRequest, x: (e: Engine, client: Client, call: HttpCall, timeoutMs: number) => Exchange | undefined): NetworkResponse | undefined {
  const url = parseUrl(req.url);
  if (!url) return failure('bad-url', `주소 ${req.url}을(를) 읽을 수 없어요. 예) http://web:80/`);
  const client = clientOf(e, req.from);
  if (typeof client === 'string') return failure('no-client', client);
  const net = networkClient(e, req.from)!;
  const resolved = net.resolve(url.host);
  if (!resolved) return failure('dns', `이름 ${url.host}을(를) 찾을 수 없어요(NXDOMAIN). 서비스 이름과 네임스페이스를 확인해 보세요.`);
  const ip = resolved.ips[0];
  const answer = x(e, client, { method: req.method ?? 'GET', ip, port: url.port, host: url.host, path: url.path, headers: req.headers ?? {}, userAgent: req.userAgent ?? 'kubelab-client' }, req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return answer && responseOf(answer, ip, url.port);
}

/**
 * The response a client that connected to `ip:port` (a ClusterIP, a NodePort, a pod) gets for exchange `x`, with
 * the Korean reason of a failure. Also used by the load generator, which exchanges with each endpoint itself.
 */
export function responseOf(x: Exchange, ip: string, port: number): NetworkResponse {
  const o: HttpOutcome = x.outcome;
  if (!o.ok) {
    const why =
      o.error === 'refused'
        ? x.refusedBy
          ? `${ip}:${port} 연결 거부: 요청을 받은 파드 ${x.refusedBy}의 앱이 아직(또는 더 이상) 그 포트에서 연결을 받지 않아요.`
          : x.service
            ? `${ip}:${port} 연결 거부: 서비스 ${x.service}에 준비된 엔드포인트가 없어요(셀렉터와 파드의 준비 상태를 확인해 보세요).`
            : `${ip}:${port} 연결 거부: 그 포트에서 기다리는 프로세스가 없어요.`
        : `${ip}:${port} 응답 없음(시간 초과): 이 위치에서 닿을 수 없는 주소이거나 받는 쪽이 없어요.`;
    return { ...failure(o.error, why, o.ms, x.service), ...(x.refusedBy ? { refusedBy: x.refusedBy } : {}) };
  }
  return { ok: o.status < 500, status: o.status, headers: o.headers, body: o.body, latencyMs: o.ms, ...(x.servedBy ? { servedBy: x.servedBy } : {}), ...(x.service ? { service: x.service } : {}) };
}
