import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScenarioRunner, type RunnerState } from './runner';
import { fakeCluster, fakeObject, type FakeCluster } from './fake-cluster';
import type { Scenario } from './schema';
import type { KubectlRunner } from './step-actions';

/** kubectl stub: `kubectl scale N` schedules N ready pods after 1 s of simulated time. */
function stubKubectl(cluster: FakeCluster, ran: string[]): KubectlRunner {
  return async (line) => {
    ran.push(line);
    const m = /scale (\d+)/.exec(line);
    if (m) {
      const n = Number(m[1]);
      cluster.later(1000, () => {
        for (let i = 0; i < n; i++) cluster.put('Pod', fakeObject('Pod', `web-${i}`, { metadata: { labels: { app: 'web' } }, status: { phase: 'Running' } }));
      });
    }
    return { output: `ran ${line}\n`, ok: !line.includes('fail') };
  };
}

const scenario: Scenario = {
  id: 'demo',
  order: 1,
  title: '데모',
  summary: '데모',
  setup: ['kubectl scale 1'],
  ready: [{ kind: 'Pod', labelSelector: 'app=web', count: 1 }],
  steps: [
    { title: '늘리기', narration: '늘립니다', command: 'kubectl scale 3', waitFor: [{ kind: 'Pod', labelSelector: 'app=web', count: 3 }] },
    { title: '보기', narration: '봅니다', command: 'kubectl get pods' },
    { title: '지우기', narration: '지웁니다', action: { type: 'deletePod', labelSelector: 'app=web' }, waitFor: [{ kind: 'Pod', labelSelector: 'app=web', count: 2 }] },
  ],
};

const clusters: FakeCluster[] = [];

function setup(mode: 'sim' | 'live' = 'sim', writable = true) {
  const cluster = fakeCluster({ mode, writable });
  clusters.push(cluster);
  const ran: string[] = [];
  const runner = new ScenarioRunner({ client: cluster, seed: 7, kubectl: stubKubectl(cluster, ran), quantumMs: 250, pollMs: 500, autoAdvanceDelayMs: 1000 });
  return { cluster, ran, runner };
}

afterEach(() => {
  for (const c of clusters.splice(0)) c.dispose();
  vi.useRealTimers();
});

