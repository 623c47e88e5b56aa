/**
 * Plays kubeadm events phase by phase for the flow view. In the simulator `kubeadm init` does all its phases in one
 * instant; a class needs time to read each one, so the timeline shows one phase at a time (PHASE_MS each, faster
 * while more events wait) and then keeps the finished event on screen as "just happened". Pure: the caller brings
 * the wall clock, so tests drive it without timers. O(1) per tick.
 */
import { eventPhases, type KubeadmEvent, type KubeadmPhase } from './kubeadm-phases';

export const PHASE_MS = 1600;
/** per phase while another event waits, so a burst (two joins) does not fall behind */
export const PHASE_MS_HURRIED = 500;

export interface PhaseFrame {
  event: KubeadmEvent | null;
  phases: readonly KubeadmPhase[];
  /** the phase being explained now (index into phases) */
  index: number;
  /** every phase has been shown: the event "just happened" */
  finished: boolean;
  /** events queued behind this one */
  waiting: number;
}

const EMPTY: PhaseFrame = { event: null, phases: [], index: 0, finished: false, waiting: 0 };

export class PhaseTimeline {
  private queue: KubeadmEvent[] = [];
  private current: PhaseFrame = EMPTY;
  private phaseStarted = 0;

  push(e: KubeadmEvent, now: number): void {
    if (!this.current.event) return this.start(e, now);
    this.queue.push(e);
    this.current = { ...this.current, waiting: this.queue.length };
  }

  /** Moves on if the shown phase has had its time; true when the frame changed. */
  tick(now: number): boolean {
    const f = this.current;
    if (!f.event) return false;
    const perPhase = this.queue.length > 0 ? PHASE_MS_HURRIED : PHASE_MS;
    if (now - this.phaseStarted < perPhase) return false;
    if (f.index < f.phases.length - 1) {
      this.current = { ...f, index: f.index + 1 };
      this.phaseStarted = now;
      return true;
    }
    const next = this.queue.shift();
    if (next) {
      this.start(next, now);
      return true;
    }
    if (f.finished) return false;
    this.current = { ...f, finished: true };
    return true;
  }

  frame(): PhaseFrame {
    return this.current;
  }

  clear(): void {
    this.queue = [];
    this.current = EMPTY;
  }

  private start(e: KubeadmEvent, now: number): void {
    this.current = { event: e, phases: eventPhases(e), index: 0, finished: false, waiting: this.queue.length };
    this.phaseStarted = now;
  }
}
