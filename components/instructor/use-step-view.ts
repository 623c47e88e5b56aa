'use client';

import { useEffect } from 'react';
import type { PlaygroundBus } from '@/lib/store/bus';
import type { RunnerState } from '@/lib/scenarios/runner';

/** Show the graph view the current step needs (e.g. the rolling update's budget panel lives in 'workload'). */
export function useStepView(bus: PlaygroundBus, state: Pick<RunnerState, 'scenario' | 'step'>): void {
  const view = state.scenario && state.step > 0 ? state.scenario.steps[state.step - 1]?.view : undefined;
  const stepKey = `${state.scenario?.id ?? ''}@${state.step}`;
  useEffect(() => {
    if (view) bus.reveal(view);
  }, [bus, view, stepKey]);
}
