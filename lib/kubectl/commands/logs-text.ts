/**
 * Plausible container logs, generated (not stored): a startup banner by image family, then access/heartbeat lines
 * at a steady pace since the container started. Deterministic for the same pod and time, so every run agrees.
 */
import { fnv32a } from '../../k8s/names';

export interface LogSource {
  podName: string;
  image: string;
  /** epoch ms the container started */
  startedAt: number;
  podIP?: string;
}

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

function accessTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

function family(image: string): 'nginx' | 'httpd' | 'redis' | 'generic' {
  const base = (image.split('/').pop() ?? image).split(/[:@]/)[0];
  if (base.includes('nginx')) return 'nginx';
  if (base.includes('httpd') || base.includes('apache')) return 'httpd';
  if (base.includes('redis')) return 'redis';
  return 'generic';
}

function startup(src: LogSource): string[] {
  const t = nginxTime(src.startedAt);
  const version = src.image.includes(':') ? src.image.split(':').pop()! : '1.27.3';
  switch (family(src.image)) {
    case 'nginx':
      return [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        `${t} [notice] 1#1: using the "epoll" event method`,
        `${t} [notice] 1#1: nginx/${/^\d/.test(version) ? version : '1.27.3'}`,
        `${t} [notice] 1#1: OS: Linux 6.8.0-sim`,
        `${t} [notice] 1#1: start worker processes`,
        `${t} [notice] 1#1: start worker process 29`,
      ];
    case 'httpd':
      return [
        `[${new Date(src.startedAt).toUTCString()}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations`,
        `[${new Date(src.startedAt).toUTCString()}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
      ];
    case 'redis':
      return [
        `1:C ${accessTime(src.startedAt)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:M ${accessTime(src.startedAt)} * Running mode=standalone, port=6379.`,
        `1:M ${accessTime(src.startedAt)} * Server initialized`,
        `1:M ${accessTime(src.startedAt)} * Ready to accept connections tcp`,
      ];
    default:
      return [`${new Date(src.startedAt).toISOString()} INFO starting ${src.image}`, `${new Date(src.startedAt).toISOString()} INFO ready`];
  }
}

const PATHS = ['/', '/', '/', '/index.html', '/favicon.ico', '/healthz', '/api/items'];
const AGENTS = ['curl/8.5.0', 'Mozilla/5.0 (X11; Linux x86_64)', 'kube-probe/1.32', 'Wget'];

/** One line per `every` ms after start, each derived from a hash of pod + index. */
function steadyLine(src: LogSource, index: number, at: number): string {
  const h = fnv32a(`${src.podName}#${index}`);
  const ip = `10.244.${(h >>> 8) % 4}.${(h % 250) + 2}`;
  const path = PATHS[h % PATHS.length];
  const status = path === '/favicon.ico' ? 404 : 200;
  const bytes = status === 404 ? 153 : path === '/api/items' ? 87 : 615;
  switch (family(src.image)) {
    case 'nginx':
    case 'httpd':
      return `${ip} - - [${accessTime(at)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${AGENTS[(h >>> 4) % AGENTS.length]}"${family(src.image) === 'nginx' ? ' "-"' : ''}`;
    case 'redis':
      return `1:M ${accessTime(at)} * ${(h % 10) + 1} changes in 60 seconds. Saving...`;
    default:
      return `${new Date(at).toISOString()} INFO handled request path=${path} status=${status}`;
  }
}

const EVERY_MS = 15_000;

/** All log lines up to `now` (startup banner, then steady lines), capped to the last `max`. */
export function logLines(src: LogSource, now: number, max = 500): string[] {
  const lines = startup(src);
  const count = Math.max(0, Math.floor((now - src.startedAt) / EVERY_MS));
  const first = Math.max(1, count - max + 1);
  for (let i = first; i <= count; i++) lines.push(steadyLine(src, i, src.startedAt + i * EVERY_MS));
  return lines.slice(-max);
}

/** Lines that appeared after `since` up to `now` (for `logs -f`). */
export function newLogLines(src: LogSource, since: number, now: number): string[] {
  const from = Math.floor((since - src.startedAt) / EVERY_MS) + 1;
  const to = Math.floor((now - src.startedAt) / EVERY_MS);
  const out: string[] = [];
  for (let i = Math.max(1, from); i <= to; i++) out.push(steadyLine(src, i, src.startedAt + i * EVERY_MS));
  return out;
}
