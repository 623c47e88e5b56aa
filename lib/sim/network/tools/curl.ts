/**
 * curl (8.x) over the simulated network: the common flags (-s -S -i -I -v -o -m/--max-time --connect-timeout
 * -H -X -d -A -f -w -L -k), its error messages and exit codes (https://curl.se/libcurl/c/libcurl-errors.html;
 * lib/connect.c: "Failed to connect to %s port %u after %ld ms: %s", naming the host as the URL gave it).
 */
import type { HttpCall, HttpOutcome, ShellCommand } from '../../shell';
import type { Io, ShellState } from '../../shell/state';
import { KERNEL_CONNECT_TIMEOUT_MS, networkOf, parseUrl, secondsToMs } from './common';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
export const CURL_VERSION = '8.11.1';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  output?: string;
  maxTimeMs?: number;
  method?: string;
  data?: string;
  agent?: string;
  writeOut?: string;
  headers: Record<string, string>;
  urls: string[];
}

const WITH_VALUE: Record<string, keyof CurlOptions | 'header'> = { o: 'output', m: 'maxTimeMs', X: 'method', H: 'header', d: 'data', A: 'agent', w: 'writeOut' };
const LONG: Record<string, string> = { silent: 's', 'show-error': 'S', include: 'i', head: 'I', verbose: 'v', fail: 'f', location: 'L', insecure: 'k', output: 'o', 'max-time': 'm', request: 'X', header: 'H', data: 'd', 'data-raw': 'd', 'user-agent': 'A', 'write-out': 'w', 'connect-timeout': 'm' };

function parseArgs(args: string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, include: false, head: false, verbose: false, fail: false, headers: {}, urls: [] };
  const set = (flag: string, value?: string): string | undefined => {
    switch (flag) {
      case 's': o.silent = true; return;
      case 'S': o.showError = true; return;
      case 'i': o.include = true; return;
      case 'I': o.head = true; return;
      case 'v': o.verbose = true; return;
      case 'f': o.fail = true; return;
      case 'L': case 'k': return;
      case 'o': o.output = value; return;
      case 'm': {
        const ms = secondsToMs(value);
        if (Number.isNaN(ms)) return 'curl: option --max-time: expected a proper numerical parameter\n';
        o.maxTimeMs = ms;
        return;
      }
      case 'X': o.method = value; return;
      case 'd': o.data = value; return;
      case 'A': o.agent = value; return;
      case 'w': o.writeOut = value; return;
      case 'H': {
        const colon = value!.indexOf(':');
        if (colon > 0) o.headers[value!.slice(0, colon).trim()] = value!.slice(colon + 1).trim();
        return;
      }
    }
    return `curl: option -${flag}: is unknown\n${TRY}`;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s);
      const short = LONG[name];
      if (!short) return `curl: option ${a}: is unknown\n${TRY}`;
      const needs = short in WITH_VALUE;
      const value = needs ? (inline ?? args[++i]) : undefined;
      if (needs && value === undefined) return `curl: option ${a}: requires parameter\n${TRY}`;
      const bad = set(short, value);
      if (bad) return bad;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f in WITH_VALUE) {
          const value = a.slice(j + 1) || args[++i];
          if (value === undefined) return `curl: option -${f}: requires parameter\n${TRY}`;
          const bad = set(f, value);
          if (bad) return bad;
          break;
        }
        const bad = set(f);
        if (bad) return bad;
      }
    } else o.urls.push(a);
  }
  return o;
}

