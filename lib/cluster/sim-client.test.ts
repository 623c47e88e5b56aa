import { afterEach, describe, expect, it, vi } from 'vitest';
import type { V1Node, V1Pod } from '../k8s/types';
import { SimClient } from './sim-client';

const readyStatus = (c: SimClient, node: string) =>
  (c.cached().get(`Node//${node}`) as V1Node | undefined)?.status?.conditions?.find((x) => x.type === 'Ready')?.status;

afterEach(() => {
  vi.useRealTimers();
});

describe('SimClient clock: one clock for every view', () => {
  it('offers speeds up to 60× and tells every view when play or speed changes', () => {
    const c = new SimClient({ autoplay: false });
    const seen: string[] = [];
    c.time.onChange!(() => seen.push(`${c.time.playing()}@${c.time.speed()}`));
    c.time.setSpeed(60);
    c.time.setSpeed(500);
    c.time.setPlaying(true);
    c.time.setPlaying(false);
    expect(seen).toEqual(['false@60', 'false@60', 'true@60', 'false@60']);
    c.dispose();
  });

  it('paced time moves in whole quanta with a check after each, then runs freely once the check is met', () => {
    const c = new SimClient({ autoplay: false });
    const start = c.time.now();
    const checkedAt: number[] = [];
    c.time.pace!(250, () => {
      checkedAt.push(c.time.now() - start);
      return checkedAt.length === 2;
    });
    c.time.step(100); // less than a quantum: earned, not spent
    expect(checkedAt).toEqual([]);
    c.time.step(1000);
    expect(checkedAt).toEqual([250, 500]);
    expect(c.time.now() - start).toBe(1100);
    c.dispose();
  });

  it('a hold keeps simulated time still while the clock keeps saying it plays', async () => {
    vi.useFakeTimers();
    const c = new SimClient({ tickMs: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    const release = c.time.hold!();
    const held = c.time.now();
    await vi.advanceTimersByTimeAsync(2000);
    expect(c.time.now()).toBe(held);
    expect(c.time.playing()).toBe(true);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.time.now()).toBeGreaterThan(held);
    c.dispose();
  });
});

describe('SimClient live play and the wall clock', () => {
  it('a wall clock that steps back (NTP, a changed system time) moves no simulated time and throws nothing', async () => {
    vi.useFakeTimers();
    const c = new SimClient({ tickMs: 100 });
    await vi.advanceTimersByTimeAsync(500);
    const before = c.time.now();
    vi.setSystemTime(Date.now() - 60_000);
    await vi.advanceTimersByTimeAsync(100); // one tick sees a negative elapsed time
    expect(c.time.now()).toBe(before);
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.time.now()).toBeGreaterThan(before);
    c.dispose();
  });
});

describe('SimClient skip ahead ("다음 사건으로")', () => {
  it('jumps to the node going NotReady, then to the eviction of its pods', async () => {
    const c = new SimClient({ autoplay: false });
    await c.ready;
    c.advance(60_000);
    c.engine().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } } as never);
    c.advance(30_000);
    await c.failures.failNode('worker-1');
    // kube-controller-manager --node-monitor-grace-period defaults to 50s (40s before 1.32, kubernetes PR #126287):
    // https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
    const first = c.time.skipToNextEvent!();
    expect(first).toEqual({ skippedMs: 50_000, changed: true });
    expect(readyStatus(c, 'worker-1')).toBe('Unknown');
    // The DefaultTolerationSeconds admission plugin gives pods 300 s of toleration for the unreachable taint:
    // https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
    let skipped = 0;
    while (!c.cached().get('Pod/default/p')?.metadata?.deletionTimestamp && skipped < 400_000) skipped += c.time.skipToNextEvent!()?.skippedMs ?? Infinity;
    expect(skipped).toBe(300_000);
    c.dispose();
  });

  it("skips past the other kubelets' 5-minute node status reports: they are routine, not the next event", async () => {
    // kubernetes.io/docs/concepts/architecture/nodes/#node-heartbeats: an unchanged node status is posted again every
    // 5 minutes (the kubelet's nodeStatusReportFrequency); the eviction comes 300 s after the taint
    const c = new SimClient({ autoplay: false });
    await c.ready;
    c.advance(60_000);
    c.engine().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } } as never);
    // a probe that keeps passing: a due timer every 10 s that changes nothing, which the jump passes over
    const probe = { httpGet: { path: '/', port: 80 }, periodSeconds: 10 };
    c.engine().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q', namespace: 'default' }, spec: { nodeName: 'worker-2', containers: [{ name: 'c', image: 'nginx', readinessProbe: probe }] } } as never);
    c.advance(30_000);
    expect((c.cached().get('Pod/default/q') as V1Pod | undefined)?.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    await c.failures.failNode('worker-1');
    expect(c.time.skipToNextEvent!()).toEqual({ skippedMs: 50_000, changed: true });
    const beat = () => (c.engine().get('Node', 'worker-2') as V1Node).status!.conditions!.find((x) => x.type === 'Ready')!.lastHeartbeatTime;
    const before = beat();
    expect(c.time.skipToNextEvent!()).toEqual({ skippedMs: 300_000, changed: true });
    expect(c.cached().get('Pod/default/p')?.metadata?.deletionTimestamp).toBeDefined();
    expect(beat()).not.toBe(before);
    c.dispose();
  });

  it('says so when nothing is scheduled, and moves no time', async () => {
    const c = new SimClient({ autoplay: false });
    await c.ready;
    c.advance(600_000);
    const now = c.time.now();
    while (c.engine().nextDueAt() !== undefined) c.advance(60_000);
    const idle = c.time.now();
    expect(idle).toBeGreaterThanOrEqual(now);
    expect(c.time.skipToNextEvent!()).toBeNull();
    expect(c.time.now()).toBe(idle);
    c.dispose();
  });

  it('while a scenario step waits, the jump goes quantum by quantum so every check still runs', async () => {
    const c = new SimClient({ autoplay: false });
    await c.ready;
    c.advance(60_000);
    await c.failures.failNode('worker-2');
    let checks = 0;
    c.time.pace!(250, () => {
      checks++;
      return readyStatus(c, 'worker-2') === 'Unknown';
    });
    expect(c.time.skipToNextEvent!()).toEqual({ skippedMs: 50_000, changed: true });
    expect(checks).toBe(200);
    c.dispose();
  });
});
