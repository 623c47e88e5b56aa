/**
 * Creates the LiveClient a Playground uses when the visitor chose 실제 클러스터 and the server has one,
 * and wires it to the header (connection badge, data-source badge) and to the write-token unlock.
 * Returns null when the simulator should be used instead.
 */
import { LiveClient } from './live-client';
import { DATA_SOURCE_EVENT, TOKEN_EVENT, announceConnection, fetchLiveInfo, preferredSource, storedWriteToken } from './source';

/** How long the Playground waits for the first snapshot before showing the page anyway. */
const FIRST_SNAPSHOT_WAIT_MS = 5_000;

export async function createLiveClientIfChosen(): Promise<LiveClient | null> {
  if (preferredSource() !== 'live') return null;
  const info = await fetchLiveInfo();
  if (info?.mode !== 'live') return null;
  const onToken = (e: Event) => client.unlockWrites((e as CustomEvent<string | null>).detail);
  const client = new LiveClient({
    onDispose: () => {
      window.removeEventListener(TOKEN_EVENT, onToken);
      announceConnection(null);
      window.dispatchEvent(new CustomEvent(DATA_SOURCE_EVENT, { detail: 'sim' }));
    },
  });
  client.unlockWrites(storedWriteToken());
  window.addEventListener(TOKEN_EVENT, onToken);
  client.onConnection((state, reason) => announceConnection({ state, reason }));
  announceConnection({ state: client.connection() });
  window.dispatchEvent(new CustomEvent(DATA_SOURCE_EVENT, { detail: 'live' }));
  await Promise.race([client.ready, new Promise((r) => setTimeout(r, FIRST_SNAPSHOT_WAIT_MS))]);
  return client;
}
