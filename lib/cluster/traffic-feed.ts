/**
 * One poll of the load generator's stats per client, shared by every view that shows them (the panel, the toolbar
 * button, a pod's details): it asks only while someone listens, twice a wall-clock second — the generator's
 * buckets are whole simulated seconds, and the call is asynchronous (the engine may live in a worker).
 */
import type { ClusterClient, TrafficControls } from './types';
import type { TrafficStats } from '../sim/types';
import { addListener } from './listeners';

const POLL_MS = 500;

export interface TrafficFeed {
  get(): TrafficStats | null;
  subscribe(cb: () => void): () => void;
  /** Ask now (after a start or stop), not at the next poll. */
  refresh(): void;
}

/** What a feed needs of a client: its load generator (absent on a real cluster). */
export type TrafficSource = { traffic?: Pick<TrafficControls, 'stats'> };

const feeds = new WeakMap<TrafficSource, TrafficFeed>();

export function trafficFeed(client: TrafficSource): TrafficFeed {
  let feed = feeds.get(client);
  if (!feed) feeds.set(client, (feed = createFeed(client)));
  return feed;
}

function createFeed(client: TrafficSource): TrafficFeed {
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

/**
 * Why a client has no load generator, in Korean: a real cluster is shown read-only on purpose (a class must not load
 * someone's running services by accident); a replayed recording cannot change.
 */
export function trafficUnavailable(mode: ClusterClient['mode']): { message: string; hint: string } {
  const hint = "요청이 흐르는 모습은 시뮬레이터 모드에서 '트래픽 보내기' 패널이나 traffic start svc/이름 으로 연습해 보세요.";
  if (mode === 'replay') return { message: '기록을 재생하는 중에는 트래픽을 보낼 수 없어요. 기록된 클러스터는 바뀌지 않아요.', hint };
  return { message: '실제 클러스터에는 트래픽을 보낼 수 없어요. 이 대시보드는 실제 클러스터를 읽기만 해요(읽기 전용: 수업 중에 운영 중인 서비스에 실수로 부하를 주지 않도록 일부러 그렇게 만들었어요).', hint };
}
