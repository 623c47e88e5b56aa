/**
 * pods/NAME/portforward for real kubectl (`kubectl port-forward svc/web 8080:80` resolves the Service to a running
 * pod and its target port, then upgrades this endpoint). kubectl ≥ 1.31 tunnels SPDY through a WebSocket with the
 * subprotocol `SPDY/3.1+portforward.k8s.io` (client-go tools/portforward/tunneling_dialer.go); a plain SPDY
 * upgrade (older kubectl, or the fallback) gets a clear refusal. Per local connection the client opens an error
 * stream and a data stream whose headers carry `streamtype`, `port` and `requestid`
 * (apimachinery pkg/util/portforward/constants.go, tools/portforward/portforward.go handleConnection), paired
 * here by requestid. The data stream carries the raw bytes of the local client's HTTP
 * request; the simulated app answers through the cluster network as a connection to localhost inside the pod
 * (the kubelet dials the port in the pod's network namespace), and an app that isn't listening gets the kubelet's
 * "connection refused" message on the error stream.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerContext } from './context';
import { reasonPhrase } from '../sim/network';
import { FLAG_FIN, FrameReader, HeaderReader, HeaderWriter, PING, RST_STREAM, SYN_STREAM, dataFrame, pingReply } from './spdy';

export const PORTFORWARD_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/;
const TUNNEL_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';
export const PORTFORWARD_SPDY_REFUSED =
  'port-forward over SPDY is not supported by this simulated cluster: use kubectl 1.31 or newer, which tunnels it through a WebSocket ' +
  '(이 시뮬레이터 클러스터는 port-forward를 WebSocket으로만 받아요: kubectl 1.31 이상을 쓰세요)';

interface Pair {
  port: number;
  errorStream?: number;
  dataStream?: number;
  request: Buffer;
  answered: boolean;
}

/** Reads one HTTP/1.x request head from raw bytes; undefined until the blank line has arrived. */
function httpHead(buf: Buffer): { method: string; path: string; headers: Record<string, string> } | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [line, ...rest] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const [method, path] = line.split(' ');
  const headers: Record<string, string> = {};
  for (const h of rest) {
    const c = h.indexOf(':');
    if (c > 0) headers[h.slice(0, c).trim().toLowerCase()] = h.slice(c + 1).trim();
  }
  return { method: method ?? 'GET', path: path ?? '/', headers };
}

export function createPortForwardServer(ctx: ServerContext) {
  // `ws` refuses subprotocols with a "/" (not an RFC 7230 token), which this one has: the header is taken off the
  // request and the chosen protocol put back on the 101 answer, which kubectl checks
  const wss = new WebSocketServer({ noServer: true });
  wss.on('headers', (headers) => headers.push(`Sec-WebSocket-Protocol: ${TUNNEL_PROTOCOL}`));
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, namespace: string, pod: string) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(TUNNEL_PROTOCOL)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    delete req.headers['sec-websocket-protocol'];
    wss.handleUpgrade(req, socket, head, (ws) => session(ws, ctx, namespace, pod));
  };
  const close = () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
  return { upgrade, close };
}

function session(ws: WebSocket, ctx: ServerContext, namespace: string, pod: string): void {
  const reader = new FrameReader();
  const inHeaders = new HeaderReader();
  const headers = new HeaderWriter();
  const byRequest = new Map<string, Pair>();
  const byData = new Map<number, Pair>();
  const send = (b: Buffer) => ws.readyState === ws.OPEN && ws.send(b);

  const answer = (pair: Pair) => {
    const head = httpHead(pair.request);
    if (!head || pair.answered || pair.dataStream === undefined || pair.errorStream === undefined) return;
    pair.answered = true;
    const port = pair.port;
    const r = ctx.sim.sendRequest({ from: { pod, namespace }, url: `http://127.0.0.1:${port}${head.path}`, method: head.method, headers: head.headers, userAgent: head.headers['user-agent'] ?? 'kubectl-port-forward' });
    if (r.error) {
      // the kubelet's wording (pkg/kubelet/cri/streaming/portforward), with the pod name where it names the sandbox
      const message = `error forwarding port ${port} to pod ${pod}, uid : failed to connect to localhost:${port} inside namespace "${pod}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused`;
      send(dataFrame(pair.errorStream, Buffer.from(message), true));
      send(dataFrame(pair.dataStream, Buffer.alloc(0), true));
      return;
    }
    const body = Buffer.from(r.body);
    const fields = (r.headers ?? []).filter(([k]) => k !== 'Content-Length').map(([k, v]) => `${k}: ${v}`);
    const lines = [`HTTP/1.1 ${r.status} ${reasonPhrase(r.status ?? 200)}`, ...fields, `Content-Length: ${body.length}`, 'Connection: close', '', ''];
    send(dataFrame(pair.dataStream, Buffer.concat([Buffer.from(lines.join('\r\n')), head.method === 'HEAD' ? Buffer.alloc(0) : body]), true));
    send(dataFrame(pair.errorStream, Buffer.alloc(0), true));
  };

  ws.on('message', (chunk: Buffer) => {
    for (const f of reader.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as ArrayBuffer))) {
      if (f.control) {
        if (f.type === SYN_STREAM) {
          const streamId = f.data.readUInt32BE(0) & 0x7fffffff;
          const h = inHeaders.read(f.data.subarray(10));
          send(headers.synReply(streamId));
          const id = h.requestid ?? String(streamId);
          let pair = byRequest.get(id);
          if (!pair) byRequest.set(id, (pair = { port: Number(h.port) || 80, request: Buffer.alloc(0), answered: false }));
          if (h.streamtype === 'error') pair.errorStream = streamId;
          else {
            pair.dataStream = streamId;
            byData.set(streamId, pair);
          }
          answer(pair);
        } else if (f.type === PING) send(pingReply(f.data));
        else if (f.type === RST_STREAM) byData.delete(f.data.readUInt32BE(0) & 0x7fffffff);
        continue;
      }
      const pair = byData.get(f.streamId);
      if (!pair) continue;
      pair.request = Buffer.concat([pair.request, f.data]);
      answer(pair);
      if (f.flags & FLAG_FIN) byData.delete(f.streamId);
    }
  });
}