describe('ScenarioRunner on the simulator', () => {
  it('resets from the seed and fast-forwards to a step in whole quanta', async () => {
    const { cluster, ran, runner } = setup();
    await runner.load(scenario, 2);
    expect(cluster.resets).toEqual([7]);
    expect(ran).toEqual(['kubectl scale 1', 'kubectl scale 3', 'kubectl get pods']);
    expect(cluster.stepsTaken.every((ms) => ms === 250)).toBe(true);
    expect(runner.state()).toMatchObject({ step: 2, phase: 'stepDone' });
    expect(runner.state().log.map((l) => l.step)).toEqual([1, 2]);
  });

  it('takes the same quanta every time it replays the same steps', async () => {
    const a = setup();
    const b = setup();
    await a.runner.load(scenario, 3);
    await b.runner.load(scenario, 3);
    expect(a.cluster.stepsTaken).toEqual(b.cluster.stepsTaken);
    expect([...a.cluster.cached().keys()]).toEqual([...b.cluster.cached().keys()]);
    expect(a.runner.state().phase).toBe('finished');
  });

  it('deletes the first pod by name for a deletePod action', async () => {
    const { cluster, runner } = setup();
    await runner.load(scenario, 3);
    expect([...cluster.cached().keys()].sort()).toEqual(['Pod/default/web-1', 'Pod/default/web-2']);
  });

  it('plays a step live on the client\'s own clock: whole quanta until the condition holds, then free play', async () => {
    vi.useFakeTimers();
    const { cluster, runner } = setup();
    await runner.load(scenario, 0);
    const start = cluster.time!.now();
    await runner.next();
    expect(runner.state().phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runner.state()).toMatchObject({ step: 1, phase: 'stepDone' });
    // The wait: 1 s of simulated time in 250 ms quanta, checked after each — as when fast-forwarded.
    const waitSteps = cluster.stepsTaken.slice(-4);
    expect(waitSteps).toEqual([250, 250, 250, 250]);
    expect(cluster.time!.now() - start).toBe(1000);
    // After the checkpoint the same clock keeps playing, so the instructor's own commands still take effect.
    expect(cluster.time!.playing()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(cluster.time!.now() - start).toBe(2000);
  });

  it('a step with minWaitMs reaches its checkpoint after that much simulated time, live and fast-forwarded alike', async () => {
    vi.useFakeTimers();
    const watching: Scenario = { ...scenario, steps: [{ title: '지켜보기', narration: '요청이 흐르는 것을 지켜봅니다', command: 'kubectl get pods', minWaitMs: 2000 }, scenario.steps[1]] };
    const live = setup();
    await live.runner.load(watching, 0);
    const start = live.cluster.time!.now();
    await live.runner.next();
    await vi.advanceTimersByTimeAsync(1000);
    expect(live.runner.state()).toMatchObject({ step: 1, phase: 'waiting', waitingFor: ['1초 더 지켜보는 중'] });
    await vi.advanceTimersByTimeAsync(1000);
    expect(live.runner.state()).toMatchObject({ step: 1, phase: 'stepDone' });
    expect(live.cluster.time!.now() - start).toBe(2000);
    const fast = setup();
    await fast.runner.load(watching, 2);
    expect(fast.runner.state().phase).toBe('finished');
    expect(fast.cluster.stepsTaken.slice(-8)).toEqual(Array(8).fill(250));
    expect(fast.cluster.time!.now() - live.cluster.time!.now()).toBe(0);
  });

  it('leaves the clock playing at every checkpoint it fast-forwards to, the last one included', async () => {
    const { cluster, runner } = setup();
    await runner.load(scenario, 1);
    expect(cluster.time!.playing()).toBe(true);
    await runner.load(scenario, scenario.steps.length);
    expect(runner.state().phase).toBe('finished');
    expect(cluster.time!.playing()).toBe(true);
    // Paused only while preparing: false, then true, per load.
    expect(cluster.playLog).toEqual([false, true, false, true]);
  });

  it('a step started with the clock paused waits for it: nothing moves until play or a manual step', async () => {
    vi.useFakeTimers();
    const { cluster, runner } = setup();
    await runner.load(scenario, 0);
    cluster.time!.setPlaying(false);
    await runner.next();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runner.state().phase).toBe('waiting');
    expect(cluster.time!.playing()).toBe(false);
    cluster.time!.step(1000);
    expect(runner.state()).toMatchObject({ step: 1, phase: 'stepDone' });
  });

  it('a step\'s command runs at one simulated instant even while the clock plays', async () => {
    vi.useFakeTimers();
    const { cluster, runner } = setup();
    await runner.load(scenario, 0);
    let timeDuringCommand: number[] = [];
    const slowKubectl = new ScenarioRunner({
      client: cluster,
      seed: 7,
      quantumMs: 250,
      kubectl: async () => {
        timeDuringCommand.push(cluster.time!.now());
        await new Promise((r) => setTimeout(r, 1000));
        timeDuringCommand.push(cluster.time!.now());
        return { output: '', ok: true };
      },
    });
    timeDuringCommand = [];
    const running = slowKubectl.next();
    await vi.advanceTimersByTimeAsync(1500);
    await running;
    expect(timeDuringCommand[0]).toBe(timeDuringCommand[1]);
  });

  it('previous() replays to the earlier checkpoint; Space pauses the one clock mid-step', async () => {
    vi.useFakeTimers();
    const { cluster, runner } = setup();
    await runner.load(scenario, 0);
    await runner.next();
    runner.togglePlay();
    expect(cluster.time!.playing()).toBe(false);
    const frozenAt = cluster.stepsTaken.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(cluster.stepsTaken.length).toBe(frozenAt);
    expect(runner.state().phase).toBe('waiting');
    runner.togglePlay();
    await vi.advanceTimersByTimeAsync(2000);
    expect(runner.state().phase).toBe('stepDone');
    await runner.previous();
    expect(runner.state()).toMatchObject({ step: 0, phase: 'ready' });
    expect(cluster.resets).toEqual([7, 7]);
  });

  it('auto-play walks through every step', async () => {
    vi.useFakeTimers();
    const { runner } = setup();
    const phases: RunnerState['phase'][] = [];
    runner.subscribe((s) => phases.push(s.phase));
    await runner.load(scenario, 0);
    runner.setAutoPlay(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runner.state()).toMatchObject({ step: 3, phase: 'finished' });
    expect(phases).toContain('waiting');
  });

  it('stop() leaves the scenario mid-step and hands the clock back unpaced', async () => {
    vi.useFakeTimers();
    const { cluster, runner } = setup();
    await runner.load(scenario, 0);
    await runner.next();
    cluster.time!.setPlaying(false);
    runner.stop();
    expect(cluster.time!.playing()).toBe(true);
    expect(runner.state()).toMatchObject({ scenario: null, phase: 'idle' });
    const before = cluster.stepsTaken.length;
    await vi.advanceTimersByTimeAsync(300);
    // Free play again: 100 ms ticks, not 250 ms quanta.
    expect(cluster.stepsTaken.slice(before)).toEqual([100, 100, 100]);
  });

  it('reports a timeout with what it was waiting for', async () => {
    const { runner } = setup();
    const stuck: Scenario = { ...scenario, steps: [{ title: '대기', narration: '대기', waitFor: [{ kind: 'Service', name: 'nope' }], timeoutMs: 1000 }] };
    await runner.load(stuck, 1);
    expect(runner.state().phase).toBe('timeout');
    expect(runner.state().waitingFor[0]).toContain('서비스 nope');
  });
});

describe('ScenarioRunner on a real cluster', () => {
  it('shows a write step without running it while writes are locked, runs it once unlocked', async () => {
    vi.useFakeTimers();
    const { cluster, ran, runner } = setup('live', false);
    await runner.load(scenario, 0);
    expect(cluster.resets).toEqual([]);
    await runner.next();
    expect(runner.state()).toMatchObject({ step: 1, phase: 'blocked' });
    expect(ran).toEqual([]);
    await runner.runBlocked();
    expect(ran).toEqual([]);
    cluster.writable = true;
    await runner.runBlocked();
    expect(ran).toEqual(['kubectl scale 3']);
    expect(runner.state().phase).toBe('waiting');
  });

  it('refuses to run on a replayed recording', async () => {
    const { runner } = setup();
    const replay = new ScenarioRunner({ client: { ...fakeCluster(), mode: 'replay' }, seed: 1 });
    await replay.load(scenario);
    expect(replay.state().phase).toBe('error');
    expect(runner.state().phase).toBe('idle');
  });
});
