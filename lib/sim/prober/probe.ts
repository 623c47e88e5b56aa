/**
 * One probe against a container's process view, with the outputs the kubelet's probers print
 * (pkg/probe/http/http.go, pkg/probe/tcp/tcp.go, pkg/probe/exec/exec.go, pkg/probe/grpc/grpc.go).
 * The event text is "<Type> probe failed: <output>" (pkg/kubelet/prober/prober.go).
 */
import type { V1Container, V1Probe } from '../../k8s/api-types';
import type { ContainerProcessView } from './process-view';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export interface ProbeOutcome {
  ok: boolean;
  /** what the prober reports on failure (the text after "… probe failed: ") */
  output: string;
}

/** The probe of a type on a container, if any. */
export function probeOf(c: V1Container, type: ProbeType): V1Probe | undefined {
  return type === 'liveness' ? c.livenessProbe : type === 'readiness' ? c.readinessProbe : c.startupProbe;
}

/** A named port (`port: http`) resolves through the container's ports, as the kubelet's findPortByName does. */
export function resolvePort(port: number | string | undefined, c: V1Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Runs `probe` at `now` against the container at `podIP`. */
export function runProbe(probe: V1Probe, c: V1Container, view: ContainerProcessView, podIP: string, now: number): ProbeOutcome {
  const timeout = probe.timeoutSeconds ?? 1;
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port as number | string, c);
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    const url = `${scheme}://${podIP}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const answer = port === undefined ? null : view.httpGet(path, port, now);
    if (!answer) return { ok: false, output: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` };
    // http.go: 200 ≤ status < 400 is success (redirects to other hosts count as success with a warning)
    if (answer.status >= 200 && answer.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port as number | string, c);
    if (port !== undefined && view.tcpOpen(port, now)) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${podIP}:${port}: connect: connection refused` };
  }
  if (probe.exec) {
    const r = view.exec(probe.exec.command ?? [], now);
    return r.exitCode === 0 ? { ok: true, output: '' } : { ok: false, output: r.output.trimEnd() };
  }
  if (probe.grpc) {
    // Simplification: a gRPC health check succeeds when the port accepts connections (no service
    // status in the provisional model); a closed port times out as grpc.go reports it.
    const port = probe.grpc.port;
    if (view.tcpOpen(port, now)) return { ok: true, output: '' };
    return { ok: false, output: `timeout: failed to connect service "${podIP}:${port}" within ${timeout}s: context deadline exceeded` };
  }
  return { ok: true, output: '' };
}

