/** What the network tools share: reading a URL as curl and busybox wget do, and the client they talk through. */
import type { Io, ShellState } from '../../shell/state';
import type { NetworkClient } from '../../shell';

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** path and query, `/` at least */
  path: string;
}

/**
 * `http://host:port/path?q`; no scheme means http:// (curl guesses it; busybox wget "falls back to http://" too).
 * Read character by character, as `^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d*))?([/?][^#\s]*)?(?:#.*)?$`
 * reads it (url.test.ts compares the two): no pattern, because the load generator reads its URL when a run starts,
 * and a pattern is compiled again in every process (and after collections) before its first match.
 */
export function parseUrl(raw: string): ParsedUrl | undefined {
  // as the pattern backtracks: without the scheme when the rest doesn't read after it
  const end = schemeEnd(raw);
  const read = (end > 0 ? urlAfter(raw, end) : undefined) ?? urlAfter(raw, 0);
  if (!read) return undefined;
  const scheme = read.hasScheme ? raw.slice(0, end - 3).toLowerCase() : 'http';
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = read.digits ? Number(read.digits) : scheme === 'https' ? 443 : 80;
  if (!(port > 0 && port < 65536)) return undefined;
  return { scheme, host: read.host.toLowerCase(), port, path: read.path };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** JavaScript's \s: what a URL's host, path and query stop at. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The index just past `scheme://`, or 0 when `raw` doesn't start with one. */
function schemeEnd(raw: string): number {
  if (!isLetter(raw.charCodeAt(0))) return 0;
  let i = 1;
  for (let c = raw.charCodeAt(i); isLetter(c) || isDigit(c) || c === 43 || c === 46 || c === 45; c = raw.charCodeAt(++i));
  return raw.startsWith('://', i) ? i + 3 : 0;
}

/** The rest of the URL from `i` on: host, port digits, path and query (a fragment is read past); undefined: no match. */
function urlAfter(raw: string, i: number): { hasScheme: boolean; host: string; digits: string; path: string } | undefined {
  const hasScheme = i > 0;
  const hostStart = i;
  for (let c = raw.charCodeAt(i); i < raw.length && c !== 47 && c !== 58 && c !== 63 && c !== 35 && !isSpace(c); c = raw.charCodeAt(++i));
  if (i === hostStart) return undefined;
  const host = raw.slice(hostStart, i);
  let digits = '';
  if (raw.charCodeAt(i) === 58) {
    const portStart = ++i;
    while (isDigit(raw.charCodeAt(i))) i++;
    digits = raw.slice(portStart, i);
  }
  let path = '/';
  const first = raw.charCodeAt(i);
  if (first === 47 || first === 63) {
    const pathStart = i;
    for (let c = raw.charCodeAt(++i); i < raw.length && c !== 35 && !isSpace(c); c = raw.charCodeAt(++i));
    path = first === 63 ? `/${raw.slice(pathStart, i)}` : raw.slice(pathStart, i);
  }
  if (raw.charCodeAt(i) === 35) {
    // a fragment runs to the end, but `.` stops at a line break
    for (let c = raw.charCodeAt(++i); i < raw.length && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029; c = raw.charCodeAt(++i));
  }
  return i === raw.length ? { hasScheme, host, digits, path } : undefined;
}

/**
 * The network the command sees, or undefined after saying why there is none: a container's main process is
 * recomputed every time its log is read, so it gets the network only when the kubelet ran it once at its start
 * (controllers/kubelet-networked-main.ts), which it does for commands that send a few requests, not for polling loops.
 */
export function networkOf(tool: string, st: ShellState, io: Io): NetworkClient | undefined {
  if (st.input.net) return st.input.net;
  io.err(`${tool}: 이 시뮬레이터에서는 컨테이너의 기본 명령이 요청을 계속 보내는 경우(반복문)는 다루지 않아요. 요청을 계속 보내려면 'traffic start'를, 한 번 보내려면 kubectl exec를 써 보세요.\n`);
  return undefined;
}

/** Seconds as curl -m / wget -T read them (decimals allowed) → ms; NaN when it isn't a number. */
export const secondsToMs = (s: string | undefined) => (s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Math.round(Number(s) * 1000) : NaN);

/** Linux gives up on a SYN nobody answers after tcp_syn_retries=6: 1+2+4+8+16+32+64 s. */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;
