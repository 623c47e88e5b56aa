/**
 * The promise of a share link: two browsers opening `?seed=S&scenario=X&step=N` end up with the same simulated
 * cluster — same pod names — because the runner replays steps 1..N in the same simulated-time quanta.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { SimClient } from '../cluster/sim-client';
import { ScenarioRunner } from './runner';
import { parseScenario } from './validate';
import type { Scenario } from './schema';

function scenario(id: string): Scenario {
  const r = parseScenario(fs.readFileSync(path.join(process.cwd(), 'content', 'scenarios', `${id}.yaml`), 'utf8'), id);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

function podNames(client: SimClient): string[] {
  return [...client.cached().keys()].filter((k) => k.startsWith('Pod/default/')).sort();
}

/** What a student's browser does on opening the link (after the page's own wall-clock play, which must not matter). */
async function openLink(seed: number, id: string, step: number, wallClockNoiseMs: number) {
  const client = new SimClient({ seed: 99, autoplay: false });
  client.time.step(wallClockNoiseMs);
  const runner = new ScenarioRunner({ client, seed });
  await runner.load(scenario(id), step);
  return { client, runner };
}

describe('share link reproduces the simulated cluster', () => {
  it('two runs from the same link have the same pod names', async () => {
    const a = await openLink(7, 'rolling-update', 2, 1234);
    const b = await openLink(7, 'rolling-update', 2, 98_765);
    expect(a.runner.state()).toMatchObject({ step: 2, phase: 'stepDone' });
    expect(podNames(a.client).length).toBeGreaterThanOrEqual(4);
    expect(podNames(a.client)).toEqual(podNames(b.client));
    expect(a.client.time.now()).toBe(b.client.time.now());
  });

  it('a different seed gives different pod names', async () => {
    const a = await openLink(7, 'self-healing', 2, 0);
    const b = await openLink(8, 'self-healing', 2, 0);
    expect(podNames(a.client)).not.toEqual(podNames(b.client));
  });

  it('the instructor playing a step live ends at the same cluster as a student fast-forwarding to it', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const live = await openLink(7, 'self-healing', 1, 0);
      // The live clock plays on after the checkpoint, so compare the cluster at the checkpoint itself.
      let atCheckpoint = '';
      live.runner.subscribe((s) => {
        if (s.phase === 'stepDone' && s.step === 2 && !atCheckpoint) atCheckpoint = live.client.engine().snapshot();
      });
      await live.runner.next();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(live.runner.state()).toMatchObject({ step: 2, phase: 'stepDone' });
      vi.useRealTimers();
      const student = await openLink(7, 'self-healing', 2, 5000);
      expect(podNames(student.client)).toEqual(podNames(live.client));
      // Byte-identical: same objects, same simulated time, same rng state, same timers.
      expect(atCheckpoint === student.client.engine().snapshot()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
