/**
 * The parts of a simulator clock that don't depend on where the engine runs: the play loop over the wall clock, speed,
 * scenario pacing, holds and the listeners told about play/speed changes. SimClient (engine on the page) and PlayClock
 * (engine in a worker) share them, so both clocks offer the same controls with the same bounds.
 */
import type { TimeControls } from './types';
import { addListener } from './listeners';

export const MIN_SPEED = 0.5;
/** Node eviction waits 40 s + 300 s of simulated time; at 60× a class sees it in about six seconds. */
export const MAX_SPEED = 60;
/** How far "다음 사건으로" looks ahead before it gives up (simulated ms). */
export const SKIP_HORIZON_MS = 15 * 60_000;

/** A backgrounded tab fires late: one catch-up tick is capped at this much wall time, so the cluster doesn't jump minutes. */
export const MAX_CATCH_UP_WALL_MS = 1000;

/** A scenario step's wait: time moves in whole quanta and the check runs after each (see TimeControls.pace). */
export interface Pacer {
  quantumMs: number;
  afterQuantum: () => boolean;
  /** Earned simulated ms not yet spent in a whole quantum. */
  credit: number;
}

/** Starting and stopping play, as the client that owns the engine does it (SimClient, PlayClock). */
export interface Playback {
  play(): void;
  pause(): void;
}

export class ClockKnobs {
  pacer: Pacer | null = null;
  holds = 0;
  speed = 1;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastWall = 0;
  private disposed = false;

  get playing(): boolean {
    return this.timer !== null;
  }

  /**
   * Every `tickMs` while playing, `onTick` gets the simulated ms that passed: wall time since the last tick (at most
   * MAX_CATCH_UP_WALL_MS; never negative, as the wall clock can step back) × speed. Nothing passes while held.
   */
  play(tickMs: number, onTick: (simMs: number) => void): void {
    if (this.timer !== null || this.disposed) return;
    this.lastWall = Date.now();
    this.timer = setInterval(() => {
      const wall = Date.now();
      const elapsed = Math.max(0, Math.min(wall - this.lastWall, MAX_CATCH_UP_WALL_MS));
      this.lastWall = wall;
      if (this.holds === 0) onTick(elapsed * this.speed);
    }, tickMs);
  }

  pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** playing, setPlaying, speed, setSpeed, onChange, pace and hold as TimeControls offers them. */
  controls(playback: Playback): Pick<TimeControls, 'playing' | 'setPlaying' | 'speed' | 'setSpeed' | 'onChange' | 'pace' | 'hold'> {
    return {
      playing: () => this.playing,
      setPlaying: (p) => {
        if (p) playback.play();
        else playback.pause();
        this.notify();
      },
      speed: () => this.speed,
      setSpeed: (x) => {
        this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
        this.notify();
      },
      onChange: (cb) => addListener(this.listeners, cb),
      pace: (quantumMs, afterQuantum) => {
        const pacer: Pacer = { quantumMs, afterQuantum, credit: 0 };
        this.pacer = pacer;
        return () => {
          if (this.pacer === pacer) this.pacer = null;
        };
      },
      hold: () => {
        this.holds++;
        let released = false;
        return () => {
          if (!released) this.holds--;
          released = true;
        };
      },
    };
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
    this.pacer = null;
    this.listeners.clear();
  }
}
