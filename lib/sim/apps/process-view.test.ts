/**
 * appProcessView implements PROBE-CONTRACT.md from the application model. Probe semantics it serves: TCP
 * connect accepted/refused, HTTP status (200–399 success), exec exit code
 * (https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/);
 * memory over the limit → OOMKilled (https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/).
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { appProcessView } from './process-view';

const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const MiB = 1024 * 1024;
const podWith = (c: V1Container, name = 'web-1'): V1Pod => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [c] },
  status: { podIP: '10.244.1.9', containerStatuses: [{ name: c.name, image: c.image!, imageID: '', ready: false, restartCount: 0, state: { running: { startedAt: new Date(T0).toISOString() } } }] },
});
const view = (c: V1Container, name?: string) => appProcessView(podWith(c, name), c);

describe('appProcessView', () => {
  it('nginx: port 80 refuses until ready, then / answers the welcome page and unknown paths 404', () => {
    const v = view({ name: 'web', image: 'nginx:1.27' });
    expect(v.startedAt).toBe(T0);
    expect(v.tcpOpen(80, T0)).toBe(false);
    expect(v.httpGet('/', 80, T0)).toBeNull();
    expect(v.tcpOpen(80, T0 + 1000)).toBe(true);
    expect(v.tcpOpen(8080, T0 + 1000)).toBe(false);
    const page = v.httpGet('/', 80, T0 + 1000)!;
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Welcome to nginx!</title>');
    expect(v.httpGet('/nope', 80, T0 + 1000)!.status).toBe(404);
  });

  it('kubelab/hello:1.0 answers with its pod name and version; 2.0-slow only after 20 s', () => {
    expect(view({ name: 'h', image: 'kubelab/hello:1.0' }, 'hello-abc').httpGet('/', 8080, T0 + 2000)).toEqual({ status: 200, body: 'Hello from hello-abc (version 1.0)\n' });
    const slow = view({ name: 'h', image: 'kubelab/hello:2.0-slow' });
    expect(slow.httpGet('/ready', 8080, T0 + 19_000)).toBeNull();
    expect(slow.httpGet('/ready', 8080, T0 + 20_000)!.status).toBe(200);
  });

  it('kubelab/hello:3.0-broken: /healthz is fine at first, then 500 for good', () => {
    const v = view({ name: 'h', image: 'kubelab/hello:3.0-broken' });
    expect(v.httpGet('/healthz', 8080, T0 + 5000)!.status).toBe(200);
    expect(v.httpGet('/healthz', 8080, T0 + 10_000)!.status).toBe(500);
    expect(v.httpGet('/', 8080, T0 + 60_000)!.status).toBe(200);
  });

  it('a container whose process exited listens no more (kubelab/crasher after 30 s)', () => {
    const v = view({ name: 'c', image: 'kubelab/crasher' });
    expect(v.tcpOpen(8080, T0 + 29_000)).toBe(true);
    expect(v.tcpOpen(8080, T0 + 30_000)).toBe(false);
  });

  it('exec runs through the container shell with its env and files', () => {
    const v = view({ name: 'b', image: 'busybox', command: ['sleep', 'infinity'], env: [{ name: 'MODE', value: 'ready' }] });
    expect(v.exec(['cat', '/etc/hostname'], T0 + 1000)).toEqual({ exitCode: 0, output: 'web-1\n' });
    expect(v.exec(['sh', '-c', 'test "$MODE" = ready'], T0 + 1000).exitCode).toBe(0);
    expect(v.exec(['sh', '-c', 'test -f /tmp/healthy'], T0 + 1000).exitCode).toBe(1);
    expect(v.exec(['nosuch'], T0).exitCode).toBe(126);
    // no shell in the pause image
    expect(view({ name: 'p', image: 'registry.k8s.io/pause:3.10' }).exec(['sh', '-c', 'true'], T0).exitCode).toBe(126);
  });

  it('memory: idle for a server, growing each second for kubelab/leaky, held at --vm-bytes for stress', () => {
    const web = view({ name: 'web', image: 'nginx' });
    expect(web.memoryBytes(T0 + 3_600_000)).toBe(web.memoryBytes(T0 + 1000));
    const leaky = view({ name: 'l', image: 'kubelab/leaky:1.0' }) as ReturnType<typeof view> & { nextMemoryChange(now: number): number | undefined };
    expect(leaky.memoryBytes(T0 + 10_000) - leaky.memoryBytes(T0)).toBe(40 * MiB);
    expect(leaky.nextMemoryChange(T0 + 1500)).toBe(T0 + 2000);
    const stress = view({ name: 's', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }) as typeof leaky;
    expect(stress.memoryBytes(T0 + 5000)).toBeGreaterThan(150 * MiB);
    expect(stress.nextMemoryChange(T0 + 5000)).toBeUndefined();
    expect((web as typeof leaky).nextMemoryChange(T0)).toBeUndefined();
  });
});
