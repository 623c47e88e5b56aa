'use client';

import { useEffect, useState } from 'react';
import type { Scenario } from '@/lib/scenarios/schema';
import { parseScenarioList } from '@/lib/scenarios/validate';

/** Scenarios passed by a server page, or else fetched once from /api/scenarios (static JSON). */
export function useScenarios(given?: Scenario[]): { scenarios: Scenario[] | null; error: string | null } {
  const [fetched, setFetched] = useState<Scenario[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given) return;
    let cancelled = false;
    fetch('/api/scenarios')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((json: unknown) => {
        if (cancelled) return;
        // The response is checked like the files were: the readable scenarios stay usable, the rest are named.
        const { scenarios, errors } = parseScenarioList(json);
        if (errors.length) console.warn(`시나리오를 일부 읽지 못했습니다:\n${errors.join('\n')}`);
        if (scenarios.length === 0 && errors.length) setError(`시나리오 목록을 읽지 못했습니다: ${errors[0]}`);
        else setFetched(scenarios);
      })
      .catch((e: unknown) => !cancelled && setError(`시나리오 목록을 불러오지 못했습니다: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      cancelled = true;
    };
  }, [given]);
  return { scenarios: given ?? fetched, error };
}
