/**
 * ReplayClient: a ClusterClient that plays a Recording back, offline, at any speed. The graph, the events list and
 * the control-plane flow read it exactly like a live cluster (changes keep their causes). It is read-only.
 * Seeking forward applies the frames in between; seeking back rebuilds from the start and emits the difference,
 * O(objects + frames up to the target).
 */
import type { Kind, KubeObject, StatusError } from '../k8s/types';
import { labelsMatch } from '../k8s/selectors';
import { failure, notFound } from '../k8s/status';
import { DEFAULT_TIMINGS } from '../sim/timings';
import type { ListOptions } from '../k8s/client-types';
import type { ClusterChange, ClusterClient, ClusterInfo, ConnectionState, TimeControls } from './types';
import { objectKey } from './types';
import type { Recording } from './recorder';
import { addListener } from './listeners';

const MIN_SPEED = 0.5;
const MAX_SPEED = 10;

const forbidden = (): StatusError => failure(403, 'Forbidden', '기록을 재생하는 중에는 클러스터를 바꿀 수 없습니다 (읽기 전용).');

export interface ReplayTimeControls extends TimeControls {
  /** Jump to ms since the start of the recording. */
  seek(ms: number): void;
  /** ms since the start. */
  position(): number;
  duration(): number;
}

export class ReplayClient implements ClusterClient {
  readonly mode = 'replay' as const;
  readonly time: ReplayTimeControls;
  private readonly rec: Recording;
  private cache = new Map<string, KubeObject>();
  private readonly listeners = new Set<(c: ClusterChange[]) => void>();
  private readonly progressListeners = new Set<(ms: number) => void>();
  /** Index of the next frame to apply. */
  private nextFrame = 0;
  private pos = 0;
  private speedFactor = 1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastWall = 0;

  constructor(recording: Recording, private readonly tickMs = 100) {
    this.rec = recording;
    this.cache = this.initialCache();
    this.time = {
      playing: () => this.timer !== null,
      setPlaying: (p) => (p ? this.play() : this.pause()),
      speed: () => this.speedFactor,
      setSpeed: (x) => {
        this.speedFactor = Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
      },
      step: (ms) => this.seek(this.pos + ms),
      now: () => this.rec.startedAt + this.pos,
      reset: () => this.seek(0),
      timings: () => DEFAULT_TIMINGS,
      seek: (ms) => this.seek(ms),
      position: () => this.pos,
      duration: () => this.rec.durationMs,
    };
  }

  info(): ClusterInfo {
    return { mode: 'replay', server: `기록 재생 (${this.rec.server ?? this.rec.mode})`, writable: false };
  }

  async list(kind: Kind, namespace?: string, opts?: ListOptions): Promise<KubeObject[]> {
    const prefix = namespace === undefined ? `${kind}/` : `${kind}/${namespace}/`;
    return [...this.cache]
      .filter(([key, o]) => key.startsWith(prefix) && (!opts?.labelSelector || labelsMatch(opts.labelSelector, o.metadata?.labels)))
      .map(([, o]) => o);
  }
  async get(kind: Kind, name: string, namespace?: string): Promise<KubeObject> {
    const o = this.cache.get(objectKey(kind, name, namespace)) ?? this.cache.get(objectKey(kind, name, 'default'));
    if (!o) throw notFound(kind, name);
    return o;
  }
  create(): Promise<KubeObject> {
    return Promise.reject(forbidden());
  }
  update(): Promise<KubeObject> {
    return Promise.reject(forbidden());
  }
  patch(): Promise<KubeObject> {
    return Promise.reject(forbidden());
  }
  delete(): Promise<KubeObject> {
    return Promise.reject(forbidden());
  }

  cached(): ReadonlyMap<string, KubeObject> {
    return this.cache;
  }
  subscribe(cb: (changes: ClusterChange[]) => void): () => void {
    return addListener(this.listeners, cb);
  }
  /** Called with the playback position whenever it moves (for a timeline slider). */
  onProgress(cb: (ms: number) => void): () => void {
    return addListener(this.progressListeners, cb);
  }
  connection(): ConnectionState {
    return 'connected';
  }
  onConnection(): () => void {
    return () => {};
  }
  dispose(): void {
    this.pause();
    this.listeners.clear();
    this.progressListeners.clear();
  }

  private initialCache(): Map<string, KubeObject> {
    return new Map(this.rec.initial.map((e) => [e.key, e.object]));
  }

  private seek(target: number): void {
    const to = Math.max(0, Math.min(target, this.rec.durationMs));
    const emitted: ClusterChange[] = [];
    if (to < this.pos) {
      // Rebuild from the start, then tell listeners only what differs from what they have.
      const before = this.cache;
      this.cache = this.initialCache();
      this.nextFrame = 0;
      this.applyUntil(to, null);
      for (const [key, object] of before) if (!this.cache.has(key)) emitted.push({ type: 'delete', kind: key.split('/')[0] as Kind, key, object });
      for (const [key, object] of this.cache) if (before.get(key) !== object) emitted.push({ type: 'upsert', kind: key.split('/')[0] as Kind, key, object });
    } else {
      this.applyUntil(to, emitted);
    }
    this.pos = to;
    if (emitted.length) for (const l of this.listeners) l(emitted);
    for (const l of this.progressListeners) l(to);
    if (to >= this.rec.durationMs) this.pause();
  }

  private applyUntil(to: number, emitted: ClusterChange[] | null): void {
    const frames = this.rec.frames;
    while (this.nextFrame < frames.length && frames[this.nextFrame].t <= to) {
      for (const c of frames[this.nextFrame].changes) {
        if (c.type === 'delete') this.cache.delete(c.key);
        else this.cache.set(c.key, c.object);
        emitted?.push(c);
      }
      this.nextFrame++;
    }
  }

  private play(): void {
    if (this.timer !== null) return;
    if (this.pos >= this.rec.durationMs) this.seek(0);
    this.lastWall = Date.now();
    this.timer = setInterval(() => {
      const wall = Date.now();
      const elapsed = Math.min(wall - this.lastWall, 1000);
      this.lastWall = wall;
      this.seek(this.pos + elapsed * this.speedFactor);
    }, this.tickMs);
  }

  private pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
