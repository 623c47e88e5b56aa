/**
 * busybox wget (networking/wget.c): -q, -O FILE (-O- is stdout), -T SEC, -S, -U, --header, --spider. Its messages:
 * "Connecting to HOST (IP:PORT)", "wget: bad address 'HOST'", "wget: can't connect to remote host (IP): Connection
 * refused", "wget: server returned error: HTTP/1.1 404 Not Found", "wget: download timed out"; without -O it saves
 * to the URL's file name (index.html for /) and refuses to overwrite one ("can't open 'F': File exists").
 */
import type { HttpCall, ShellCommand } from '../../shell';
import { networkOf, parseUrl, secondsToMs } from './common';

const USAGE = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';

/** The progress bar line busybox prints when it's done (name padded to 20 columns). */
const bar = (name: string, bytes: number) => `${name.padEnd(20)} 100% |********************************| ${String(bytes).padStart(5)}  0:00:00 ETA\n`;

export const wget: ShellCommand = (args, st, io) => {
  let quiet = false;
  let output: string | undefined;
  let timeoutMs: number | undefined;
  let showHeaders = false;
  let spider = false;
  let agent = 'Wget';
  const headers: Record<string, string> = {};
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--spider') spider = true;
    else if (a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) headers[h.slice(0, c).trim()] = h.slice(c + 1).trim();
    } else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'q') quiet = true;
        else if (f === 'S') showHeaders = true;
        else if (f === 'O' || f === 'T' || f === 'U') {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return io.err(USAGE), 1;
          if (f === 'O') output = v;
          else if (f === 'U') agent = v;
          else {
            timeoutMs = secondsToMs(v);
            if (Number.isNaN(timeoutMs)) return io.err(`wget: invalid number '${v}'\n`), 1;
          }
          break;
        } else if (f !== 'c') return io.err(`wget: unrecognized option '${a}'\n${USAGE}`), 1;
      }
    } else urls.push(a);
  }
  if (!urls.length) return io.err(USAGE), 1;
  const url = parseUrl(urls[0]);
  if (!url) return io.err(`wget: not an http or ftp url: ${urls[0]}\n`), 1;
  const net = networkOf('wget', st, io);
  if (!net) return 1;
  const resolved = net.resolve(url.host);
  st.t += 1;
  if (!resolved) return io.err(`wget: bad address '${url.host}'\n`), 1;
  const ip = resolved.ips[0];
  if (!quiet) io.err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
  const host = url.port === 80 ? url.host : `${url.host}:${url.port}`;
  const call: HttpCall = { method: spider ? 'HEAD' : 'GET', ip, port: url.port, host, path: url.path, headers, userAgent: agent, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
  const r = net.http(call);
  st.t += r.ms;
  if (!r.ok) {
    if (r.error === 'refused') io.err(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    else if (timeoutMs !== undefined) io.err('wget: download timed out\n');
    else io.err(`wget: can't connect to remote host (${ip}): Connection timed out\n`);
    return 1;
  }
  if (url.scheme === 'https') return io.err('wget: error getting response: Connection reset by peer\n'), 1;
  if (showHeaders) io.err(`  HTTP/1.1 ${r.status} ${r.reason}\n${r.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
  if (r.status >= 400) return io.err(`wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`), 1;
  if (spider) return quiet || io.err('remote file exists\n'), 0;
  if (output === '-') {
    if (!quiet) io.err('writing to stdout\n');
    io.out(r.body);
    if (!quiet) io.err(`${bar('-', r.body.length)}written to stdout\n`);
    return 0;
  }
  const name = output ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
  const path = st.resolve(name);
  if (output === undefined && st.files.has(path)) return io.err(`wget: can't open '${name}': File exists\n`), 1;
  if (!quiet) io.err(`saving to '${name}'\n`);
  st.files.set(path, r.body);
  if (!quiet) io.err(`${bar(name, r.body.length)}'${name}' saved\n`);
  return 0;
};
