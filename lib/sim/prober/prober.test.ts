/**
 * Probes as the kubelet runs them. Sources:
 * - pkg/kubelet/prober/worker.go (doProbe: initial results, thresholds, startup gating, on hold after a kill)
 * - pkg/kubelet/prober/prober.go ("<Type> probe failed: <output>" Unhealthy events)
 * - pkg/probe/http/http.go, pkg/probe/tcp/tcp.go (outputs), pkg/kubelet/kuberuntime/kuberuntime_manager.go
 *   ("Container %s failed liveness probe, will be restarted")
 * - https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 * - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Container, V1Endpoints, V1Pod } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';

const pod = (name: string, container: Partial<V1Container>, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { ...extra, containers: [{ name: 'web', image: 'nginx:1.25', ...container }] } }) as V1Pod;
const get = (sim: Simulator, name: string) => sim.get('Pod', name) as V1Pod;
const cs = (sim: Simulator, name: string) => get(sim, name).status!.containerStatuses![0];
const events = (sim: Simulator, name: string, reason: string) =>
  (sim.list('Event', 'default', { fieldSelector: `involvedObject.name=${name},reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message ?? '');
const condition = (sim: Simulator, name: string, type: string) => get(sim, name).status!.conditions!.find((c) => c.type === type)?.status;
/** schedule 0.2 s + pull 3 s + start 1 s: the container runs from 4.2 s */
const RUNNING_AT = 4_200;

describe('readiness probe', () => {
  it('a probe on a port nginx does not listen on keeps the pod 0/1 and its IP in notReadyAddresses', () => {
    const sim = createSimulator({ seed: 1 });
    sim.create(pod('web', { readinessProbe: { httpGet: { port: 8080 } } }));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject);
    sim.advance(60_000);
    const ip = get(sim, 'web').status!.podIP!;
    expect(get(sim, 'web').status!.phase).toBe('Running');
    expect(cs(sim, 'web').ready).toBe(false);
    expect(condition(sim, 'web', 'Ready')).toBe('False');
    expect(condition(sim, 'web', 'ContainersReady')).toBe('False');
    const subsets = (sim.get('Endpoints', 'web') as V1Endpoints).subsets!;
    expect(subsets[0].addresses ?? []).toEqual([]);
    expect(subsets[0].notReadyAddresses!.map((a) => a.ip)).toEqual([ip]);
    // every failed probe is an Unhealthy event (the correlator counts repeats); readiness never restarts
    expect(events(sim, 'web', 'Unhealthy')).toEqual([`Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`]);
    expect(cs(sim, 'web').restartCount).toBe(0);
    expect(events(sim, 'web', 'Killing')).toEqual([]);
  });

  it('the right port makes the pod Ready at the first probe after initialDelaySeconds, not before', () => {
    const sim = createSimulator({ seed: 2 });
    sim.create(pod('web', { readinessProbe: { httpGet: { port: 80, path: '/' }, initialDelaySeconds: 5 } }));
    sim.advance(RUNNING_AT + 4_900);
    // readiness starts as Failure for a new container (worker.go initialValue)
    expect(cs(sim, 'web').ready).toBe(false);
    sim.advance(200);
    expect(cs(sim, 'web').ready).toBe(true);
    expect(condition(sim, 'web', 'Ready')).toBe('True');
    expect(events(sim, 'web', 'Unhealthy')).toEqual([]);
  });

  it('successThreshold: ready only after that many successes in a row (period apart)', () => {
    const sim = createSimulator({ seed: 3 });
    sim.create(pod('web', { readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, successThreshold: 2 } }));
    sim.advance(RUNNING_AT + 4_000);
    expect(cs(sim, 'web').ready).toBe(false);
    sim.advance(1_500);
    expect(cs(sim, 'web').ready).toBe(true);
  });
});

