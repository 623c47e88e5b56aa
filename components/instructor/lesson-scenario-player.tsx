'use client';

import { useEffect, useRef, useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import type { ClusterClient } from '@/lib/cluster/types';
import type { EngineClient } from '@/lib/cluster/engine-client';
import { ScenarioRunner } from '@/lib/scenarios/runner';
import { lessonScenarioClients } from './scenario-clients';
import { ScenarioPanel } from './scenario-panel';
import { BUTTON } from './ui';
import { useRunnerState } from './use-scenario-runner';
import { useScenarios } from './use-scenarios';
import { useStepView } from './use-step-view';

/**
 * A lesson's scenario, played in the lesson's own Playground on a simulator of its own. The student's practice
 * cluster is paused and kept as it is (objects, clock, terminal history), and shown again when the player closes.
 */
export default function LessonScenarioPlayer({ id, step, onClose }: { id: string; step: number; onClose: () => void }) {
  const { client: shown, replaceClient, bus, seed } = usePlayground();
  const { scenarios, error } = useScenarios();
  const scenario = scenarios?.find((s) => s.id === id) ?? null;
  // The student's cluster as it was when the player opened; it is what comes back.
  const practice = useRef<ClusterClient | null>(shown);
  const [session, setSession] = useState<{ client: EngineClient; runner: ScenarioRunner } | null>(null);
  const state = useRunnerState(session?.runner ?? null);
  useStepView(bus, state);

  useEffect(() => {
    if (!scenario) return;
    let cancelled = false;
    let created: { client: EngineClient; runner: ScenarioRunner } | null = null;
    const own = practice.current;
    const wasPlaying = own?.time?.playing() ?? false;
    // The scenario's own engine runs in a worker like the page's (sim-port.ts).
    void import('@/lib/cluster/sim-port').then(async ({ startEngineClient }) => {
      const client = await startEngineClient({ seed, autoplay: false });
      if (cancelled) return client.dispose();
      lessonScenarioClients.add(client);
      created = { client, runner: new ScenarioRunner({ client, seed }) };
      own?.time?.setPlaying(false);
      replaceClient(client);
      setSession(created);
      void created.runner.load(scenario, step);
    });
    return () => {
      cancelled = true;
      if (!created) return;
      created.runner.dispose();
      replaceClient(null);
      created.client.dispose();
      if (wasPlaying) own?.time?.setPlaying(true);
    };
    // One session per opened scenario; `seed`, `step` and the setters are fixed for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenario?.id]);

  return (
    <section aria-label="시나리오 재생" className="rounded-xl border-2 border-brand-500/50 bg-white p-4 dark:bg-zinc-950" data-lesson-scenario={id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="m-0! text-base font-bold">{scenario ? `시나리오: ${scenario.title}` : '시나리오'}</h3>
        <button type="button" className={BUTTON} onClick={onClose}>
          ✕ 닫고 내 실습 클러스터로 돌아가기
        </button>
      </div>
      <p className="mt-1! mb-0! text-sm text-zinc-700 dark:text-zinc-300">
        실습 영역에 이 시나리오의 클러스터를 띄웠습니다. 내 실습 클러스터는 멈춘 채 그대로 있고, 닫으면 돌아옵니다.
      </p>
      <div className="mt-3">
        {error ? (
          <p role="alert">{error}</p>
        ) : !scenarios || !session ? (
          <p role="status">시나리오를 준비하는 중…</p>
        ) : !scenario ? (
          <p role="alert">“{id}” 시나리오를 찾을 수 없습니다.</p>
        ) : (
          <ScenarioPanel scenarios={[scenario]} runner={session.runner} state={state} canRun time={session.client.time} picker={false} />
        )}
      </div>
    </section>
  );
}
