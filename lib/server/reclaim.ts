/**
 * Giving memory back after a burst of slow readers. The queues of dropped or closed streams become garbage
 * at once, but V8 only collects when JavaScript allocates, and an idle server hardly does: measured with
 * bench/slow-readers.bench.ts, RSS stayed at 277 MB for as long as we watched after 50 never-reading
 * clients went away, and fell to 167 MB within seconds of one full collection. So after a large release
 * the server asks for one full GC, once things have been quiet for a few seconds, at most once a minute.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let exposedGc: (() => void) | null = null;

/** A full garbage collection. Node offers `gc` only behind a flag, which can be set at run time. */
function fullGc(): void {
  if (!exposedGc) {
    setFlagsFromString('--expose-gc');
    exposedGc = runInNewContext('gc') as () => void;
  }
  exposedGc();
}

export interface ReclaimerOptions {
  collect?: () => void;
  /** How long no further release must come before collecting. */
  quietMs?: number;
  /** Least time between two collections. */
  minIntervalMs?: number;
  now?: () => number;
}

export class Reclaimer {
  private readonly collect: () => void;
  private readonly quietMs: number;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastRun = -Infinity;
  runs = 0;

  constructor(o: ReclaimerOptions = {}) {
    this.collect = o.collect ?? fullGc;
    this.quietMs = o.quietMs ?? 5_000;
    this.minIntervalMs = o.minIntervalMs ?? 60_000;
    this.now = o.now ?? Date.now;
  }

  /** A lot of memory just became garbage: collect once it has been quiet for a while. */
  released(): void {
    this.schedule(this.quietMs);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), ms);
    this.timer.unref?.();
  }

  private run(): void {
    this.timer = null;
    const wait = this.lastRun + this.minIntervalMs - this.now();
    if (wait > 0) return this.schedule(wait);
    this.lastRun = this.now();
    this.runs++;
    this.collect();
  }
}
