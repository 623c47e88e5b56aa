/**
 * "다음 사건으로": jump simulated time to the engine's next due timer, and on past timers that change nothing (a
 * probe that still passes), until the store changes or nothing is due within `maxMs`. Routine writes (a kubelet's
 * unchanged node status) are not a change here, and their wake-ups are not due timers (Simulator.nextDueAt). How time
 * moves toward a due time is the caller's (straight there, or in whole quanta while a scenario step paces the clock).
 * O(timers passed); a guard stops a runaway engine after 100 000 of them.
 */
import type { Simulator } from '../sim/types';
import type { SkipResult } from './types';

type Clocked = Pick<Simulator, 'now' | 'nextDueAt' | 'changeCount'>;

export function skipToNextDue(sim: Clocked, maxMs: number, stepToward: (due: number) => void): SkipResult | null {
  const start = sim.now();
  const changes = sim.changeCount();
  const first = sim.nextDueAt();
  if (first === undefined || first - start > maxMs) return null;
  for (let guard = 0; guard < 100_000; guard++) {
    const due = sim.nextDueAt();
    if (due === undefined || due - start > maxMs) break;
    while (sim.now() < due) stepToward(due);
    // advancing fires every timer due up to and including its target
    if (sim.changeCount() !== changes) return { skippedMs: sim.now() - start, changed: true };
  }
  return { skippedMs: sim.now() - start, changed: sim.changeCount() !== changes };
}
