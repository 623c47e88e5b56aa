'use client';

import { useEffect, useState } from 'react';
import type { Scenario } from '@/lib/scenarios/schema';

/** Scenarios passed by a server page, or else fetched once from /api/scenarios (static JSON). */
export function useScenarios(given?: Scenario[]): { scenarios: Scenario[] | null; error: string | null } {
  const [fetched, setFetched] = useState<Scenario[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given) return;
    let cancelled = false;
    fetch('/api/scenarios')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((list: Scenario[]) => !cancelled && setFetched(list))
      .catch((e: unknown) => !cancelled && setError(`시나리오 목록을 불러오지 못했습니다: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      cancelled = true;
    };
  }, [given]);
  return { scenarios: given ?? fetched, error };
}
