/**
 * The page-side clock of a simulator that runs elsewhere (worker-sim-client.ts): real time × speed while playing,
 * the step button, scenario pacing (whole quanta with a check after each), holds and "다음 사건으로" — the same
 * TimeControls SimClient offers, with each step an awaited message. Clock operations run one after another (never
 * two steps in flight), so a paced wait sees exactly the quanta and checks it would see with the engine on the page.
 */
import type { Timings } from '../k8s/client-types';
import type { ClockState } from './sim-protocol';
import type { SkipResult, TimeControls } from './types';
import { ClockKnobs, MAX_CATCH_UP_WALL_MS, SKIP_HORIZON_MS, type Pacer } from './clock-knobs';

/**
 * Longest a playing clock's step waits for the page to take in the steps before (ClusterClient.paceTo): a page that
 * takes longer (a background tab draws no frames) gets the next step anyway.
 */
export const PACE_WAIT_MS = 500;

export interface ClockEngine {
  advance(ms: number): Promise<void>;
  clockState(): Promise<ClockState>;
  /** Skip ahead inside the engine in one go (no pacing). */
  skip(maxMs: number): Promise<SkipResult | null>;
  tickMs: number;
}

export class PlayClock {
  private readonly knobs = new ClockKnobs();
  /** Simulated ms earned by play ticks while a step was still running; spent by the next step. */
  private owed = 0;
  private chain: Promise<unknown> = Promise.resolve();
  /** Clock operations started or queued and not yet finished. */
  private running = 0;
  private disposed = false;
  /** What a playing step waits for first (paceTo); null: nothing. */
  private taken: (() => Promise<void>) | null = null;

  constructor(private readonly engine: ClockEngine) {}

  /**
   * Steps made while playing start once `taken()` resolves (or PACE_WAIT_MS has passed): at 5,000 pods a step's
   * changes take the page several frames to fold in, and the next step, run meanwhile in the worker, took the
   * page's second core. Steps asked for directly (the step button, a scenario's wait, skips) do not wait.
   */
  paceTo(taken: () => Promise<void>): () => void {
    this.taken = taken;
    return () => {
      if (this.taken === taken) this.taken = null;
    };
  }

  controls(own: { now(): number; timings(): Timings; reset(seed?: number): void }): TimeControls {
    return {
      ...this.knobs.controls(this),
      step: (ms) => this.serial(() => this.advanceBy(ms)),
      now: own.now,
      reset: own.reset,
      timings: own.timings,
      skipToNextEvent: (maxMs) => this.serial(() => this.skipToNextEvent(maxMs ?? SKIP_HORIZON_MS)),
    };
  }

  play(): void {
    if (this.disposed) return;
    this.knobs.play(this.engine.tickMs, (simMs) => {
      const busy = this.owed > 0;
      // While the engine is still on the last step, time owed piles up to at most one catch-up step's worth.
      this.owed = Math.min(this.owed + simMs, MAX_CATCH_UP_WALL_MS * this.knobs.speed);
      if (!busy) void this.serial(() => this.spendOwed());
    });
  }

  pause(): void {
    this.knobs.pause();
    this.owed = 0;
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
    this.knobs.dispose();
  }

  /**
   * Run clock operations strictly one after another; a failed step doesn't stop later ones. With none running, the
   * operation starts at once, so its first message goes out before any call made after it (as a SimClient step
   * happens before the next line runs).
   */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.running === 0 ? op() : this.chain.then(op, op);
    this.running++;
    this.chain = run.then(
      () => void this.running--,
      () => void this.running--,
    );
    return run;
  }

  private async spendOwed(): Promise<void> {
    while (this.owed > 0 && !this.disposed) {
      // time earned while waiting is spent by this step (owed keeps growing, up to its cap)
      await this.pageTookIn();
      if (this.owed <= 0 || this.disposed) break;
      const ms = this.owed;
      await this.advanceBy(ms);
      this.owed -= ms;
      if (this.owed < 0) this.owed = 0;
    }
  }

  private pageTookIn(): Promise<void> {
    const taken = this.taken;
    if (!taken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, PACE_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      taken().then(done, done);
    });
  }

  /** Straight through, or in whole quanta with the pacer's check after each (SimClient.advanceBy). */
  private async advanceBy(ms: number): Promise<void> {
    const p = this.knobs.pacer;
    if (!p) return this.engine.advance(ms);
    p.credit += ms;
    while (this.knobs.pacer === p && p.credit >= p.quantumMs) {
      p.credit -= p.quantumMs;
      await this.stepQuantum(p);
    }
    if (this.knobs.pacer !== p && p.credit > 0) {
      const rest = p.credit;
      p.credit = 0;
      await this.advanceBy(rest);
    }
  }

  private async stepQuantum(p: Pacer): Promise<void> {
    await this.engine.advance(p.quantumMs);
    if (p.afterQuantum() && this.knobs.pacer === p) this.knobs.pacer = null;
  }

  /** skip-ahead.ts, with the engine across a message boundary: in one request, or quantum by quantum while paced. */
  private async skipToNextEvent(maxMs: number): Promise<SkipResult | null> {
    if (!this.knobs.pacer) return this.engine.skip(maxMs);
    let st = await this.engine.clockState();
    const start = st.now;
    const changes = st.changes;
    if (st.nextDueAt === null || st.nextDueAt - start > maxMs) return null;
    for (let guard = 0; guard < 100_000; guard++) {
      const due = st.nextDueAt;
      if (due === null || due - start > maxMs) break;
      while (st.now < due) {
        const p = this.knobs.pacer;
        if (p) {
          p.credit = 0;
          await this.stepQuantum(p);
        } else await this.engine.advance(due - st.now);
        st = await this.engine.clockState();
      }
      if (st.changes !== changes) return { skippedMs: st.now - start, changed: true };
    }
    return { skippedMs: st.now - start, changed: st.changes !== changes };
  }
}
