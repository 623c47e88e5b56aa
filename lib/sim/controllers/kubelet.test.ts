import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Container, V1Node, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const pod = (name: string, container: Partial<V1Container>, restartPolicy?: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'app', image: 'nginx:1.25', ...container }] } }) as V1Pod;
const get = (sim: Simulator, name: string) => sim.get('Pod', name) as V1Pod;
const cs = (sim: Simulator, name: string) => get(sim, name).status!.containerStatuses![0];
const reasons = (sim: Simulator, name: string) =>
  (sim.list('Event', 'default', { fieldSelector: `involvedObject.name=${name}` }).items as CoreV1Event[]).map((e) => `${e.reason}: ${e.message}`);

describe('kubelet', () => {
  it('walks Pending → ContainerCreating → Running → Ready with the real events', () => {
    const sim = createSimulator({ seed: 31 });
    const t = sim.timings();
    sim.create(pod('web', {}));
    sim.advance(t.schedule);
    expect(get(sim, 'web').status!.phase).toBe('Pending');
    expect(cs(sim, 'web').state!.waiting!.reason).toBe('ContainerCreating');
    const ip = get(sim, 'web').status!.podIP!;
    const node = sim.get('Node', get(sim, 'web').spec!.nodeName!) as V1Node;
    expect(ip.startsWith(node.spec!.podCIDR!.replace(/\.0\/24$/, '.'))).toBe(true);
    expect(get(sim, 'web').status!.hostIP).toBe(node.status!.addresses![0].address);
    sim.advance(t.imagePull + t.containerStart - 1);
    expect(get(sim, 'web').status!.phase).toBe('Pending');
    sim.advance(1);
    // no readiness probe: ready in the same status that reports Running (1/1 Running, never 0/1 Running) —
    // pkg/kubelet/prober/prober_manager.go UpdatePodStatus (no readiness worker → ready); pod-lifecycle docs: "If a
    // container does not provide a readiness probe, the default state is Success"
    expect(get(sim, 'web').status!.phase).toBe('Running');
    expect(cs(sim, 'web').ready).toBe(true);
    expect(get(sim, 'web').status!.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(reasons(sim, 'web').map((r) => r.split(':')[0])).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    // a second pod on a node that has the image does not pull again
    sim.create({ ...(pod('web2', {}) as V1Pod), spec: { nodeName: get(sim, 'web').spec!.nodeName, containers: [{ name: 'app', image: 'nginx:1.25' }] } } as KubeObject);
    sim.advance(2_000);
    expect(reasons(sim, 'web2')).toContain('Pulled: Container image "nginx:1.25" already present on machine');
  });

  it('writes Running and Ready as one status (no 0/1 Running step); a lesson that sets readinessDelay still gets one', () => {
    // the kubelet's status for a probe-less container that has just started carries ready=true (prober_manager.go
    // UpdatePodStatus), so a watcher sees ContainerCreating → 1/1 Running: bind, ContainerCreating, Running = 3 writes
    const sim = createSimulator({ seed: 32 });
    const t = sim.timings();
    const seen: string[] = [];
    sim.subscribe((batch) => {
      for (const ev of batch)
        if (ev.kind === 'Pod' && ev.object.metadata!.name === 'solo') seen.push(`${ev.type} ${(ev.object as V1Pod).status?.phase ?? '-'} ${(ev.object as V1Pod).status?.containerStatuses?.[0]?.ready ?? '-'}`);
    });
    sim.create(pod('solo', {}));
    sim.advance(t.schedule + t.imagePull + t.containerStart + 5_000);
    expect(seen).toEqual(['ADDED Pending -', 'MODIFIED Pending -', 'MODIFIED Pending false', 'MODIFIED Running true']);

    const slow = createSimulator({ seed: 32, timings: { readinessDelay: 2_000 } });
    slow.create(pod('solo', {}));
    slow.advance(t.schedule + t.imagePull + t.containerStart);
    expect(cs(slow, 'solo').ready).toBe(false);
    slow.advance(2_000);
    expect(cs(slow, 'solo').ready).toBe(true);
  });

  it('reports ErrImagePull then ImagePullBackOff with a doubling back-off', () => {
    const sim = createSimulator({ seed: 32 });
    sim.create(pod('bad', { image: 'nginx:1.99' }));
    sim.advance(2_000);
    expect(cs(sim, 'bad').state!.waiting!.reason).toBe('ErrImagePull');
    expect(reasons(sim, 'bad')).toContain(
      'Failed: Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    );
    sim.advance(1_000);
    expect(cs(sim, 'bad').state!.waiting!.reason).toBe('ImagePullBackOff');
    expect(reasons(sim, 'bad')).toContain('BackOff: Back-off pulling image "nginx:1.99"');
    // retries at 10 s, then 20 s: count Pulling events over time
    const pulls = () => (sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=bad,reason=Pulling' }).items[0] as CoreV1Event).count;
    expect(pulls()).toBe(1);
    sim.advance(10_000);
    expect(pulls()).toBe(2);
    sim.advance(12_000);
    expect(pulls()).toBe(2);
    sim.advance(12_000);
    expect(pulls()).toBe(3);
    expect(get(sim, 'bad').status!.phase).toBe('Pending');
  });

  // pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff) with staging/src/k8s.io/client-go/util/flowcontrol/backoff.go:
  // no back-off entry → restart at once and create one (backOffPeriod 10 s, pkg/kubelet/kubelet.go); every later
  // crash waits the entry, which doubles on each restart up to MaxContainerBackOff (5 min).
  it('restarts a crashing container at once the first time, then after 10 s doubling, capped at 5 min', () => {
    const sim = createSimulator({ seed: 33 });
    sim.create(pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }));
    const restartsAt: number[] = [];
    let last = 0;
    const start = sim.now();
    for (let t = 0; t < 20 * 60_000; t += 500) {
      sim.advance(500);
      const n = cs(sim, 'crash').restartCount ?? 0;
      if (n > last) restartsAt.push(sim.now() - start);
      last = n;
    }
    // pull 3 s + start 1 s + run 0.5 s, then the first restart follows the exit without a back-off
    expect(restartsAt[0]).toBeLessThanOrEqual(6_000);
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]);
    // each gap = back-off + the container's 0.5 s run
    const backoffs = gaps.map((g) => Math.round(g / 10_000) * 10);
    expect(backoffs.slice(0, 6)).toEqual([10, 20, 40, 80, 160, 300]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000 + 2_000);
    const status = cs(sim, 'crash');
    expect(status.lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(reasons(sim, 'crash').some((r) => r.startsWith('BackOff: Back-off restarting failed container app in pod crash_default('))).toBe(true);
    expect(get(sim, 'crash').status!.phase).toBe('Running');
  });

  it('shows the back-off the kubelet waits in the CrashLoopBackOff message: 10s after the second crash', () => {
    const sim = createSimulator({ seed: 38 });
    sim.create(pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }));
    sim.advance(6_000); // first exit and its immediate restart
    expect(cs(sim, 'crash').restartCount).toBe(1);
    sim.advance(2_000); // second exit: now in back-off
    expect(cs(sim, 'crash').state!.waiting).toMatchObject({ reason: 'CrashLoopBackOff' });
    expect(cs(sim, 'crash').state!.waiting!.message).toMatch(/^back-off 10s restarting failed container=app pod=crash_default\(/);
  });

  // flowcontrol/backoff.go hasExpired: an entry not updated for 2 × MaxContainerBackOff (10 min) when the container
  // finishes is stale, so a container that ran 10 minutes restarts at once again.
  it('resets the back-off after the container ran 10 minutes', () => {
    const sim = createSimulator({ seed: 39 });
    sim.create(pod('long', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 700; exit 1'] }));
    sim.advance(5_000 + 700_000 + 2_000); // first exit at ~704.5 s, restarted at once
    expect(cs(sim, 'long').restartCount).toBe(1);
    sim.advance(700_000 + 2_000); // ran 700 s > 600 s since the restart: no CrashLoopBackOff wait
    expect(cs(sim, 'long').restartCount).toBe(2);
    expect(cs(sim, 'long').state!.running).toBeDefined();
    expect(reasons(sim, 'long').some((r) => r.startsWith('BackOff:'))).toBe(false);
  });

  it('finishes pods with restartPolicy Never as Succeeded or Failed', () => {
    const sim = createSimulator({ seed: 34 });
    sim.create(pod('ok', { image: 'busybox:1.36', command: ['echo', 'hi'] }, 'Never'));
    sim.create(pod('ko', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }, 'Never'));
    sim.advance(10_000);
    expect(get(sim, 'ok').status!.phase).toBe('Succeeded');
    expect(cs(sim, 'ok').state!.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(get(sim, 'ko').status!.phase).toBe('Failed');
    expect(cs(sim, 'ko').state!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('crashes a database without its required env, runs it with', () => {
    const sim = createSimulator({ seed: 35 });
    sim.create(pod('db', { image: 'mysql:8.0' }));
    sim.create(pod('db2', { image: 'mysql:8.0', env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'pw' }] }));
    sim.advance(30_000);
    expect(cs(sim, 'db').restartCount).toBeGreaterThan(0);
    expect(cs(sim, 'db2').restartCount).toBe(0);
    expect(cs(sim, 'db2').ready).toBe(true);
  });

  it('stops containers on delete with a Killing event, then the pod disappears', () => {
    const sim = createSimulator({ seed: 36 });
    sim.create(pod('web', {}));
    sim.advance(10_000);
    sim.delete('Pod', 'web');
    sim.advance(100);
    expect(reasons(sim, 'web')).toContain('Killing: Stopping container app');
    sim.advance(sim.timings().terminationGrace);
    expect(() => sim.get('Pod', 'web')).toThrow('pods "web" not found');
  });

  it('restarts a container whose image was changed on the pod', () => {
    const sim = createSimulator({ seed: 37 });
    sim.create(pod('web', {}));
    sim.advance(10_000);
    sim.patch('Pod', 'web', 'default', { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }, 'strategic');
    sim.advance(10_000);
    expect(cs(sim, 'web')).toMatchObject({ image: 'docker.io/library/nginx:1.27', restartCount: 1, ready: true });
    expect(reasons(sim, 'web')).toContain('Killing: Container app definition changed, will be restarted');
  });

  it('keeps the finished instance in lastState from the first restart on', () => {
    // kubelet_pods.go convertToAPIContainerStatuses: lastTerminationState is the previous instance's state
    const sim = createSimulator({ seed: 40 });
    sim.create(pod('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 3'] }));
    sim.advance(4_200 + 2_000 + 1_500);
    expect(cs(sim, 'crash').restartCount).toBe(1);
    expect(cs(sim, 'crash').lastState!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });
});
