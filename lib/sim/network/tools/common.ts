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

/** `http://host:port/path?q`; no scheme means http:// (curl guesses it; busybox wget "falls back to http://" too). */
export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d*))?([/?][^#\s]*)?(?:#.*)?$/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!(port > 0 && port < 65536)) return undefined;
  const path = m[4] ? (m[4].startsWith('?') ? `/${m[4]}` : m[4]) : '/';
  return { scheme, host: m[2].toLowerCase(), port, path };
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
