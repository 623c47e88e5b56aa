'use client';

import { probeResult, type ContainerHealth, type ProbeKind, type ProbeResult } from '@/lib/graph/pod-health';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';

const PROBE_KO: Record<ProbeKind, string> = { startup: '시작 프로브', liveness: '활성 프로브', readiness: '준비성 프로브' };
const STATE_KO = { running: '실행 중', waiting: '대기 중', terminated: '종료됨', unknown: '상태 없음' };

function ResultMark({ result }: { result: ProbeResult }) {
  const [icon, tone] =
    result.ok === true ? ['✓', 'text-emerald-700 dark:text-emerald-300'] : result.ok === false ? ['✕', 'text-red-700 dark:text-red-300'] : ['…', 'text-zinc-600 dark:text-zinc-400'];
  return (
    <span className={tone}>
      <span aria-hidden="true">{icon} </span>
      {result.text}
    </span>
  );
}

function ContainerCard({ c, podKey }: { c: ContainerHealth; podKey: string }) {
  // The prober's Unhealthy events for this pod, newest first (a liveness result lives only there).
  const unhealthy = usePlaygroundStoreShallow((s) => s.events.filter((e) => e.involvedKey === podKey && e.reason === 'Unhealthy'));
  return (
    <li data-container-health={c.name} className="rounded border border-zinc-200 px-2 py-1.5 font-sans dark:border-zinc-700">
      <p>
        <span className="font-mono font-semibold">{c.name}</span> — {STATE_KO[c.state]}
        {c.stateReason ? ` (${c.stateReason})` : ''} · 준비 {c.ready ? '예' : '아니요'}
      </p>
      <p data-restarts="">
        재시작 {c.restarts}회
        {c.last && (
          <>
            {' '}
            · 마지막 종료: {c.last.reasonKo}, 종료 코드 {c.last.exitCode}
          </>
        )}
      </p>
      {c.probes.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">프로브 없음 — 컨테이너가 실행되면 바로 준비된 것으로 봐요</p>
      ) : (
        <ul className="mt-0.5 space-y-0.5">
          {c.probes.map((p) => (
            <li key={p.kind} data-probe={p.kind}>
              <span className="font-semibold">{PROBE_KO[p.kind]}</span> <span className="font-mono">{p.action}</span>
              <span className="text-zinc-600 dark:text-zinc-400"> ({p.timing})</span>
              <br />
              <ResultMark result={probeResult(c, p.kind, unhealthy)} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Each container of a pod: state, restarts with the last termination reason in Korean, and its probes' results. */
export function PodHealth({ podKey }: { podKey: string }) {
  const containers = usePlaygroundStore((s) => s.pods[podKey]?.containers);
  if (!containers || containers.length === 0) return <>없음</>;
  return (
    <ul className="space-y-1">
      {containers.map((c) => (
        <ContainerCard key={c.name} c={c} podKey={podKey} />
      ))}
    </ul>
  );
}
