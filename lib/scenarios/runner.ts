/**
 * ScenarioRunner: plays a guided scenario against any ClusterClient. A plain class the UI subscribes to
 * (`subscribe(cb)`, `state()`), no React.
 *
 * On the simulator there is one clock, the client's (play/pause, speed, step, skip ahead), and the runner borrows it
 * only while it needs to: it pauses it to reset the cluster from the seed, run the setup and fast-forward, and while
 * a step waits it paces it (TimeControls.pace) so time moves in whole quanta with the step's check after each. A step
 * thus reaches its checkpoint — the first quantum at which its wait-until conditions hold — at the same simulated
 * moment whether it plays live or is fast-forwarded (quantum-clock.ts). Going to step N means: reset, then replay
 * steps 1..N fast — which is also how a share link reproduces the instructor's cluster with the same pod names.
 * Between steps, after the last one and after leaving, the clock plays live, so the instructor's own commands work.
 * On a real cluster nothing is reset: each command is shown and runs only if the cluster accepts writes; conditions
 * are polled on the client's cache.
 */
import type { ClusterClient } from '../cluster/types';
import { evaluateConditions } from './conditions';
import { DEFAULT_QUANTUM_MS, fastForwardUntil } from './quantum-clock';
import { DEFAULT_STEP_TIMEOUT_MS, type Scenario, type ScenarioStep } from './schema';
import { performStep, runKubectl, scenarioFiles, stepWrites, type StepOutput } from './step-actions';
import type { RunnerOptions, RunnerPhase, RunnerState, StepLogEntry } from './runner-types';

export type { RunnerPhase, StepLogEntry, RunnerState, RunnerOptions } from './runner-types';

/** Why a scenario can't play on this client: it needs bare machines and there are none, or the other way round. */
export const NEEDS_MACHINES_MESSAGE = '이 시나리오는 빈 머신 세 대에서 시작해요. 머신 실습(?machines=1)으로 열어 주세요.';
export const NEEDS_CLUSTER_MESSAGE = '이 시나리오는 미리 만들어진 클러스터에서 해요. 머신 실습이 아닌 화면에서 열어 주세요.';

/** A step's conditions once `minWaitMs` has passed; before that, still waiting for the time itself. */
function conditionsAfter(minWaitMs: number | undefined, waitedMs: number, evaluate: () => { ok: boolean; waitingFor: string[] }): { ok: boolean; waitingFor: string[] } {
  if (minWaitMs && waitedMs < minWaitMs) return { ok: false, waitingFor: [`${Math.ceil((minWaitMs - waitedMs) / 1000)}초 더 지켜보는 중`] };
  return evaluate();
}

/** State of a runner with no scenario loaded. */
export const IDLE_RUNNER_STATE: RunnerState = { scenario: null, step: 0, phase: 'idle', waitingFor: [], waitedMs: 0, log: [], autoPlay: false, message: null };

export class ScenarioRunner {
  private current: RunnerState = IDLE_RUNNER_STATE;
  private readonly listeners = new Set<(s: RunnerState) => void>();
  private readonly opts: Required<Omit<RunnerOptions, 'client' | 'seed' | 'onCheckpoint' | 'machines'>> & Pick<RunnerOptions, 'client' | 'seed' | 'onCheckpoint' | 'machines'>;
  /** Bumped on every load; async work from an older load stops when it sees a newer epoch. */
  private epoch = 0;
  private stopWaiting: () => void = () => {};
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private abort = new AbortController();

  constructor(opts: RunnerOptions) {
    this.opts = { kubectl: runKubectl, quantumMs: DEFAULT_QUANTUM_MS, pollMs: 500, autoAdvanceDelayMs: 2500, ...opts };
  }

  state(): RunnerState {
    return this.current;
  }

  subscribe(cb: (s: RunnerState) => void): () => void {
    this.listeners.add(cb);
    return () => {
      this.listeners.delete(cb);
    };
  }

  /** True when the runner can reset, fast-forward and pace the clock (the simulator); false on live and replayed clusters. */
  get deterministic(): boolean {
    const { client } = this.opts;
    return client.mode === 'sim' && client.time?.pace !== undefined;
  }

