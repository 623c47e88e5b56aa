'use client';

import { lazy, Suspense, useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';
import { scenarioRevealName } from '@/lib/scenarios/start-request';
import { lessonScenarioClients } from './scenario-clients';
import { PRIMARY_BUTTON } from './ui';

/** The player (runner, simulator, panel) loads only when a student opens a scenario. */
const LessonScenarioPlayer = lazy(() => import('./lesson-scenario-player'));

/**
 * For lessons: "시나리오로 보기". With instructor tools on the page it starts the scenario there (through the Playground
 * bus). In a lesson it plays the scenario right here, on a cluster of its own shown in the lesson's Playground; the
 * student's practice cluster waits, paused and untouched, and comes back when the player closes.
 */
export function StartScenarioButton({ id, step = 0, label }: { id: string; step?: number; label?: string }) {
  const { bus, client } = usePlayground();
  const [open, setOpen] = useState(false);
  const otherPlaying = !open && client !== null && lessonScenarioClients.has(client);
  const start = () => {
    if (document.querySelector('[data-instructor-tools-panel]')) bus.reveal(scenarioRevealName(id, step));
    else setOpen(true);
  };
  return (
    <div className="not-prose my-4">
      {!open && (
        <button type="button" className={PRIMARY_BUTTON} onClick={start} disabled={otherPlaying} title={otherPlaying ? '다른 시나리오를 닫은 뒤에 열 수 있습니다' : undefined}>
          {label ?? '시나리오로 보기'}
        </button>
      )}
      {open && (
        <Suspense fallback={<p role="status">시나리오를 불러오는 중…</p>}>
          <LessonScenarioPlayer id={id} step={step} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
