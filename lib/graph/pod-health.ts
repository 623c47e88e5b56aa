/**
 * Per-container health for the details panel, from what the simulator's kubelet and prober record (and a
 * real kubelet reports): containerStatuses (state, ready, started, restartCount, lastState.terminated) and
 * the prober's `Unhealthy` events. A liveness result is not part of the status in Kubernetes either, so its
 * failures are read from the events. Pure; O(containers) per pod, O(events) for liveness.
 */
import type { V1Container, V1ContainerStatus, V1Probe } from '../k8s/api-types';
import type { V1Pod } from '../k8s/types';
import { timestampMs } from '../k8s/age';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export interface ProbeSpecView {
  kind: ProbeKind;
  /** What the kubelet checks: `HTTP GET :8080/healthz`, `TCP :5432`, `exec: cat /tmp/ok`. */
  action: string;
  /** initialDelaySeconds, periodSeconds, failureThreshold with the API defaults (0, 10, 3). */
  timing: string;
}

export interface LastTermination {
  reason: string;
  /** Korean for the reason, with the reason itself as kubectl prints it. */
  reasonKo: string;
  exitCode: number;
  finishedAt: number;
}

export interface ContainerHealth {
  name: string;
  /** running | waiting | terminated, with the waiting/terminated reason (CrashLoopBackOff, Completed…). */
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  stateReason: string | null;
  /** When the current instance started (epoch ms; 0 if not running). */
  startedAt: number;
  ready: boolean;
  /** status.started: the startup probe (if any) has passed. */
  started: boolean;
  restarts: number;
  last: LastTermination | null;
  probes: readonly ProbeSpecView[];
}

const REASON_KO: Record<string, string> = {
  OOMKilled: '메모리 제한을 넘어 강제 종료됨',
  Error: '오류로 종료됨',
  Completed: '정상 종료됨',
  ContainerCannotRun: '실행할 수 없음',
  DeadlineExceeded: '제한 시간을 넘김',
  StartError: '시작하지 못함',
};

/** Korean words for a termination reason ("메모리 제한을 넘어 강제 종료됨" for OOMKilled), null for one we do not know. */
export function terminationReasonWords(reason: string): string | null {
  return REASON_KO[reason] ?? null;
}

/** "메모리 제한을 넘어 강제 종료됨 (OOMKilled)"; an unknown reason is shown as it is. */
export function terminationReasonKo(reason: string): string {
  const ko = terminationReasonWords(reason);
  return ko ? `${ko} (${reason})` : reason;
}

function probeAction(p: V1Probe): string {
  if (p.httpGet) return `HTTP GET :${p.httpGet.port}${p.httpGet.path ?? '/'}`;
  if (p.tcpSocket) return `TCP :${p.tcpSocket.port}`;
  if (p.exec) return `exec: ${(p.exec.command ?? []).join(' ')}`;
  if (p.grpc) return `gRPC :${p.grpc.port}`;
  return '동작 없음';
}

/** Probe views by container spec: a spec object is shared by every status version of its pod. */
const probeViews = new WeakMap<V1Container, readonly ProbeSpecView[]>();

function probeSpecs(c: V1Container): readonly ProbeSpecView[] {
  let views = probeViews.get(c);
  if (!views) probeViews.set(c, (views = describeProbes(c)));
  return views;
}

function describeProbes(c: V1Container): ProbeSpecView[] {
  const out: ProbeSpecView[] = [];
  for (const [kind, p] of [['startup', c.startupProbe], ['liveness', c.livenessProbe], ['readiness', c.readinessProbe]] as const) {
    if (!p) continue;
    out.push({ kind, action: probeAction(p), timing: `지연 ${p.initialDelaySeconds ?? 0}초 · 주기 ${p.periodSeconds ?? 10}초 · 실패 기준 ${p.failureThreshold ?? 3}번` });
  }
  return out;
}

const ms = (t: unknown) => {
  const v = timestampMs(t);
  return Number.isFinite(v) ? v : 0;
};

function lastOf(cs: V1ContainerStatus | undefined): LastTermination | null {
  const t = cs?.lastState?.terminated;
  if (!t) return null;
  const reason = t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error');
  return { reason, reasonKo: terminationReasonKo(reason), exitCode: t.exitCode, finishedAt: ms(t.finishedAt) };
}

/** Health of each app container of a pod, in spec order. */
export function containerHealth(pod: V1Pod): ContainerHealth[] {
  const statuses = pod.status?.containerStatuses ?? [];
  return (pod.spec?.containers ?? []).map((c) => {
    const cs = statuses.find((s) => s.name === c.name);
    const st = cs?.state;
    const state = st?.running ? 'running' : st?.waiting ? 'waiting' : st?.terminated ? 'terminated' : 'unknown';
    return {
      name: c.name,
      state,
      stateReason: st?.waiting?.reason ?? st?.terminated?.reason ?? null,
      startedAt: ms(st?.running?.startedAt),
      ready: cs?.ready === true,
      started: cs?.started === true,
      restarts: cs?.restartCount ?? 0,
      last: lastOf(cs),
      probes: probeSpecs(c),
    };
  });
}

export interface ProbeResult {
  /** true passing, false failing, null not known yet (not running, waiting for the startup probe). */
  ok: boolean | null;
  text: string;
}

/** A recorded prober event about this pod (the store's EventView has these fields). */
export interface ProbeEvent {
  reason: string;
  message: string;
  container: string | null;
  time: number;
}

/**
 * The current result of one probe: readiness and startup from the status the prober writes (ready, started),
 * liveness from the newest `Unhealthy` "Liveness probe failed" event for this container instance.
 */
export function probeResult(c: ContainerHealth, kind: ProbeKind, events: readonly ProbeEvent[]): ProbeResult {
  if (c.state !== 'running') return { ok: null, text: '컨테이너가 실행 중이 아니라 검사하지 않아요' };
  if (kind === 'startup') return c.started ? { ok: true, text: '성공 — 활성/준비성 프로브를 시작했어요' } : { ok: null, text: '검사 중 — 성공할 때까지 다른 프로브를 미뤄요' };
  if (!c.started && c.probes.some((p) => p.kind === 'startup')) return { ok: null, text: '시작 프로브가 성공하기를 기다리는 중' };
  if (kind === 'readiness') return c.ready ? { ok: true, text: '성공 — 서비스 트래픽을 받아요' } : { ok: false, text: '통과하지 못함 — 서비스 엔드포인트에서 빠져 있어요' };
  const failure = events.find((e) => e.reason === 'Unhealthy' && e.message.startsWith('Liveness probe failed') && (e.container === null || e.container === c.name) && e.time >= c.startedAt);
  return failure ? { ok: false, text: `실패 기록 있음: ${failure.message.replace(/^Liveness probe failed:\s*/, '')}` } : { ok: true, text: '최근 실패 기록 없음' };
}
