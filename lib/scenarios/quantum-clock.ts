/**
 * Scenario time runs in fixed quanta of simulated time. Whether a step plays live in front of the class (a few
 * quanta per wall-clock tick, more at higher speed) or is fast-forwarded from a share link (quanta back to back),
 * the simulator receives exactly the same sequence of `step(quantum)` calls with the same checks between them, and
 * the simulator is deterministic for the same calls — so every browser ends each step with the same cluster.
 */
import type { TimeControls } from '../cluster/types';

export const DEFAULT_QUANTUM_MS = 250;

export interface WaitResult {
  met: boolean;
  /** Simulated ms advanced while waiting. */
  waitedMs: number;
  cancelled: boolean;
}

/**
 * Advance quantum by quantum until `met()` or `timeoutMs` of simulated time. Checks before the first quantum, so a
 * condition that already holds costs no time. Yields to the event loop now and then so the page stays responsive;
 * yielding never changes the simulated outcome.
 */
export async function fastForwardUntil(
  time: Pick<TimeControls, 'step'>,
  met: () => boolean,
  opts: { quantumMs: number; timeoutMs: number; cancelled: () => boolean },
): Promise<WaitResult> {
  let waitedMs = 0;
  let sinceYield = 0;
  for (;;) {
    if (opts.cancelled()) return { met: false, waitedMs, cancelled: true };
    if (met()) return { met: true, waitedMs, cancelled: false };
    if (waitedMs >= opts.timeoutMs) return { met: false, waitedMs, cancelled: false };
    time.step(opts.quantumMs);
    waitedMs += opts.quantumMs;
    if (++sinceYield >= 200) {
      sinceYield = 0;
      await new Promise((r) => setTimeout(r, 0));
    }
  }
}

/**
 * The live counterpart: each wall-clock tick earns `tickMs × speed` of simulated time, spent in whole quanta; after
 * each quantum the same check runs as in fast-forward. Returns a stop function.
 */
export function startQuantumTicker(opts: {
  time: Pick<TimeControls, 'step' | 'speed'>;
  quantumMs: number;
  tickMs: number;
  /** Called after each quantum with the total waited; return true to stop ticking. */
  afterQuantum: (waitedMs: number) => boolean;
  /** Checked every tick; while true, no time passes. */
  paused: () => boolean;
  startWaitedMs?: number;
}): () => void {
  let credit = 0;
  let waited = opts.startWaitedMs ?? 0;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || opts.paused()) return;
    credit += (opts.tickMs * opts.time.speed()) / opts.quantumMs;
    while (credit >= 1 && !stopped) {
      credit -= 1;
      opts.time.step(opts.quantumMs);
      waited += opts.quantumMs;
      if (opts.afterQuantum(waited)) stop();
    }
  }, opts.tickMs);
  function stop() {
    stopped = true;
    clearInterval(timer);
  }
  return stop;
}