  /** Start a scenario at step `step` (0 = just the starting cluster). On the simulator this resets the cluster. */
  async load(scenario: Scenario, step = 0): Promise<void> {
    const epoch = this.begin();
    const target = Math.max(0, Math.min(step, scenario.steps.length));
    const { client } = this.opts;
    this.set({ ...IDLE_RUNNER_STATE, scenario, phase: 'preparing', autoPlay: this.current.autoPlay });
    if (client.mode === 'replay') return this.set({ phase: 'error', message: '기록을 재생하는 동안에는 시나리오를 실행할 수 없습니다.' });
    if (!!scenario.machines !== !!this.opts.machines) return this.set({ phase: 'error', message: scenario.machines ? NEEDS_MACHINES_MESSAGE : NEEDS_CLUSTER_MESSAGE });
    if (!this.deterministic) {
      const needsSetup = (scenario.setup ?? []).length > 0;
      return this.set({ phase: 'ready', message: needsSetup ? `실제 클러스터입니다. 준비 명령을 직접 실행하세요: ${scenario.setup!.join(' ; ')}` : '실제 클러스터입니다. 단계마다 명령을 보여 주고, 쓰기가 허용된 경우에만 실행합니다.' });
    }
    const time = client.time!;
    time.setPlaying(false);
    if (scenario.speed) time.setSpeed(scenario.speed);
    try {
      await this.prepare(scenario, target, epoch);
    } finally {
      // Live play resumes at the checkpoint (or after a failure), unless a newer load took over the clock.
      if (this.epoch === epoch) time.setPlaying(true);
    }
  }

  private async prepare(scenario: Scenario, target: number, epoch: number): Promise<void> {
    const { client } = this.opts;
    client.time!.reset(this.opts.seed);
    await (client as { ready?: Promise<void> }).ready;
    if (this.epoch !== epoch) return;
    const files = scenarioFiles(scenario);
    for (const line of scenario.setup ?? []) {
      const r = await this.opts.kubectl(line, client, this.abort.signal, files);
      if (this.epoch !== epoch) return;
      if (!r.ok) return this.set({ phase: 'error', message: `준비 명령이 실패했습니다: ${line}\n${r.output}` });
    }
    if (!(await this.fastWait(scenario.ready, DEFAULT_STEP_TIMEOUT_MS, epoch))) return;
    const log: StepLogEntry[] = [];
    for (let i = 1; i <= target; i++) {
      this.opts.onCheckpoint?.(i - 1, log);
      const s = scenario.steps[i - 1];
      const out = await performStep(s, client, this.opts.kubectl, this.abort.signal, { machines: this.opts.machines, files });
      if (this.epoch !== epoch) return;
      if (out) log.push({ ...out, step: i });
      this.set({ step: i, log: [...log] });
      if (!(await this.fastWait(s.waitFor, s.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS, epoch, s.minWaitMs))) return;
    }
    this.set({ step: target, log, waitingFor: [] });
    this.checkpoint();
  }

  /** Run the next step. */
  async next(): Promise<void> {
    const { scenario, step, phase } = this.current;
    if (!scenario || step >= scenario.steps.length || phase === 'preparing' || phase === 'error') return;
    if (phase === 'waiting' || phase === 'blocked') return; // finish (or unblock) the current step first
    const epoch = this.begin();
    const index = step + 1;
    const s = scenario.steps[index - 1];
    const { client } = this.opts;
    if (!this.deterministic && stepWrites(s) && !client.info().writable) {
      return this.set({ step: index, phase: 'blocked', message: '쓰기가 잠겨 있어 아직 실행하지 않았습니다. 쓰기를 허용한 뒤 “실행”을 누르세요.' });
    }
    await this.runStep(index, s, epoch);
  }

  /** Run a step that was blocked because the live cluster refused writes, once writes are unlocked. */
  async runBlocked(): Promise<void> {
    const { scenario, step, phase } = this.current;
    if (!scenario || phase !== 'blocked') return;
    if (!this.opts.client.info().writable) return this.set({ message: '아직 쓰기가 잠겨 있습니다.' });
    await this.runStep(step, scenario.steps[step - 1], this.begin());
  }

  /** Back one step: on the simulator, reset and replay up to the previous checkpoint. */
  async previous(): Promise<void> {
    const { scenario, step } = this.current;
    if (!scenario || step === 0) return;
    if (this.deterministic) return this.load(scenario, step - 1);
    this.begin();
    this.set({ step: step - 1, phase: step - 1 === 0 ? 'ready' : 'stepDone', waitingFor: [], message: '실제 클러스터는 되돌릴 수 없어 단계 표시만 옮겼습니다.' });
  }

  /** Jump to any step (reset + fast-forward on the simulator). */
  goTo(step: number): Promise<void> {
    return this.current.scenario ? this.load(this.current.scenario, step) : Promise.resolve();
  }

  /** Space: on the simulator, play/pause the one clock (the toolbar shows the same); on a real cluster, auto-play. */
  togglePlay(): void {
    const time = this.opts.client.time;
    if (this.deterministic && time) return time.setPlaying(!time.playing());
    this.setAutoPlay(!this.current.autoPlay);
  }

  setAutoPlay(on: boolean): void {
    this.set({ autoPlay: on });
    if (on && ['ready', 'stepDone'].includes(this.current.phase)) void this.next();
    if (!on) this.clearAutoTimer();
  }

