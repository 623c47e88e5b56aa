import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../k8s/types';
import { containerHealth, probeResult, terminationReasonKo, terminationReasonWords, type ProbeEvent } from './pod-health';

const STARTED = '2026-01-01T00:00:10Z';
const T = Date.parse(STARTED);

function pod(status: Partial<NonNullable<V1Pod['status']>['containerStatuses'] extends (infer S)[] | undefined ? S : never>): V1Pod {
  return {
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx',
          readinessProbe: { httpGet: { path: '/ready', port: 8080 as never }, periodSeconds: 5 },
          livenessProbe: { tcpSocket: { port: 80 as never }, initialDelaySeconds: 3 },
        },
      ],
    },
    status: { containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, ...status }] },
  };
}

describe('containerHealth', () => {
  // lastState.terminated keeps the instance that ended before the current one, with its reason and exit code
  // (pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses); an OOM kill is reason OOMKilled, exit 137.
  it('reads restarts and the last termination, in Korean', () => {
    const [c] = containerHealth(
      pod({ restartCount: 2, state: { running: { startedAt: new Date(T).toISOString() } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: new Date(T - 1000).toISOString() } } }),
    );
    expect(c).toMatchObject({ name: 'app', state: 'running', restarts: 2, startedAt: T });
    expect(c.last).toEqual({ reason: 'OOMKilled', reasonKo: '메모리 제한을 넘어 강제 종료됨 (OOMKilled)', exitCode: 137, finishedAt: T - 1000 });
  });

  // Probe defaults from the API (k8s.io/api/core/v1 types.go): initialDelaySeconds 0, periodSeconds 10, failureThreshold 3.
  it('describes each configured probe with the API defaults filled in', () => {
    const [c] = containerHealth(pod({ state: { waiting: { reason: 'ContainerCreating' } } }));
    expect(c.state).toBe('waiting');
    expect(c.stateReason).toBe('ContainerCreating');
    expect(c.probes).toEqual([
      { kind: 'liveness', action: 'TCP :80', timing: '지연 3초 · 주기 10초 · 실패 기준 3번' },
      { kind: 'readiness', action: 'HTTP GET :8080/ready', timing: '지연 0초 · 주기 5초 · 실패 기준 3번' },
    ]);
  });
});

describe('terminationReasonKo', () => {
  it('says Error and Completed in Korean and keeps unknown reasons as they are', () => {
    expect(terminationReasonKo('Error')).toBe('오류로 종료됨 (Error)');
    expect(terminationReasonKo('Completed')).toBe('정상 종료됨 (Completed)');
    expect(terminationReasonKo('Signal')).toBe('Signal');
  });
});

describe('probeResult', () => {
  const running = (ready: boolean) => containerHealth(pod({ ready, started: true, state: { running: { startedAt: new Date(T).toISOString() } } }))[0];
  const unhealthy = (message: string, time: number): ProbeEvent => ({ reason: 'Unhealthy', message, container: 'app', time });

  // Readiness is the container's `ready`, which the prober sets after successThreshold passes and clears after
  // failureThreshold failures (pkg/kubelet/prober/worker.go); not ready keeps the pod out of the endpoints.
  it('reads readiness from the status the prober writes', () => {
    expect(probeResult(running(true), 'readiness', [])).toEqual({ ok: true, text: '성공 — 서비스 트래픽을 받아요' });
    expect(probeResult(running(false), 'readiness', []).ok).toBe(false);
  });

  it('reads liveness failures of the current instance from Unhealthy events', () => {
    const c = running(true);
    expect(probeResult(c, 'liveness', [])).toEqual({ ok: true, text: '최근 실패 기록 없음' });
    // A failure before this instance started belongs to the previous one.
    expect(probeResult(c, 'liveness', [unhealthy('Liveness probe failed: dial tcp :80: connect: connection refused', T - 1)]).ok).toBe(true);
    expect(probeResult(c, 'liveness', [unhealthy('Liveness probe failed: dial tcp :80: connect: connection refused', T + 5000)])).toEqual({
      ok: false,
      text: '실패 기록 있음: dial tcp :80: connect: connection refused',
    });
    // A readiness failure is not a liveness failure.
    expect(probeResult(c, 'liveness', [unhealthy('Readiness probe failed: HTTP probe failed with statuscode: 503', T + 5000)]).ok).toBe(true);
  });

  it('does not judge a container that is not running', () => {
    const [c] = containerHealth(pod({ state: { waiting: { reason: 'CrashLoopBackOff' } } }));
    expect(probeResult(c, 'liveness', []).ok).toBeNull();
  });
});

describe('terminationReasonWords', () => {
  it('has words for the reasons the kubelet reports and none for others', () => {
    expect(terminationReasonWords('OOMKilled')).toBe('메모리 제한을 넘어 강제 종료됨');
    expect(terminationReasonWords('ExitCode:3')).toBeNull();
  });
});
