/**
 * Creates the LiveClient a Playground uses when the visitor chose 실제 클러스터 and the server has one,
 * and wires it to the header (connection badge, data-source badge) and to the write-token unlock.
 * Returns null when the simulator should be used instead.
 */
import { LiveClient } from './live-client';
import type { SnapshotProgress } from './types';
import { DATA_SOURCE_EVENT, TOKEN_EVENT, announceConnection, fetchLiveInfo, preferredSource, storedWriteToken } from './source';

/** How long the Playground waits for the first snapshot before showing the page anyway. */
const FIRST_SNAPSHOT_WAIT_MS = 5_000;
/**
 * Least time between two updates of the snapshot's progress bar. Each of a 20,000-pod snapshot's 54 parts updating
 * it cost the page ~150–250 ms more CPU while the snapshot arrived (Chromium traces, three runs: 826–931 ms against
 * 642–690 ms without the bar); ten a second is as smooth to read.
 */
const PROGRESS_EVERY_MS = 100;

/** `onProgress` hears how far a big cluster's first snapshot is while the page waits for it (null once it is in). */
export async function createLiveClientIfChosen(onProgress?: (p: SnapshotProgress | null) => void): Promise<LiveClient | null> {
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
  // at most one progress update per PROGRESS_EVERY_MS: the bar re-renders and re-lays out the page each time
  let shownAt = -Infinity;
  const unfollow = onProgress
    ? client.onSnapshotProgress((p) => {
        const now = performance.now();
        if (p !== null && now - shownAt < PROGRESS_EVERY_MS) return;
        shownAt = now;
        onProgress(p);
      })
    : () => {};
  await Promise.race([client.ready, new Promise((r) => setTimeout(r, FIRST_SNAPSHOT_WAIT_MS))]);
  unfollow();
  onProgress?.(null);
  return client;
}
