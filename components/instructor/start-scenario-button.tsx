'use client';

import { usePlayground } from '@/components/playground/context';
import { encodeShareLink } from '@/lib/scenarios/share-link';
import { scenarioRevealName } from '@/lib/scenarios/start-request';
import { PRIMARY_BUTTON } from './ui';

/**
 * For lessons: "시나리오로 보기". With instructor tools on the page it starts the scenario right there (through the
 * Playground bus); otherwise it opens the instructor page with the same seed.
 */
export function StartScenarioButton({ id, step = 0, label }: { id: string; step?: number; label?: string }) {
  const { bus, seed } = usePlayground();
  const start = () => {
    if (document.querySelector('[data-instructor-tools-panel]')) bus.reveal(scenarioRevealName(id, step));
    else window.location.assign(encodeShareLink({ seed, scenario: id, step }, new URL('/instructor', window.location.origin).toString()));
  };
  return (
    <button type="button" className={PRIMARY_BUTTON} onClick={start}>
      {label ?? '시나리오로 보기'}
    </button>
  );
}