  /** Leave the scenario; the cluster is left as it is and the simulator's own clock runs again. */
  stop(): void {
    this.begin();
    this.set({ ...IDLE_RUNNER_STATE });
    if (this.deterministic) this.opts.client.time!.setPlaying(true);
  }

  dispose(): void {
    this.begin();
    this.listeners.clear();
  }

  private async runStep(index: number, s: ScenarioStep, epoch: number): Promise<void> {
    // The command runs at one simulated instant, as it does when fast-forwarded.
    const release = this.deterministic ? this.opts.client.time!.hold!() : () => {};
    let out: StepOutput | null;
    try {
      out = await performStep(s, this.opts.client, this.opts.kubectl, this.abort.signal, { machines: this.opts.machines, files: scenarioFiles(this.current.scenario ?? {}) });
    } finally {
      release();
    }
    if (this.epoch !== epoch) return;
    const log = out ? [...this.current.log, { ...out, step: index }] : this.current.log;
    // 'waiting' at once, so nothing ever sees the new step number with the old step's "done".
    this.set({ step: index, log, phase: 'waiting', waitingFor: [], message: out && !out.ok ? '명령이 실패했습니다. 출력을 확인하세요.' : null });
    this.waitInteractively(s, epoch);
  }

  private waitInteractively(s: ScenarioStep, epoch: number): void {
    const { client, quantumMs, pollMs } = this.opts;
    const timeoutMs = s.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    const check = (waitedMs: number): boolean => {
      if (this.epoch !== epoch) return true;
      const outcome = conditionsAfter(s.minWaitMs, waitedMs, () => evaluateConditions(s.waitFor, client.cached()));
      if (outcome.ok) {
        this.set({ waitingFor: [], waitedMs });
        this.checkpoint();
        return true;
      }
      if (waitedMs >= timeoutMs) {
        this.set({ phase: 'timeout', waitingFor: outcome.waitingFor, waitedMs, message: '기다리던 상태가 되지 않았습니다.' });
        return true;
      }
      this.set({ phase: 'waiting', waitingFor: outcome.waitingFor, waitedMs });
      return false;
    };
    if (check(0)) return;
    if (this.deterministic) {
      const time = client.time!;
      let waited = 0;
      // Time moves as the clock says: playing, paused (then +5초 or “다음 사건으로” move it), sped up.
      this.stopWaiting = time.pace!(quantumMs, () => check((waited += quantumMs)));
    } else {
      // Live: wall-clock polling of the cache the watch stream keeps current.
      const started = Date.now();
      const timer = setInterval(() => {
        if (check(Date.now() - started)) clearInterval(timer);
      }, pollMs);
      this.stopWaiting = () => clearInterval(timer);
    }
  }

  private async fastWait(conds: ScenarioStep['waitFor'], timeoutMs: number, epoch: number, minWaitMs?: number): Promise<boolean> {
    const { client, quantumMs } = this.opts;
    // the same quanta and the same checks as a live wait: waited time counts whole quanta
    let waited = 0;
    const time = { step: (ms: number) => ((waited += ms), client.time!.step(ms)) };
    const r = await fastForwardUntil(time, () => conditionsAfter(minWaitMs, waited, () => evaluateConditions(conds, client.cached())).ok, { quantumMs, timeoutMs, cancelled: () => this.epoch !== epoch });
    if (r.cancelled) return false;
    if (!r.met) this.set({ phase: 'timeout', waitingFor: evaluateConditions(conds, client.cached()).waitingFor, waitedMs: r.waitedMs, message: '빨리 감기 중 기다리던 상태가 되지 않았습니다.' });
    return r.met;
  }

  private checkpoint(): void {
    const { scenario, step, autoPlay } = this.current;
    if (!scenario) return;
    this.opts.onCheckpoint?.(step, this.current.log);
    const phase: RunnerPhase = step === 0 ? 'ready' : step >= scenario.steps.length ? 'finished' : 'stepDone';
    this.set({ phase, waitingFor: [] });
    if (autoPlay && phase !== 'finished') {
      this.clearAutoTimer();
      this.autoTimer = setTimeout(() => void this.next(), this.opts.autoAdvanceDelayMs);
    }
  }

  /** Cancel whatever is in flight and start a new epoch. */
  private begin(): number {
    this.stopWaiting();
    this.stopWaiting = () => {};
    this.clearAutoTimer();
    this.abort.abort();
    this.abort = new AbortController();
    return ++this.epoch;
  }

  private clearAutoTimer(): void {
    if (this.autoTimer !== null) clearTimeout(this.autoTimer);
    this.autoTimer = null;
  }

  private set(patch: Partial<RunnerState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }
}
