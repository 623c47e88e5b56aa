/**
 * One poll of the load generator's stats per client, shared by every view that shows them (the panel, the toolbar
 * button, a pod's details): it asks only while someone listens, twice a wall-clock second — the generator's
 * buckets are whole simulated seconds, and the call is asynchronous (the engine may live in a worker).
 */
import type { ClusterClient } from '@/lib/cluster/types';
import type { TrafficStats } from '@/lib/sim/types';
import { addListener } from '@/lib/cluster/listeners';

const POLL_MS = 500;

export interface TrafficFeed {
  get(): TrafficStats | null;
  subscribe(cb: () => void): () => void;
  /** Ask now (after a start or stop), not at the next poll. */
  refresh(): void;
}

const feeds = new WeakMap<ClusterClient, TrafficFeed>();

export function trafficFeed(client: ClusterClient): TrafficFeed {
  let feed = feeds.get(client);
  if (!feed) feeds.set(client, (feed = createFeed(client)));
  return feed;
}

function createFeed(client: ClusterClient): TrafficFeed {
  const listeners = new Set<() => void>();
  let stats: TrafficStats | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let asking = false;
  const poll = async () => {
    if (!client.traffic || asking) return;
    asking = true;
    try {
      stats = await client.traffic.stats();
      for (const l of listeners) l();
    } catch {
      // the client went away (reset, source switch): the next poll asks again
    } finally {
      asking = false;
    }
  };
  return {
    get: () => stats,
    refresh: () => void poll(),
    subscribe(cb) {
      const remove = addListener(listeners, cb);
      if (!timer) {
        void poll();
        timer = setInterval(() => void poll(), POLL_MS);
      }
      return () => {
        remove();
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}
