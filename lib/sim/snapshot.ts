/**
 * A simulator's whole state as text and back: store objects, resourceVersion, rng, clock, engine state, timers and
 * work queues. Same seed + same calls ⇒ byte-identical snapshots. O(objects + timers).
 */
import { KINDS, type Kind, type KubeObject } from '../k8s/types';
import { badRequest } from '../k8s/status';
import { PodRuntimes, type Engine, type EngineState, type PodRuntime } from './engine';
import type { Timer } from './timer-queue';

export interface SnapshotData {
  version: 1;
  seed: number;
  time: number;
  rv: number;
  rng: number;
  objects: [Kind, KubeObject[]][];
  state: EngineState;
  timers: { seq: number; timers: Timer[] };
  /** the engine's routine wake-ups (absent from snapshots made before they existed: the caller derives them then) */
  routineTimers?: { seq: number; timers: Timer[] };
  queues: Record<string, string[]>;
}

/** The engine's state as JSON (Infinity, which JSON lacks, as the string 'Infinity'). */
export function encodeSnapshot(e: Engine, seed: number): string {
  const objects: [Kind, KubeObject[]][] = KINDS.map((k) => [k, [...e.store.values(k)]]);
  const data: SnapshotData = {
    version: 1,
    seed,
    time: e.time,
    rv: e.store.rv,
    rng: e.rng.state,
    objects,
    state: e.state,
    timers: e.timers.toJSON(),
    routineTimers: e.routineTimers.toJSON(),
    queues: e.queueState(),
  };
  return JSON.stringify(data, (_k, v) => (v === Infinity ? 'Infinity' : v));
}

/** Parses a snapshot; a 400 Status for text that is not JSON or not a version-1 snapshot. */
export function decodeSnapshot(snapshot: string): SnapshotData {
  let data: SnapshotData;
  try {
    data = JSON.parse(snapshot, (_k, v) => (v === 'Infinity' ? Infinity : v));
  } catch {
    throw badRequest('restore: the snapshot is not valid JSON');
  }
  if (data?.version !== 1 || !Array.isArray(data.objects)) throw badRequest('restore: unsupported snapshot format');
  return data;
}

/** Replaces the engine's state with the snapshot's (controllers' own caches are the caller's to rebuild). */
export function loadSnapshot(e: Engine, data: SnapshotData): void {
  e.store.clear();
  for (const [kind, objs] of data.objects) for (const o of objs) e.store.load(kind, o);
  e.store.rv = data.rv;
  e.rng.state = data.rng;
  e.time = data.time;
  e.state = data.state;
  // JSON holds the runtimes as a plain object
  e.state.kubelet = new PodRuntimes(Object.entries(data.state.kubelet as unknown as Record<string, PodRuntime>));
  e.timers.load(data.timers);
  e.routineTimers.load(data.routineTimers ?? { seq: 0, timers: [] });
  e.loadQueues(data.queues);
  e.reindexEvents();
}
