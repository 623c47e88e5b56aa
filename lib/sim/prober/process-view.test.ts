/**
 * The provisional process view and one probe against it. Port defaults from the images' docs
 * (nginx 80, redis 6379, tomcat 8080, http-echo 5678); probe outputs from pkg/probe/http/http.go,
 * pkg/probe/tcp/tcp.go and pkg/probe/grpc/grpc.go; thresholds from pkg/kubelet/prober/worker.go.
 */
import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '../../k8s/api-types';
import { provisionalProcessView } from './process-view';
import { runProbe } from './probe';
import { countResult, resetWorker } from './worker';

const START = Date.parse('2025-01-15T00:00:10Z');
const running = (c: V1Container): V1Pod => ({ spec: { containers: [c] }, status: { podIP: '10.244.1.5', containerStatuses: [{ name: c.name, image: c.image!, imageID: '', ready: false, restartCount: 0, state: { running: { startedAt: new Date(START).toISOString() } } }] } });
const view = (c: V1Container) => provisionalProcessView(running(c), c);

describe('provisionalProcessView', () => {
  it('listens on the image’s documented port only', () => {
    const nginx = view({ name: 'web', image: 'nginx:1.25' });
    expect(nginx.tcpOpen(80, START)).toBe(true);
    expect(nginx.tcpOpen(8080, START)).toBe(false);
    expect(nginx.httpGet('/anything', 80, START)).toEqual({ status: 200 });
    expect(nginx.httpGet('/', 8080, START)).toBeNull();
    expect(view({ name: 'r', image: 'redis:7' }).tcpOpen(6379, START)).toBe(true);
    expect(view({ name: 'e', image: 'hashicorp/http-echo:1.0' }).tcpOpen(5678, START)).toBe(true);
    expect(view({ name: 'p', image: 'registry.k8s.io/pause:3.10' }).tcpOpen(80, START)).toBe(false);
  });

  it('a JVM server is not listening until it has started', () => {
    const tomcat = view({ name: 't', image: 'tomcat:10' });
    expect(tomcat.tcpOpen(8080, START + 1_000)).toBe(false);
    expect(tomcat.tcpOpen(8080, START + 10_000)).toBe(true);
  });

  it('exec: true/false, cat of a system file, cat of a missing file', () => {
    const bb = view({ name: 'b', image: 'busybox:1.36', command: ['sleep', 'infinity'] });
    expect(bb.exec(['true'], START).exitCode).toBe(0);
    expect(bb.exec(['false'], START).exitCode).toBe(1);
    expect(bb.exec(['cat', '/etc/hostname'], START).exitCode).toBe(0);
    expect(bb.exec(['cat', '/tmp/healthy'], START)).toEqual({ exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
  });

  it('memory from a per-image idle figure', () => {
    expect(view({ name: 'm', image: 'mysql:8.0' }).memoryBytes(START)).toBeGreaterThan(300 * 2 ** 20);
    expect(view({ name: 'w', image: 'nginx:1.25' }).memoryBytes(START)).toBeLessThan(20 * 2 ** 20);
  });
});

describe('runProbe', () => {
  const c: V1Container = { name: 'web', image: 'nginx:1.25', ports: [{ name: 'http', containerPort: 80 }] };
  const v = view(c);
  it('httpGet: refused, a named port, and a 5xx answer', () => {
    expect(runProbe({ httpGet: { port: 8080, path: '/healthz' } }, c, v, '10.244.1.5', START)).toEqual({ ok: false, output: 'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused' });
    expect(runProbe({ httpGet: { port: 'http' } }, c, v, '10.244.1.5', START).ok).toBe(true);
    const failing = { ...v, httpGet: () => ({ status: 500 }) };
    expect(runProbe({ httpGet: { port: 80 } }, c, failing, '10.244.1.5', START)).toEqual({ ok: false, output: 'HTTP probe failed with statuscode: 500' });
    // 3xx counts as success (http.go: 200 <= code < 400)
    expect(runProbe({ httpGet: { port: 80 } }, c, { ...v, httpGet: () => ({ status: 302 }) }, '10.244.1.5', START).ok).toBe(true);
  });
  it('tcpSocket and grpc', () => {
    expect(runProbe({ tcpSocket: { port: 81 } }, c, v, '10.244.1.5', START)).toEqual({ ok: false, output: 'dial tcp 10.244.1.5:81: connect: connection refused' });
    expect(runProbe({ grpc: { port: 9090 } }, c, v, '10.244.1.5', START).output).toBe('timeout: failed to connect service "10.244.1.5:9090" within 1s: context deadline exceeded');
  });
});

describe('countResult (worker.go thresholds)', () => {
  it('a result counts only after failureThreshold / successThreshold in a row', () => {
    const w = resetWorker('uid', 'c1', 'liveness', 0);
    const probe = { failureThreshold: 3, successThreshold: 1 };
    expect(countResult(w, false, probe)).toBeUndefined();
    expect(countResult(w, false, probe)).toBeUndefined();
    expect(countResult(w, true, probe)).toBe(true); // a success breaks the run
    expect(countResult(w, false, probe)).toBeUndefined();
    expect(countResult(w, false, probe)).toBeUndefined();
    expect(countResult(w, false, probe)).toBe(false);
  });
});
