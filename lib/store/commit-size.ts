/**
 * How many changes one store update takes, so that an update — the store's fold, the React render and commit it
 * causes — stays near a time budget however many changes are waiting. A 5,000-pod rollout's first engine step sends
 * thousands of changes at once; folded in one update they held the main thread for 100–250 ms (bench:graph, issue
 * 16). Changes cost about the same each (a pod's view, a lookup, a list edit), so an update that ran over its budget
 * takes proportionally fewer next time and one that stayed under takes more (at most twice as many a step, so one
 * cheap update of Events alone does not make the next update of pods far too big). Only full updates teach anything:
 * a small one is mostly fixed costs. O(1) per update.
 */
export interface CommitSizeOptions {
  /** Main-thread ms one update aims at. */
  budgetMs: number;
  /** Fewest changes an update takes, whatever the last one cost (changes keep flowing on a starved CPU). */
  min: number;
  /** Most changes an update takes, however cheap the last one was. */
  max: number;
  /** Before any update has been timed. */
  first: number;
}

export class CommitSize {
  private size: number;

  constructor(private readonly opts: CommitSizeOptions) {
    this.size = opts.first;
  }

  /** The most changes the next update takes. */
  get limit(): number {
    return this.size;
  }

  /** An update of `changes` changes took `ms`. */
  observe(changes: number, ms: number): void {
    if (changes < this.size) return;
    const { budgetMs, min, max } = this.opts;
    const fitting = Math.round((this.size * budgetMs) / Math.max(ms, 0.01));
    this.size = Math.max(min, Math.min(max, 2 * this.size, fitting));
  }
}
