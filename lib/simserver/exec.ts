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
import type { ShellSession } from '../sim/shell/session';
import { createPortForwardServer, PORTFORWARD_PATH, PORTFORWARD_SPDY_REFUSED } from './portforward';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const EXEC_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|attach)$/;
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
    wss.handleUpgrade(req, socket, head, (ws) => (m[3] === 'attach' ? attach : session)(ws, ctx, decodeURIComponent(m[1]), decodeURIComponent(m[2]), url.searchParams));
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

type Out = (channel: number, text: string) => void;

function streams(ws: WebSocket, query: URLSearchParams): { container: string | undefined; tty: boolean; out: Out } {
  const tty = query.get('tty') === 'true';
  const out: Out = (channel, text) => text && ws.send(frame(tty && channel === STDERR ? STDOUT : channel, tty ? text.replace(/\n/g, '\r\n') : text));
  return { container: query.get('container') || undefined, tty, out };
}

function fail(ws: WebSocket, e: unknown): void {
  const message = isStatusError(e) ? (e.status.message ?? 'error') : String(e);
  finish(ws, { metadata: {}, status: 'Failure', message, reason: isStatusError(e) ? e.status.reason : 'InternalError' });
}

function session(ws: WebSocket, ctx: ServerContext, namespace: string, name: string, query: URLSearchParams): void {
  const command = query.getAll('command');
  const { container, tty, out } = streams(ws, query);
  try {
    const shellOnly = command.length === 1 && /^(\/bin\/)?(sh|bash|ash)$/.test(command[0]);
    if (query.get('stdin') === 'true' && shellOnly) return interactive(ws, ctx.sim.execShell(name, namespace, container), command, out, tty);
    const r = ctx.sim.exec(name, namespace, container, command);
    out(STDOUT, r.stdout);
    out(STDERR, r.stderr);
    finish(ws, exitStatus(r.exitCode, command));
  } catch (e) {
    fail(ws, e);
  }
}

/**
 * pods/NAME/attach (`kubectl run -it`, `kubectl attach -it`): the same streams, joined to the container's main shell
 * (lib/sim/apps/attach.ts), whose `exit` ends the container. A main process that reads no terminal is refused with
 * a Status, and kubectl falls back to streaming the log (run.go handleAttachPod).
 */
function attach(ws: WebSocket, ctx: ServerContext, namespace: string, name: string, query: URLSearchParams): void {
  const { container, tty, out } = streams(ws, query);
  try {
    // the stream of an attach ends without the process's exit code (kubectl reads that from the pod's status)
    interactive(ws, ctx.sim.attach(name, namespace, container), null, out, tty);
  } catch (e) {
    fail(ws, e);
  }
}

/**
 * `kubectl exec -i[t] POD -- sh`: lines from stdin run in one shell session until `exit`, Ctrl+D or stdin closes.
 * With a TTY (-t) the terminal is raw, so the shell side echoes keys, handles backspace and Ctrl+C, and prints prompts.
 */
function interactive(ws: WebSocket, shell: ShellSession, command: string[] | null, out: Out, tty: boolean): void {
  let pending = '';
  let done = false;
  const end = (code: number) => {
    if (done) return;
    done = true;
    finish(ws, exitStatus(command ? code : 0, command ?? []));
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
    // stdin closed or Ctrl+D: the shell reads end of input and exits 0 (an attached main shell ends its container)
    if (channel === CLOSE && data[1] === STDIN) return runLine('exit');
    if (channel !== STDIN) return;
    for (const ch of data.subarray(1).toString('utf8')) {
      if (done) return;
      if (ch === '\r' || ch === '\n') {
        if (tty) out(STDOUT, '\n');
        const line = pending;
        pending = '';
        runLine(line);
      } else if (ch === '\x04' && pending === '') return runLine('exit');
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