const statusLine = (r: Extract<HttpOutcome, { ok: true }>) => `HTTP/1.1 ${r.status} ${r.reason}`;
const headerBlock = (r: Extract<HttpOutcome, { ok: true }>) => [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`)].join('\n') + '\n\n';

/** -w: %{http_code}, %{time_total}, %{remote_ip}, %{size_download}, \n. */
function writeOut(fmt: string, r: HttpOutcome | undefined, ip: string): string {
  const vars: Record<string, string> = {
    http_code: r?.ok ? String(r.status).padStart(3, '0') : '000',
    response_code: r?.ok ? String(r.status) : '0',
    time_total: ((r?.ms ?? 0) / 1000).toFixed(6),
    remote_ip: r?.ok ? ip : '',
    size_download: String(r?.ok ? r.body.length : 0),
  };
  return fmt.replace(/%\{(\w+)\}/g, (m, k: string) => vars[k] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

/** The progress meter curl prints to stderr when the body goes to a file and -s isn't given. */
function progressMeter(bytes: number, ms: number): string {
  const speed = `${Math.round(bytes / Math.max(ms / 1000, 0.001) / 1024)}k`;
  const b = String(bytes).padStart(5);
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${b}  100 ${b}    0     0  ${speed.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`;
}

function run(o: CurlOptions, st: ShellState, io: Io): number {
  const url = parseUrl(o.urls[0]);
  const fail = (code: number, message: string) => {
    if (!o.silent || o.showError) io.err(`curl: (${code}) ${message}\n`);
    if (o.writeOut) io.out(writeOut(o.writeOut, undefined, ''));
    return code;
  };
  if (!url) return fail(3, 'URL rejected: Malformed input to a URL function');
  const net = networkOf('curl', st, io);
  if (!net) return 1;
  const resolved = net.resolve(url.host);
  st.t += 1;
  if (!resolved) return fail(6, `Could not resolve host: ${url.host}`);
  const ip = resolved.ips[0];
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const agent = o.agent ?? `curl/${CURL_VERSION}`;
  const hostHeader = url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
  const call: HttpCall = { method, ip, port: url.port, host: hostHeader, path: url.path, headers: o.headers, userAgent: agent, ...(o.maxTimeMs !== undefined ? { timeoutMs: o.maxTimeMs } : {}) };
  if (o.verbose) io.err(`* Host ${url.host}:${url.port} was resolved.\n* IPv4: ${resolved.ips.join(', ')}\n*   Trying ${ip}:${url.port}...\n`);
  const r = net.http(call);
  st.t += r.ms;
  if (!r.ok) {
    if (r.error === 'refused') return fail(7, `Failed to connect to ${url.host} port ${url.port} after ${r.ms} ms: Couldn't connect to server`);
    if (o.maxTimeMs !== undefined) return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${r.ms} ms: Timeout was reached`);
    return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${KERNEL_CONNECT_TIMEOUT_MS} ms: Couldn't connect to server`);
  }
  if (url.scheme === 'https') return fail(35, 'OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number');
  if (o.verbose) {
    io.err(`* Connected to ${url.host} (${ip}) port ${url.port}\n* using HTTP/1.x\n> ${method} ${url.path} HTTP/1.1\n> Host: ${hostHeader}\n> User-Agent: ${agent}\n> Accept: */*\n${Object.entries(o.headers).map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n* Request completely sent off\n`);
    io.err(`< ${statusLine(r)}\n${r.headers.map(([k, v]) => `< ${k}: ${v}\n`).join('')}< \n`);
  }
  if (o.fail && r.status >= 400) return fail(22, `The requested URL returned error: ${r.status}`);
  const text = (o.include || o.head ? headerBlock(r) : '') + (o.head ? '' : r.body);
  if (o.output && o.output !== '-') {
    if (o.output !== '/dev/null') st.files.set(st.resolve(o.output), text);
    if (!o.silent) io.err(progressMeter(r.body.length, r.ms));
  } else io.out(text);
  if (o.verbose) io.err(`* Connection #0 to host ${url.host} left intact\n`);
  if (o.writeOut) io.out(writeOut(o.writeOut, r, ip));
  return 0;
}

export const curl: ShellCommand = (args, st, io) => {
  if (args.length === 0) {
    io.err(TRY);
    return 2;
  }
  const o = parseArgs(args);
  if (typeof o === 'string') {
    io.err(o);
    return 2;
  }
  if (!o.urls.length) {
    io.err(`curl: no URL specified\n${TRY}`);
    return 2;
  }
  return run(o, st, io);
};
