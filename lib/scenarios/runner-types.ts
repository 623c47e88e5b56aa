/** The scenario runner's state and options, as the UI and the runner (runner.ts) share them. */
import type { ClusterClient } from '../cluster/types';
import type { Scenario } from './schema';
import type { KubectlRunner, StepOutput } from './step-actions';
import type { MachineHost } from './machine-host';

export type RunnerPhase =
  | 'idle' // no scenario
  | 'preparing' // resetting / fast-forwarding
  | 'ready' // step 0: starting cluster ready
  | 'waiting' // step ran, waiting for its conditions
  | 'stepDone' // checkpoint reached, more steps follow
  | 'finished' // last step done
  | 'blocked' // live cluster refuses writes; the command waits for the instructor
  | 'timeout'
  | 'error';

export interface StepLogEntry extends StepOutput {
  step: number;
}

export interface RunnerState {
  scenario: Scenario | null;
  /** 0 = before step 1; k = step k has been run. */
  step: number;
  phase: RunnerPhase;
  waitingFor: string[];
  waitedMs: number;
  log: StepLogEntry[];
  /** Move on by itself after each checkpoint. */
  autoPlay: boolean;
  /** Korean notice (error, blocked command, live-mode caveat). */
  message: string | null;
}

export interface RunnerOptions {
  client: ClusterClient;
  seed: number;
  kubectl?: KubectlRunner;
  quantumMs?: number;
  /** Wall ms between checks of a real cluster's cache. */
  pollMs?: number;
  /** Wall ms a finished step stays on screen before auto-play moves on. */
  autoAdvanceDelayMs?: number;
  /** Called at every checkpoint, fast-forwarded or live (step 0 = the starting cluster), before anything moves on. */
  onCheckpoint?: (step: number, log: readonly StepLogEntry[]) => void;
  /** The bare machines behind a `machines: true` scenario's lines; absent when the client is an ordinary cluster. */
  machines?: MachineHost;
}
