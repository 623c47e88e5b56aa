/**
 * Which cluster the browser shows (simulator or the server's real cluster), and the live connection
 * state, shared between the header (outside any Playground) and the PlaygroundProvider that owns the
 * client. Both sides talk through window events, as the header's DataSourceBadge already does; the
 * latest values are kept here so a component that mounts later starts from the current state.
 */
import type { ConnectionState } from './types';
import type { LiveInfo } from './live-protocol';

export type ClusterSource = 'sim' | 'live';

export const SOURCE_EVENT = 'k8s-ko:cluster-source';
export const CONNECTION_EVENT = 'k8s-ko:live-connection';
export const TOKEN_EVENT = 'k8s-ko:write-token';
/** The header's DataSourceBadge listens for this one. */
export const DATA_SOURCE_EVENT = 'k8s-ko:data-source';
const SOURCE_KEY = 'k8s-ko:cluster-source';
const TOKEN_KEY = 'k8s-ko:write-token';

export interface ConnectionAnnouncement {
  state: ConnectionState;
  reason?: string;
}

let lastConnection: ConnectionAnnouncement | null = null;

/** `?source=live|sim` in the URL wins (a link the instructor shares), then the stored choice, then the simulator. */
export function preferredSource(): ClusterSource {
  if (typeof window === 'undefined') return 'sim';
  const fromUrl = new URLSearchParams(window.location.search).get('source');
  if (fromUrl === 'live' || fromUrl === 'sim') return fromUrl;
  try {
    return window.localStorage.getItem(SOURCE_KEY) === 'live' ? 'live' : 'sim';
  } catch {
    return 'sim';
  }
}

export function choosePreferredSource(source: ClusterSource): void {
  try {
    window.localStorage.setItem(SOURCE_KEY, source);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('source')) {
    url.searchParams.set('source', source);
    window.history.replaceState(window.history.state, '', url);
  }
  window.dispatchEvent(new CustomEvent<ClusterSource>(SOURCE_EVENT, { detail: source }));
}

export function announceConnection(a: ConnectionAnnouncement | null): void {
  lastConnection = a;
  window.dispatchEvent(new CustomEvent<ConnectionAnnouncement | null>(CONNECTION_EVENT, { detail: a }));
}

/** The live client's latest state; null while no live client exists. */
export function currentConnection(): ConnectionAnnouncement | null {
  return lastConnection;
}

/** The instructor's write token for this browser tab (sessionStorage: gone when the tab closes). */
export function storedWriteToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setWriteToken(token: string | null): void {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* ignore: the event below still reaches the live client */
  }
  window.dispatchEvent(new CustomEvent<string | null>(TOKEN_EVENT, { detail: token }));
}

export async function fetchLiveInfo(baseUrl = ''): Promise<LiveInfo | null> {
  try {
    const res = await fetch(`${baseUrl}/api/cluster/info`, { cache: 'no-store' });
    return res.ok ? ((await res.json()) as LiveInfo) : null;
  } catch {
    return null;
  }
}
