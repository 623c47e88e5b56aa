/**
 * pods/NAME/exec for real kubectl over WebSocket (kubectl ≥ 1.30 speaks the v5.channel.k8s.io subprotocol first,
 * v4 before it; staging/src/k8s.io/apimachinery/pkg/util/remotecommand/constants.go and client-go
 * tools/remotecommand/websocket.go). Every binary message is one channel byte then data: 0 stdin, 1 stdout,
 * 2 stderr, 3 the final metav1.Status, 4 resize, 255 (v5) "close this stream". A non-zero exit is a Failure
 * Status with reason NonZeroExitCode and an ExitCode cause (client-go's errorDecoderV4 turns it into
 * "command terminated with exit code N"). SPDY (older kubectl) gets a clear refusal instead.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isStatusError } from '../k8s/types';
import type { ServerContext } from './context';
import { createPortForwardServer, PORTFORWARD_PATH, PORTFORWARD_SPDY_REFUSED } from './portforward';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const EXEC_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/;
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

const SPDY_REFUSED =
  'exec over SPDY is not supported by this simulated cluster: use kubectl 1.30 or newer, which speaks WebSocket (v5.channel.k8s.io) ' +
  '(이 시뮬레이터 클러스터는 exec를 WebSocket으로만 받아요: kubectl 1.30 이상을 쓰세요)';

function refuse(socket: Duplex, code: number, message: string): void {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: code === 404 ? 'NotFound' : 'BadRequest', code });
  socket.end(`HTTP/1.1 ${code} ${code === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function frame(channel: number, data: string | Buffer): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from([channel]), payload]);
}

function exitStatus(code: number, command: readonly string[]): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** Serves exec upgrades on `server`; returns a function that closes open sessions. */
export function serveExec(server: Server, ctx: ServerContext): () => void {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false });
  // port-forward upgrades arrive on the same server (pods/NAME/portforward, portforward.ts)
  const portForward = createPortForwardServer(ctx);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const pf = PORTFORWARD_PATH.exec(url.pathname);
    if (pf) {
      if (!/websocket/i.test(String(req.headers.upgrade ?? ''))) return refuse(socket, 400, PORTFORWARD_SPDY_REFUSED);
      return portForward.upgrade(req, socket, head, decodeURIComponent(pf[1]), decodeURIComponent(pf[2]));
    }
    const m = EXEC_PATH.exec(url.pathname);
    if (!m) return refuse(socket, 404, `the server could not find the requested resource (${url.pathname})`);
    if (!/websocket/i.test(String(req.headers.upgrade ?? ''))) return refuse(socket, 400, SPDY_REFUSED);
    wss.handleUpgrade(req, socket, head, (ws) => session(ws, ctx, decodeURIComponent(m[1]), decodeURIComponent(m[2]), url.searchParams));
  });
  return () => {
    portForward.close();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}

function finish(ws: WebSocket, status: object): void {
  ws.send(frame(ERROR, JSON.stringify(status)), () => ws.close(1000));
}

function session(ws: WebSocket, ctx: ServerContext, namespace: string, name: string, query: URLSearchParams): void {
  const command = query.getAll('command');
  const container = query.get('container') || undefined;
  const tty = query.get('tty') === 'true';
  const out = (channel: number, text: string) => text && ws.send(frame(tty && channel === STDERR ? STDOUT : channel, tty ? text.replace(/\n/g, '\r\n') : text));
  try {
    const shellOnly = command.length === 1 && /^(\/bin\/)?(sh|bash|ash)$/.test(command[0]);
    if (query.get('stdin') === 'true' && shellOnly) return interactive(ws, ctx, namespace, name, container, command, out, tty);
    const r = ctx.sim.exec(name, namespace, container, command);
    out(STDOUT, r.stdout);
    out(STDERR, r.stderr);
    finish(ws, exitStatus(r.exitCode, command));
  } catch (e) {
    const message = isStatusError(e) ? (e.status.message ?? 'error') : String(e);
    finish(ws, { metadata: {}, status: 'Failure', message, reason: isStatusError(e) ? e.status.reason : 'InternalError' });
  }
}

/**
 * `kubectl exec -i[t] POD -- sh`: lines from stdin run in one shell session until `exit`, Ctrl+D or stdin closes.
 * With a TTY (-t) the terminal is raw, so the shell side echoes keys, handles backspace and Ctrl+C, and prints prompts.
 */
function interactive(ws: WebSocket, ctx: ServerContext, namespace: string, name: string, container: string | undefined, command: string[], out: (channel: number, text: string) => void, tty: boolean): void {
  const shell = ctx.sim.execShell(name, namespace, container);
  let pending = '';
  let done = false;
  const end = (code: number) => {
    if (done) return;
    done = true;
    finish(ws, exitStatus(code, command));
  };
  const prompt = () => tty && out(STDOUT, shell.prompt());
  const runLine = (line: string) => {
    const r = shell.run(line);
    out(STDOUT, r.stdout);
    out(STDERR, r.stderr);
    if (r.exited !== undefined) end(r.exited);
    else prompt();
  };
  prompt();
  ws.on('message', (data: Buffer) => {
    if (done || data.length === 0) return;
    const channel = data[0];
    if (channel === CLOSE && data[1] === STDIN) return end(0);
    if (channel !== STDIN) return;
    for (const ch of data.subarray(1).toString('utf8')) {
      if (done) return;
      if (ch === '\r' || ch === '\n') {
        if (tty) out(STDOUT, '\n');
        const line = pending;
        pending = '';
        runLine(line);
      } else if (ch === '\x04' && pending === '') return end(0);
      else if (ch === '\x03' && tty) {
        pending = '';
        out(STDOUT, '^C\n');
        prompt();
      } else if (ch === '\x7f' || ch === '\b') {
        if (pending && tty) out(STDOUT, '\b \b');
        pending = pending.slice(0, -1);
      } else {
        pending += ch;
        if (tty) out(STDOUT, ch);
      }
    }
  });
  ws.on('close', () => (done = true));
}
