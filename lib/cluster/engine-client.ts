/**
 * What the page's simulator client offers beyond ClusterClient — the same whether the engine runs on the page
 * (SimClient) or in a worker (WorkerSimClient): the clock is always there, setup can await a settle step, and a
 * saved lab is rebuilt inside the engine.
 */
import type { LabEntry } from '../store/lab-session';
import type { ClusterClient, FailureControls, TimeControls } from './types';

type Present<K extends keyof ClusterClient> = NonNullable<ClusterClient[K]>;

export type { ShellHandle } from './types';

export interface EngineClient extends ClusterClient {
  readonly mode: 'sim';
  readonly time: TimeControls;
  readonly failures: FailureControls;
  /** Resolves when the latest reset (including its onReset) has finished. */
  ready: Promise<void>;
  /** Advance simulated time; once settled, cached() shows the result. */
  advance(ms: number): void | Promise<void>;
  /** Rebuild a saved lab's writes inside the engine (lab-journal.ts replayLab); rejects when the log no longer applies. */
  replayLab(entries: readonly LabEntry[], endAt: number): Promise<void>;
  reset(seed?: number): void;
  podLog: Present<'podLog'>;
  exec: Present<'exec'>;
  execShell: Present<'execShell'>;
  attachShell: Present<'attachShell'>;
  metrics: Present<'metrics'>;
  runOnLaptop: Present<'runOnLaptop'>;
  traffic: Present<'traffic'>;
}
