'use client';

import { useEffect, useMemo, useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import type { Scenario } from '@/lib/scenarios/schema';
import { parseScenarioReveal } from '@/lib/scenarios/start-request';
import { ControlPlaneFlow } from './control-plane-flow';
import { PresenterStyles, usePresenterKeys, usePresenterMode } from './presenter-mode';
import { RecordReplay } from './record-replay';
import { ScenarioPanel } from './scenario-panel';
import { ShareLinkButton } from './share-link-button';
import { TabList } from '@/components/ui/tab-list';
import { BUTTON } from './ui';
import { useScenarioRunner } from './use-scenario-runner';
import { useScenarios } from './use-scenarios';
import { useSkipAheadKey } from './use-skip-ahead-key';
import { useSpotlight } from './use-spotlight';
import { useStepView } from './use-step-view';

type Tab = 'scenario' | 'flow' | 'record';
const TABS: { id: Tab; label: string }[] = [
  { id: 'scenario', label: '시나리오' },
  { id: 'flow', label: '컨트롤 플레인 흐름' },
  { id: 'record', label: '기록·재생' },
];

export interface InstructorToolsProps {
  /** Scenarios from a server page (`loadScenarios()`); omitted → fetched from /api/scenarios. */
  scenarios?: Scenario[];
  /** Tab shown first. */
  initialTab?: Tab;
}

/**
 * Instructor tools for the Playground: guided scenarios, share link, presenter view (P), control-plane flow and
 * record/replay. Must be rendered inside a PlaygroundProvider, next to the Playground.
 */
export function InstructorTools({ scenarios: given, initialTab = 'scenario' }: InstructorToolsProps) {
  const { client, seed, replaceClient, bus, machines } = usePlayground();
  const { scenarios, error } = useScenarios(given);
  const { runner, state } = useScenarioRunner(client, seed, scenarios, machines, bus);
  const [present, setPresent] = usePresenterMode();
  const [tab, setTab] = useState<Tab>(initialTab);
  const currentStep = state.scenario && state.step > 0 ? state.scenario.steps[state.step - 1] : undefined;
  const spotlight = useSpotlight(client, currentStep?.spotlight);

  const keys = useMemo(
    () => ({
      togglePresent: () => setPresent(!present),
      next: () => void runner?.next(),
      previous: () => void runner?.previous(),
      playPause: () => {
        if (runner && state.scenario) runner.togglePlay();
        else if (client?.time) client.time.setPlaying(!client.time.playing());
      },
      speed: (x: number) => client?.time?.setSpeed(x),
    }),
    [present, setPresent, runner, state.scenario, client],
  );
  usePresenterKeys(keys);
  useSkipAheadKey(client?.mode === 'sim' ? client.time : undefined);
  useStepView(bus, state);

  // A lesson's "시나리오로 보기" button (StartScenarioButton) asks through the bus.
  useEffect(
    () =>
      bus.onReveal((panel) => {
        const request = parseScenarioReveal(panel);
        const scenario = request && scenarios?.find((s) => s.id === request.id);
        if (!request || !scenario || !runner) return;
        setTab('scenario');
        void runner.load(scenario, request.step);
      }),
    [bus, scenarios, runner],
  );

  return (
    <div className="flex h-full min-h-0 flex-col" data-instructor-tools-panel="">
      <PresenterStyles spotlightPods={spotlight.pods} spotlightNodes={spotlight.nodes} />
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <button type="button" className={BUTTON} aria-pressed={present} onClick={() => setPresent(!present)} aria-keyshortcuts="P">
          {present ? '발표 모드 끄기' : '발표 모드'}
        </button>
        <ShareLinkButton seed={seed} scenario={state.scenario?.id} step={state.step} disabled={client?.mode !== 'sim'} />
      </div>
      {state.scenario && tab !== 'scenario' && (
        <p className="border-b border-zinc-200 px-3 py-1.5 text-sm dark:border-zinc-800" data-scenario-banner="">
          <span className="font-semibold">{state.scenario.title}</span> · {state.step} / {state.scenario.steps.length} 단계
          {currentStep ? ` · ${currentStep.title}` : ''}
        </p>
      )}
      <TabList
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        label="강사 도구"
        controls={(id) => `instructor-panel-${id}`}
        idPrefix="instructor-tab"
        className="flex gap-1 border-b border-zinc-200 px-2 dark:border-zinc-800"
        tabClass={(on) => `border-b-2 px-2 py-1.5 text-sm font-semibold ${on ? 'border-brand-500' : 'border-transparent text-zinc-600 dark:text-zinc-400'}`}
      />
      {/* Panels stay mounted when hidden so a recording in progress and the flow history survive tab switches. */}
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`instructor-panel-${t.id}`}
          aria-labelledby={`instructor-tab-${t.id}`}
          hidden={tab !== t.id}
          className="min-h-0 flex-1 overflow-auto p-3"
        >
          {t.id === 'scenario' &&
            (error ? (
              <p role="alert">{error}</p>
            ) : !scenarios || !runner ? (
              <p role="status">시나리오를 준비하는 중…</p>
            ) : (
              <ScenarioPanel scenarios={scenarios} runner={runner} state={state} canRun={client?.mode !== 'replay'} time={runner.deterministic ? client?.time : undefined} machinesLab={machines !== null} />
            ))}
          {t.id === 'flow' && <ControlPlaneFlow client={client} quiet={state.phase === 'preparing'} machines={machines} />}
          {t.id === 'record' && <RecordReplay client={client} replaceClient={replaceClient} />}
        </div>
      ))}
      <p className="border-t border-zinc-200 px-2 py-1 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        단축키: P 발표 모드 · → / ← 다음/이전 단계 · Space 재생/일시 정지 · N 다음 사건으로 · 1–9 속도
      </p>
    </div>
  );
}
