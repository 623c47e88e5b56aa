'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { IDLE_RUNNER_STATE as IDLE, ScenarioRunner, type RunnerState } from '@/lib/scenarios/runner';
import { decodeShareLink, encodeShareLink } from '@/lib/scenarios/share-link';
import type { Scenario } from '@/lib/scenarios/schema';
import type { MachineWorld } from '@/lib/machines';
import { machineHost } from '@/lib/scenarios/machine-host';
import type { PlaygroundBus } from '@/lib/store/bus';

/** The runner's state, re-rendering on every change; idle without a runner. */
export function useRunnerState(runner: ScenarioRunner | null): RunnerState {
  return useSyncExternalStore(
    (cb) => runner?.subscribe(cb) ?? (() => {}),
    () => runner?.state() ?? IDLE,
    () => IDLE,
  );
}

/**
 * One ScenarioRunner per (client, seed, machines); in a bare-machines lab its machine lines go to the machines' shells,
 * and what they print to that machine's terminal (through `bus`). Opens the scenario and step named in the URL once (a
 * share link), and keeps the URL in step with the runner so a reload or a copied address bar lands on the same step.
 */
export function useScenarioRunner(client: ClusterClient | null, seed: number, scenarios: Scenario[] | null, machines: MachineWorld | null = null, bus?: PlaygroundBus) {
  const runner = useMemo(() => {
    if (!client) return null;
    const host = machines ? machineHost(machines, client, (machine, { label, output }) => bus?.showMachineLine({ machine, label, output })) : undefined;
    return new ScenarioRunner({ client, seed, machines: host });
  }, [client, seed, machines, bus]);
  useEffect(() => () => runner?.dispose(), [runner]);

  const state = useRunnerState(runner);

  useEffect(() => {
    if (!runner || !scenarios || client?.mode === 'replay') return;
    const link = decodeShareLink(window.location.search);
    const scenario = link.scenario ? scenarios.find((s) => s.id === link.scenario) : undefined;
    if (scenario) void runner.load(scenario, link.step ?? 0);
  }, [runner, scenarios, client]);

  useEffect(() => {
    if (!state.scenario || state.phase === 'preparing' || client?.mode === 'replay') return;
    const next = encodeShareLink({ seed, scenario: state.scenario.id, step: state.step, present: decodeShareLink(window.location.search).present }, window.location.href);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  }, [state.scenario, state.step, state.phase, seed, client]);

  return { runner, state };
}
