'use client';

import { PlayPauseButton, SkipAheadButton } from '@/components/playground/sim-controls';
import type { TimeControls } from '@/lib/cluster/types';
import { NEEDS_CLUSTER_MESSAGE, NEEDS_MACHINES_MESSAGE, type RunnerPhase, type RunnerState, type ScenarioRunner } from '@/lib/scenarios/runner';
import { scenarioLabLink } from '@/lib/scenarios/share-link';
import type { Scenario } from '@/lib/scenarios/schema';
import { describeAction } from '@/lib/scenarios/step-actions';
import { BUTTON, PRIMARY_BUTTON } from './ui';

const PHASE_TEXT: Record<RunnerPhase, string> = {
  idle: '시나리오를 고르세요',
  preparing: '클러스터를 준비하는 중…',
  ready: '준비 완료 — “다음 단계”로 시작하세요',
  waiting: '클러스터가 바뀌기를 기다리는 중…',
  stepDone: '이 단계 완료',
  finished: '시나리오 끝!',
  blocked: '쓰기가 잠겨 있어 대기 중',
  timeout: '시간 안에 끝나지 않았습니다',
  error: '오류',
};

function StepList({ scenario, state, onGoTo }: { scenario: Scenario; state: RunnerState; onGoTo: (n: number) => void }) {
  return (
    <ol aria-label="단계 목록" className="list-none! space-y-1 pl-0! text-sm">
      {scenario.steps.map((s, i) => {
        const n = i + 1;
        const current = n === state.step;
        const done = n < state.step || (current && ['stepDone', 'finished'].includes(state.phase));
        return (
          <li key={n}>
            <button
              type="button"
              onClick={() => onGoTo(n)}
              aria-current={current ? 'step' : undefined}
              className={`w-full rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800 ${current ? 'bg-brand-50 font-semibold dark:bg-zinc-800' : ''}`}
            >
              <span aria-hidden="true">{done ? '✓' : current ? '▶' : '○'} </span>
              {n}. {s.title}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

export interface ScenarioPanelProps {
  scenarios: Scenario[];
  runner: ScenarioRunner;
  state: RunnerState;
  canRun: boolean;
  /** The simulator's one clock, when the scenario runs on it: the same play/pause as the graph toolbar. */
  time?: TimeControls;
  /** Hide the scenario picker (a lesson plays just its own scenario). */
  picker?: boolean;
  /** The page is a bare-machines lab: other scenarios open on another page (and the other way round). */
  machinesLab?: boolean;
}

/** Scenario picker and player: narration, the command that ran and its output, what we are waiting for. */
export function ScenarioPanel({ scenarios, runner, state, canRun, time, picker = true, machinesLab = false }: ScenarioPanelProps) {
  const { scenario, step, phase } = state;
  const current = scenario && step > 0 ? scenario.steps[step - 1] : null;
  const upcoming = scenario && step < scenario.steps.length ? scenario.steps[step] : null;
  const lastLog = state.log.filter((l) => l.step === step).at(-1);
  const busy = phase === 'preparing' || phase === 'waiting';
  return (
    <div className="space-y-3" data-scenario-phase={phase} data-scenario-step={step}>
      <label className="flex flex-col gap-1 text-sm font-semibold" hidden={!picker}>
        시나리오
        <select
          aria-label="시나리오 고르기"
          value={scenario?.id ?? ''}
          disabled={!canRun}
          onChange={(e) => {
            const s = scenarios.find((x) => x.id === e.target.value);
            // a kubeadm scenario needs bare machines: that is another lab, so another page load
            if (s && !!s.machines !== machinesLab) window.location.assign(scenarioLabLink(s.id, !!s.machines, window.location.href));
            else if (s) void runner.load(s, 0);
            else runner.stop();
          }}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-normal dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">— 고르세요 —</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {!canRun && <p className="text-sm text-zinc-700 dark:text-zinc-300">기록을 재생하는 동안에는 시나리오를 실행할 수 없습니다.</p>}
      {scenario && (
        <>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{scenario.summary}</p>
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="시나리오 조작">
            <button type="button" className={BUTTON} onClick={() => void runner.previous()} disabled={step === 0 || phase === 'preparing'} aria-keyshortcuts="ArrowLeft">
              ◀ 이전 단계
            </button>
            <button type="button" className={PRIMARY_BUTTON} onClick={() => void runner.next()} disabled={!upcoming || busy || phase === 'blocked'} aria-keyshortcuts="ArrowRight">
              다음 단계 ▶
            </button>
            <button type="button" className={BUTTON} aria-pressed={state.autoPlay} onClick={() => runner.setAutoPlay(!state.autoPlay)}>
              {state.autoPlay ? '■ 자동 진행 멈춤' : '▶▶ 자동 진행'}
            </button>
            <button type="button" className={BUTTON} onClick={() => void runner.goTo(0)} disabled={phase === 'preparing'}>
              ↺ 처음부터
            </button>
          </div>
          {time && (
            <div className="flex flex-wrap items-center gap-2" role="group" aria-label="시뮬레이터 시계 (그래프 위 조절과 같은 시계)">
              <PlayPauseButton time={time} className={BUTTON} />
              <SkipAheadButton time={time} className={BUTTON} shortcut="N" />
            </div>
          )}
          <p role="status" aria-live="polite" className="text-sm font-semibold" data-scenario-progress="">
            {step} / {scenario.steps.length} 단계 · {PHASE_TEXT[phase]}
          </p>
          {current && (
            <section aria-label="현재 단계 설명" className="rounded-lg border border-brand-500/40 bg-brand-50 p-3 dark:bg-zinc-900" data-narration="">
              <h3 className="font-bold">
                {step}. {current.title}
              </h3>
              <p className="mt-1 leading-relaxed" data-present-large="">
                {current.narration}
              </p>
            </section>
          )}
          {!current && upcoming && <p className="text-sm">다음: {upcoming.title}</p>}
          {phase === 'blocked' && current && (
            <div className="rounded-md border border-amber-500 p-2 text-sm">
              <p>실행할 명령: <code className="font-mono">{current.command ?? (current.action ? describeAction(current.action) : '')}</code></p>
              <button type="button" className={`${PRIMARY_BUTTON} mt-2`} onClick={() => void runner.runBlocked()}>
                실행
              </button>
            </div>
          )}
          {lastLog && current?.action?.type === 'machineShell' ? (
            // the machine's own terminal shows the line and what it printed; here only where to look
            <p className="text-sm text-zinc-700 dark:text-zinc-300" data-step-machine={current.action.machine}>
              <span aria-hidden="true">▸ </span>
              {current.action.machine}에서 입력했어요 — 명령과 출력은 터미널에 있어요.
            </p>
          ) : (
            lastLog && (
              <pre aria-label="실행한 명령과 출력" className="max-h-48 overflow-auto rounded-md bg-zinc-950 p-2 font-mono text-xs text-zinc-100" data-step-output="">
                {`$ ${lastLog.label}\n${lastLog.output}`}
              </pre>
            )
          )}
          {state.waitingFor.length > 0 && (
            <ul aria-label="기다리는 조건" className="list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              {state.waitingFor.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {state.message && <p className="text-sm text-amber-800 dark:text-amber-300">{state.message}</p>}
          {(state.message === NEEDS_MACHINES_MESSAGE || state.message === NEEDS_CLUSTER_MESSAGE) && (
            <a className={`${PRIMARY_BUTTON} inline-block`} href={scenarioLabLink(scenario.id, !!scenario.machines, window.location.href)}>
              {scenario.machines ? '빈 머신 실습으로 열기' : '기본 클러스터로 열기'}
            </a>
          )}
          <StepList scenario={scenario} state={state} onGoTo={(n) => void runner.goTo(n)} />
        </>
      )}
    </div>
  );
}
