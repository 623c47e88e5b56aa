/**
 * The settings of a simulator clock that don't depend on where the engine runs: speed, scenario pacing, holds and
 * the listeners told about play/speed changes. SimClient (engine on the page) and PlayClock (engine in a worker)
 * share them, so both clocks offer the same controls with the same bounds.
 */
import type { TimeControls } from './types';
import { addListener } from './listeners';

export const MIN_SPEED = 0.5;
/** Node eviction waits 40 s + 300 s of simulated time; at 60× a class sees it in about six seconds. */
export const MAX_SPEED = 60;
/** How far "다음 사건으로" looks ahead before it gives up (simulated ms). */
export const SKIP_HORIZON_MS = 15 * 60_000;

/** A scenario step's wait: time moves in whole quanta and the check runs after each (see TimeControls.pace). */
export interface Pacer {
  quantumMs: number;
  afterQuantum: () => boolean;
  /** Earned simulated ms not yet spent in a whole quantum. */
  credit: number;
}

export class ClockKnobs {
  pacer: Pacer | null = null;
  holds = 0;
  speed = 1;
  private readonly listeners = new Set<() => void>();

  /** speed, setSpeed, onChange, pace and hold as TimeControls offers them. */
  controls(): Pick<TimeControls, 'speed' | 'setSpeed' | 'onChange' | 'pace' | 'hold'> {
    return {
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
    this.pacer = null;
    this.listeners.clear();
  }
}