describe('liveness probe', () => {
  it('fails failureThreshold times, the kubelet kills and restarts the container, then CrashLoopBackOff', () => {
    const sim = createSimulator({ seed: 4 });
    sim.create(pod('web', { livenessProbe: { httpGet: { port: 8080 }, periodSeconds: 5, failureThreshold: 3 } }));
    // probes at 0 s, 5 s, 10 s after start: the third failure kills
    sim.advance(RUNNING_AT + 9_900);
    expect(events(sim, 'web', 'Killing')).toEqual([]);
    sim.advance(200);
    const ip = get(sim, 'web').status!.podIP!;
    expect(events(sim, 'web', 'Unhealthy')).toEqual([`Liveness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`]);
    expect(events(sim, 'web', 'Killing')).toEqual(['Container web failed liveness probe, will be restarted']);
    // nginx handles SIGTERM: it stops within the grace period with exit code 0
    sim.advance(2_500);
    expect(cs(sim, 'web').state!.terminated).toMatchObject({ reason: 'Completed', exitCode: 0 });
    sim.advance(1_000);
    expect(cs(sim, 'web').restartCount).toBe(1);
    expect(cs(sim, 'web').state!.running).toBeDefined();
    expect(cs(sim, 'web').lastState!.terminated).toMatchObject({ reason: 'Completed', exitCode: 0 });
    // it keeps failing: the back-off grows and the container waits in CrashLoopBackOff
    sim.advance(60_000);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      sim.advance(2_000);
      seen.add(cs(sim, 'web').state!.waiting?.reason ?? '');
    }
    expect(seen).toContain('CrashLoopBackOff');
    expect(cs(sim, 'web').restartCount).toBeGreaterThanOrEqual(3);
  });

  it('a passing liveness probe never restarts anything', () => {
    const sim = createSimulator({ seed: 5 });
    sim.create(pod('web', { livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 1 } }));
    sim.advance(300_000);
    expect(cs(sim, 'web').restartCount).toBe(0);
    expect(cs(sim, 'web').ready).toBe(true);
    expect(events(sim, 'web', 'Unhealthy')).toEqual([]);
  });

  it('the docs exec example: cat /tmp/healthy fails once the file is removed; sleep ignores SIGTERM → exit 137 after the grace period', () => {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
    const sim = createSimulator({ seed: 6 });
    sim.create(
      pod('liveness-exec', {
        image: 'busybox:1.36',
        // the docs end with `sleep 600`; `sleep infinity` keeps this test about the probe, not the shell's exit
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep infinity'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      }),
    );
    sim.advance(RUNNING_AT + 29_000);
    expect(events(sim, 'liveness-exec', 'Unhealthy')).toEqual([]);
    sim.advance(16_000);
    expect(events(sim, 'liveness-exec', 'Unhealthy')).toEqual(["Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"]);
    expect(events(sim, 'liveness-exec', 'Killing')).toEqual(['Container web failed liveness probe, will be restarted']);
    // failures at 30 s, 35 s, 40 s after start; SIGKILL 30 s (terminationGracePeriodSeconds) after the Killing
    sim.advance(24_000);
    expect(cs(sim, 'liveness-exec').state!.running).toBeDefined();
    sim.advance(1_500);
    expect(cs(sim, 'liveness-exec').state!.terminated).toMatchObject({ reason: 'Error', exitCode: 137 });
  });
});

describe('startup probe', () => {
  it('holds liveness and readiness until it succeeds, then the container is started and ready', () => {
    const sim = createSimulator({ seed: 7 });
    sim.create(
      pod('db', {
        image: 'postgres:16',
        env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }],
        startupProbe: { tcpSocket: { port: 5432 }, periodSeconds: 2, failureThreshold: 10 },
        livenessProbe: { tcpSocket: { port: 9999 }, periodSeconds: 1, failureThreshold: 1 },
      }),
    );
    sim.advance(RUNNING_AT + 1_000);
    expect(cs(sim, 'db').started).toBe(false);
    expect(cs(sim, 'db').ready).toBe(false);
    // postgres listens after ~3 s: the startup probe at 0 s and 2 s fails, at 4 s it succeeds
    sim.advance(3_500);
    expect(cs(sim, 'db').started).toBe(true);
    expect(cs(sim, 'db').ready).toBe(true);
    expect(events(sim, 'db', 'Unhealthy')[0]).toMatch(/^Startup probe failed: dial tcp [\d.]+:5432: connect: connection refused$/);
    // only now does the (failing) liveness probe run
    expect(events(sim, 'db', 'Unhealthy').some((m) => m.startsWith('Liveness'))).toBe(true);
  });

  it('a startup probe that never succeeds kills the container ("failed startup probe")', () => {
    const sim = createSimulator({ seed: 8 });
    sim.create(pod('web', { startupProbe: { httpGet: { port: 8080 }, periodSeconds: 3, failureThreshold: 2 }, livenessProbe: { httpGet: { port: 8080 } } }));
    sim.advance(RUNNING_AT + 6_000);
    expect(events(sim, 'web', 'Killing')).toEqual(['Container web failed startup probe, will be restarted']);
    expect(events(sim, 'web', 'Unhealthy').every((m) => m.startsWith('Startup probe failed'))).toBe(true);
  });
});

describe('restartPolicy and probe kills', () => {
  it('OnFailure restarts a container killed by its liveness probe even though nginx exits 0; Never leaves it stopped', () => {
    // kuberuntime_manager.go computePodActions: a liveness failure restarts unless restartPolicy is Never
    const sim = createSimulator({ seed: 9 });
    const liveness = { tcpSocket: { port: 8080 }, periodSeconds: 2, failureThreshold: 1 };
    sim.create(pod('onfailure', { livenessProbe: liveness }, { restartPolicy: 'OnFailure' }));
    sim.create(pod('never', { livenessProbe: liveness }, { restartPolicy: 'Never' }));
    sim.advance(20_000);
    expect(cs(sim, 'onfailure').restartCount).toBeGreaterThanOrEqual(1);
    expect(get(sim, 'never').status!.phase).toBe('Succeeded');
    expect(cs(sim, 'never').restartCount).toBe(0);
  });
});
