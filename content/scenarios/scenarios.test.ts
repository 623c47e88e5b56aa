/**
 * Content test for content/scenarios/*.yaml: every file validates, every kubectl line parses, the six required
 * stories exist, every scenario actually reaches its last checkpoint on the simulator, and what every step's
 * narration claims holds on the engine at that step's checkpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKubectl } from '@/lib/kubectl/parse';
import { isTerminalProgram } from '@/lib/kubectl';
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
const REQUIRED = ['rolling-update', 'self-healing', 'node-failure', 'bad-image-rollback', 'scaling', 'service-selector-mismatch', 'readiness-guards-rollout'];

describe('scenario files', () => {
  const files = scenarioFiles();

  it('include the required scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(REQUIRED.length);
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
    // `traffic …` is the load generator beside kubectl; the plays below run it for real
    const failures = lines.filter((line) => !isTerminalProgram(line)).flatMap((line) => {
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

// What the two traffic scenarios narrate about the chart as a whole (a `traffic status` claim sees only 10 s):
// a pod is Ready as soon as its container starts unless a readiness probe says otherwise, and only ready pods are
// endpoints (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/);
// a Service with no ready endpoint is REJECTed by kube-proxy (pkg/proxy/iptables/proxier.go).
describe('traffic the scenarios narrate', () => {
  async function play(id: string) {
    const scenario = loadScenarios().find((s) => s.id === id)!;
    const client = new SimClient({ seed: 1, autoplay: false });
    const at: number[] = [];
    const runner = new ScenarioRunner({ client, seed: 1, onCheckpoint: (step) => void (at[step] = client.time.now()) });
    await runner.load(scenario, scenario.steps.length);
    expect(runner.state().phase).toBe('finished');
    // whole seconds: the second a checkpoint falls in may already hold what the next steps caused
    const between = (from: number, to: number) => client.traffic!.between(at[from], Math.floor(at[to] / 1000) * 1000);
    return { client, between, at, step: (title: string) => scenario.steps.findIndex((s) => s.title === title) + 1 };
  }

  it('readiness-guards-rollout: the rollout without a probe loses requests, the one with it loses none and takes over a minute', async () => {
    const { client, between, at, step } = await play('readiness-guards-rollout');
    const noProbe = await between(step('프로브 없이 느린 버전으로 업데이트') - 1, step('앱이 뜰 때까지'));
    expect(noProbe.failed).toBeGreaterThan(0);
    const withProbe = await between(step('같은 업데이트를 다시') - 1, step('롤아웃이 끝날 때까지'));
    expect(withProbe).toMatchObject({ failed: 0 });
    expect(withProbe.sent).toBeGreaterThan(1000);
    expect(at[step('롤아웃이 끝날 때까지')] - at[step('같은 업데이트를 다시') - 1]).toBeGreaterThan(60_000); // "1분 넘게"
    client.dispose();
  });

  it('service-selector-mismatch: every request fails while the selector matches no pod, none once it is fixed', async () => {
    const { client, between, step } = await play('service-selector-mismatch');
    const broken = await between(step('요청 보내 보기') - 1, step('모든 요청이 실패하는 이유'));
    expect(broken.sent).toBeGreaterThan(0);
    expect(broken.failed).toBe(broken.sent);
    expect(await between(step('다시 요청 보내기'), step('이제는 모두 성공'))).toMatchObject({ failed: 0 });
    client.dispose();
  });
});
