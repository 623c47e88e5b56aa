/**
 * Scenario time runs in fixed quanta of simulated time. Whether a step plays live in front of the class (the client's
 * clock paced by TimeControls.pace: a few quanta per wall-clock tick, more at higher speed) or is fast-forwarded from a
 * share link (quanta back to back, below), the simulator receives the same sequence of quanta with the same checks
 * between them, and the simulator is deterministic for the same calls — so every browser ends each step with the
 * same cluster.
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
    await time.step(opts.quantumMs);
    waitedMs += opts.quantumMs;
    if (++sinceYield >= 200) {
      sinceYield = 0;
      await new Promise((r) => setTimeout(r, 0));
    }
  }
}
