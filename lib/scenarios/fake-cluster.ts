/**
 * Test helper: a scripted ClusterClient. Objects live in a map; `time.step(ms)` (or play, under fake timers) moves a
 * clock and runs the scripted reactions whose due time has come, so runner tests can check what happens quantum by
 * quantum.
 */
import type { Kind, KubeObject } from '../k8s/types';
import type { ClusterChange, ClusterClient, ClusterMode, TimeControls } from '../cluster/types';
import { objectKey } from '../cluster/types';
import { DEFAULT_TIMINGS } from '../sim/timings';

export interface FakeCluster extends ClusterClient {
  put(kind: Kind, obj: KubeObject): void;
  remove(kind: Kind, name: string, namespace?: string): void;
  /** Run `fn` once simulated time reaches now + afterMs. */
  later(afterMs: number, fn: () => void): void;
  resets: number[];
  stepsTaken: number[];
  /** Every setPlaying call, in order. */
  playLog: boolean[];
  writable: boolean;
}

export function fakeObject(kind: Kind, name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { ...extra, kind, metadata: { name, namespace: kind === 'Node' ? undefined : 'default', ...(extra.metadata as object) } } as KubeObject;
}

export function fakeCluster(opts: { mode?: ClusterMode; writable?: boolean; onReset?: (c: FakeCluster) => void } = {}): FakeCluster {
  const cache = new Map<string, KubeObject>();
  const listeners = new Set<(c: ClusterChange[]) => void>();
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const emit = (c: ClusterChange) => listeners.forEach((l) => l([c]));
  // The clock behaves like SimClient's: play ticks every 100 ms (× speed), pacing spends time in whole quanta.
  let playTimer: ReturnType<typeof setInterval> | null = null;
  let pacer: { quantumMs: number; afterQuantum: () => boolean; credit: number } | null = null;
  let holds = 0;
  const advance = (ms: number) => {
    now += ms;
    cluster.stepsTaken.push(ms);
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.fn());
  };
  const advanceBy = (ms: number) => {
    const p = pacer;
    if (!p) return advance(ms);
    p.credit += ms;
    while (pacer === p && p.credit >= p.quantumMs) {
      p.credit -= p.quantumMs;
      advance(p.quantumMs);
      if (p.afterQuantum() && pacer === p) pacer = null;
    }
    if (pacer !== p && p.credit > 0) advanceBy(p.credit);
  };
  const time: TimeControls = {
    playing: () => playTimer !== null,
    setPlaying: (p) => {
      cluster.playLog.push(p);
      if (p && !playTimer) playTimer = setInterval(() => holds === 0 && advanceBy(100), 100);
      if (!p && playTimer) {
        clearInterval(playTimer);
        playTimer = null;
      }
    },
    speed: () => 1,
    setSpeed: () => {},
    step: (ms) => advanceBy(ms),
    now: () => now,
    reset: (seed) => {
      cache.clear();
      timers = [];
      now = 0;
      cluster.resets.push(seed ?? -1);
      opts.onReset?.(cluster);
    },
    timings: () => DEFAULT_TIMINGS,
    pace: (quantumMs, afterQuantum) => {
      const p = { quantumMs, afterQuantum, credit: 0 };
      pacer = p;
      return () => {
        if (pacer === p) pacer = null;
      };
    },
    hold: () => {
      holds++;
      return () => void holds--;
    },
  };
  const notFound = () => Promise.reject(new Error('not found'));
  const cluster: FakeCluster = {
    mode: opts.mode ?? 'sim',
    resets: [],
    stepsTaken: [],
    playLog: [],
    writable: opts.writable ?? true,
    info: () => ({ mode: cluster.mode, writable: cluster.writable }),
    list: async (kind) => [...cache.entries()].filter(([k]) => k.startsWith(`${kind}/`)).map(([, o]) => o),
    get: async (kind, name, ns) => cache.get(objectKey(kind, name, ns)) ?? notFound(),
    create: async (o) => o,
    update: async (o) => o,
    patch: notFound,
    delete: async (kind, name, ns) => {
      const o = cache.get(objectKey(kind, name, ns));
      cluster.remove(kind, name, ns);
      return o ?? notFound();
    },
    cached: () => cache,
    subscribe: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    connection: () => 'connected',
    onConnection: () => () => {},
    time: opts.mode === 'live' ? undefined : time,
    dispose: () => time.setPlaying(false),
    put: (kind, obj) => {
      const key = objectKey(kind, obj.metadata!.name!, obj.metadata?.namespace);
      cache.set(key, obj);
      emit({ type: 'upsert', kind, key, object: obj });
    },
    remove: (kind, name, ns) => {
      const key = objectKey(kind, name, ns);
      const o = cache.get(key);
      cache.delete(key);
      if (o) emit({ type: 'delete', kind, key, object: o });
    },
    later: (afterMs, fn) => timers.push({ at: now + afterMs, fn }),
  };
  return cluster;
}
