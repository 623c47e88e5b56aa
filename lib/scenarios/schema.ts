/**
 * Guided scenarios are data (content/scenarios/*.yaml): a starting cluster, then steps. Each step runs one kubectl
 * command or one action, narrates in Korean, and waits until a condition holds on the cluster. This module is the
 * shape only; validation lives in validate.ts, evaluation in conditions.ts.
 */
import type { ObjectCheck } from '../lessons/exercise-spec';

export type { Scalar } from '../lessons/exercise-spec';

/**
 * A wait-until condition. It selects objects (one by `name`, or a set by `labelSelector`; terminating objects are
 * ignored), keeps those that pass every filter (`phase`, `ready`, `reason`, `expect`, `present`, `missing`), then:
 * - `count`: exactly this many pass;  `minCount`: at least this many pass;
 * - `absent`: nothing is selected at all;
 * - otherwise every selected object passes and at least one exists.
 * The fields are the lessons' exercise checks (ObjectCheck) plus `reason` and `missing`; `ready` also reads a
 * Node's Ready condition (false: anything but True, e.g. Unknown on a failed node).
 */
export interface WaitCondition extends ObjectCheck {
  /** Pods: any container waiting/terminated reason, e.g. ImagePullBackOff (a list means any of them). */
  reason?: string | string[];
  /** Field paths that must be unset or empty (e.g. an Endpoints object with no addresses). */
  missing?: string[];
  /** Select the objects being deleted (Terminating) instead of the live ones. */
  terminating?: boolean;
}

/**
 * Something a step's narration says, as a check: a wait condition on the cluster (the `WaitCondition` fields), or
 * `output`, a regular expression the step's command output must match (multiline). The content test plays every
 * scenario and checks every claim at its step's checkpoint, so narration can't drift from what the class sees.
 */
export interface NarrationClaim extends Partial<WaitCondition> {
  /** The words of the narration this claim backs; they must appear in the narration. */
  says: string;
  output?: string;
}

/** Graph views a step can switch to (the Playground's bus.reveal names). */
export const STEP_VIEWS = ['cluster', 'workload', 'list'] as const;
export type StepView = (typeof STEP_VIEWS)[number];

/** Things a step can do besides a kubectl command. Node failure exists only where the client offers it. */
export type ScenarioAction =
  | { type: 'failNode'; node: string }
  | { type: 'recoverNode'; node: string }
  /** Delete one pod: by name, or the first (by name order, so it is deterministic) matching the selector. */
  | { type: 'deletePod'; name?: string; labelSelector?: string; namespace?: string };

/** What the presenter view spotlights during a step. */
export interface SpotlightTarget {
  kind: 'Pod' | 'Node' | 'Deployment' | 'ReplicaSet' | 'Service';
  name?: string;
  labelSelector?: string;
}

export interface ScenarioStep {
  /** Short Korean title shown in the step list. */
  title: string;
  /** What is happening and why, in Korean; shown large in the presenter view. */
  narration: string;
  /** One kubectl command line (exactly one of command/action, or neither for a narration-only step). */
  command?: string;
  action?: ScenarioAction;
  /** All must hold before the step counts as done. */
  waitFor?: WaitCondition[];
  /** Simulated ms to give up waiting (default 5 minutes). */
  timeoutMs?: number;
  spotlight?: SpotlightTarget;
  /** Graph view the step needs (e.g. 'workload', where the rolling-update budget panel is). */
  view?: StepView;
  /** What the narration claims about the cluster at this step's checkpoint. */
  claims?: NarrationClaim[];
}

export interface Scenario {
  /** kebab-case, equals the file name without .yaml; carried in share links. */
  id: string;
  title: string;
  summary: string;
  /** Concepts the scenario shows, in Korean (chips in the picker). */
  topics?: string[];
  /** Position in the picker (ascending). */
  order: number;
  /** Suggested simulation speed (0.5–60) for slow lifecycles such as node eviction. */
  speed?: number;
  /** kubectl commands that build the starting cluster, run silently before step 1. */
  setup?: string[];
  /** Conditions the starting cluster must reach before step 1. */
  ready?: WaitCondition[];
  steps: ScenarioStep[];
}

export const DEFAULT_STEP_TIMEOUT_MS = 5 * 60_000;
