/**
 * Content test for content/scenarios/*.yaml: every file validates, every kubectl line parses, the six required
 * stories exist, every scenario actually reaches its last checkpoint on the simulator, and what every step's
 * narration claims holds on the engine at that step's checkpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKubectl } from '@/lib/kubectl/parse';
import { loadScenarios, scenarioFiles } from '@/lib/scenarios/catalog';
import { parseScenario } from '@/lib/scenarios/validate';
import { ScenarioRunner } from '@/lib/scenarios/runner';
import { falseClaims } from '@/lib/scenarios/claims';
import { SimClient } from '@/lib/cluster/sim-client';
import { createBareLab } from '@/lib/machines/bare-lab';
import { machineHost } from '@/lib/scenarios/machine-host';
import type { Scenario } from '@/lib/scenarios/schema';

/** The scenario's cluster: the default one, or bare machines for a `machines: true` scenario (with its shells). */
function scenarioClient(scenario: Scenario) {
  if (!scenario.machines) return { client: new SimClient({ seed: 1, autoplay: false }), machines: undefined };
  const { client, world } = createBareLab({ seed: 1, autoplay: false });
  return { client, machines: machineHost(world, client) };
}

const DIR = path.join(process.cwd(), 'content', 'scenarios');
const REQUIRED = ['rolling-update', 'self-healing', 'node-failure', 'bad-image-rollback', 'scaling', 'service-selector-mismatch'];

describe('scenario files', () => {
  const files = scenarioFiles();

  it('include the six required scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const id of REQUIRED) expect(files).toContain(`${id}.yaml`);
  });

  it.each(files)('%s validates', (file) => {
    const result = parseScenario(fs.readFileSync(path.join(DIR, file), 'utf8'), file.replace(/\.yaml$/, ''));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(files)('%s: every kubectl line parses', (file) => {
    const result = parseScenario(fs.readFileSync(path.join(DIR, file), 'utf8'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const lines = [...(result.value.setup ?? []), ...result.value.steps.flatMap((s) => (s.command ? [s.command] : []))];
    const failures = lines.flatMap((line) => {
      const parsed = parseKubectl(line);
      return parsed.ok ? [] : [`${line}: ${parsed.error}`];
    });
    expect(failures).toEqual([]);
  });

  it('have unique ids and orders', () => {
    const all = loadScenarios();
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.order)).size).toBe(all.length);
  });
});

describe('every scenario plays to its end on the simulator', () => {
  it.each(loadScenarios().map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const { client, machines } = scenarioClient(scenario);
    const runner = new ScenarioRunner({ client, seed: 1, machines });
    await runner.load(scenario, scenario.steps.length);
    const { phase, step, waitingFor, message, log } = runner.state();
    expect({ phase, step, waitingFor, message }).toEqual({ phase: 'finished', step: scenario.steps.length, waitingFor: [], message: null });
    // Every command and action succeeded, as kubectl would report it.
    expect(log.filter((l) => !l.ok).map((l) => `${l.label}: ${l.output}`)).toEqual([]);
    client.dispose();
  });
});

describe('narration tells the truth', () => {
  it.each(loadScenarios().map((s) => [s.id, s] as const))('%s: every step backs its narration with claims', (_id, scenario) => {
    expect(scenario.steps.filter((s) => !s.claims?.length).map((s) => s.title)).toEqual([]);
  });

  it.each(loadScenarios().map((s) => [s.id, s] as const))('%s: every claim holds at its step\'s checkpoint', async (_id, scenario) => {
    const { client, machines } = scenarioClient(scenario);
    const problems: string[] = [];
    let checked = 0;
    const runner = new ScenarioRunner({
      client,
      seed: 1,
      machines,
      onCheckpoint: (step, log) => {
        if (step === 0) return;
        const s = scenario.steps[step - 1];
        checked += s.claims?.length ?? 0;
        problems.push(...falseClaims(s, client.cached(), log.find((l) => l.step === step)?.output).map((p) => `${step}. ${s.title}: ${p}`));
      },
    });
    await runner.load(scenario, scenario.steps.length);
    expect(runner.state().phase).toBe('finished');
    expect(problems).toEqual([]);
    expect(checked).toBe(scenario.steps.reduce((n, s) => n + (s.claims?.length ?? 0), 0));
    client.dispose();
  });
});
