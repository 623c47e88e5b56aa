'use client';

import { useId, useMemo, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { MAX_RATE, MIN_RATE } from '@/lib/sim/network/load-buckets';
import { FAILURE_LABELS, summarizeTraffic, summaryText } from '@/lib/sim/network/load-summary';
import { usePlaygroundStoreShallow } from '@/components/wiring/store-context';
import { trafficUnavailable } from '@/lib/cluster/traffic-feed';
import { TrafficChart } from './traffic-chart';
import { TrafficSummaryBar, usePhoneScreen } from './traffic-summary-bar';
import { trafficFeed, useTrafficStats } from './use-traffic-stats';

const INPUT = 'rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900';
const BUTTON = 'whitespace-nowrap rounded-md px-2.5 py-1 text-xs font-semibold text-white disabled:opacity-50';
const INSIDE = '';
const OUTSIDE = '__outside__';

/** Services and running pods (outside kube-system) to choose from; re-renders only when those names change. */
function useChoices() {
  const services = usePlaygroundStoreShallow((s) => Object.values(s.services).filter((v) => v.namespace !== 'kube-system').map((v) => `${v.namespace}/${v.name}`).sort());
  const pods = usePlaygroundStoreShallow((s) => Object.values(s.pods).filter((p) => p.namespace !== 'kube-system' && p.status.status === 'Running').map((p) => `${p.namespace}/${p.name}`).sort().slice(0, 50));
  return { services, pods };
}

/**
 * "트래픽 보내기": choose a Service, where requests come from, how many per second and optionally the Host header (a
 * reverse proxy routes by it, lesson 07); the live chart below. The engine validates the Host and says why it refuses.
 * `foldWhileRunning`: the Playground's bottom panel (terminal, editor) is open and shares the height, so while
 * requests flow the panel folds to one line, as it always does on a phone, and the graph keeps its room.
 * `compact`: beside a lesson with the terminal open, the chart is the experiment and stays in view, so while
 * requests flow the disabled form gives way to one line (what is sent, ■ 멈추기) and the chart is shorter.
 */
export function TrafficPanel({ client, foldWhileRunning = false, compact = false }: { client: ClusterClient; foldWhileRunning?: boolean; compact?: boolean }) {
  const id = useId();
  const stats = useTrafficStats(client);
  const { services, pods } = useChoices();
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState(INSIDE);
  const [rate, setRate] = useState('20');
  const [host, setHost] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useMemo(() => summarizeTraffic(stats?.buckets ?? [], 10), [stats]);
  // the reason stays in view while the chart still shows a red bar
  const minute = useMemo(() => summarizeTraffic(stats?.buckets ?? [], 60), [stats]);
  // while requests flow the form shows what they go to, even when the terminal (or a lesson) started them
  const live = stats?.running ? stats : null;
  const chosen = (live?.service && services.includes(live.service) ? live.service : '') || target || services[0] || '';
  const fold = usePhoneScreen() || foldWhileRunning;
  const [expanded, setExpanded] = useState(false);

  if (!client.traffic) return <TrafficUnavailable mode={client.mode} />;
  const traffic = client.traffic;
  const running = stats?.running ?? false;

  const start = async () => {
    setBusy(true);
    setError('');
    const [ns, name] = chosen.split('/');
    const fromPod = from !== INSIDE && from !== OUTSIDE ? from.split('/')[1] : undefined;
    const n = Number(rate);
    try {
      const r = !chosen ? { ok: false as const, error: '먼저 서비스를 만들어 주세요(예: kubectl expose deployment web --port=80).' } : await traffic.start({ target: name, namespace: ns, rate: Number.isInteger(n) ? n : NaN, outside: from === OUTSIDE, ...(fromPod ? { fromPod } : {}), ...(host.trim() ? { host } : {}) });
      if (!r.ok) setError(r.error);
    } catch {
      setError('트래픽을 시작하지 못했어요. 잠시 뒤 다시 해 보세요.');
    }
    trafficFeed(client).refresh();
    setBusy(false);
  };
  const stop = async () => {
    await traffic.stop().catch(() => false);
    trafficFeed(client).refresh();
  };

  // the graph keeps its room: while requests flow, the panel folds to one line until asked (stopped, the form is back)
  if (fold && !expanded && running && stats && stats.buckets.length > 0) return <TrafficSummaryBar summary={summary} running={running} onExpand={() => setExpanded(true)} onStop={stop} />;

  return (
    <section aria-labelledby={`${id}-title`} data-traffic-panel="" className="space-y-1.5 border-b border-zinc-200 px-2.5 py-2 dark:border-zinc-800">
      {compact && running && stats ? (
        <div className="flex items-center gap-2 text-xs">
          <h2 id={`${id}-title`} className="shrink-0 font-semibold">
            트래픽 보내기
          </h2>
          <p className="min-w-0 flex-1 truncate text-[11px] text-zinc-600 dark:text-zinc-400" title={stats.label}>
            보내는 중: {stats.label}, 초당 {stats.rate}개
          </p>
          <button type="button" className={`${BUTTON} shrink-0 bg-zinc-700 hover:bg-zinc-800 dark:bg-zinc-600`} onClick={stop} data-traffic-stop="">
            ■ 멈추기
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap items-end gap-x-2 gap-y-1.5 text-xs">
          <h2 id={`${id}-title`} className="mr-1 self-center font-semibold">
            트래픽 보내기
          </h2>
          <label className="flex items-center gap-1">
            서비스
            <select className={INPUT} value={chosen} onChange={(e) => setTarget(e.target.value)} disabled={running}>
              {services.length === 0 && <option value="">(서비스 없음)</option>}
              {services.map((s) => (
                <option key={s} value={s}>
                  {s.startsWith('default/') ? s.slice(8) : s}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            보내는 곳
            <select className={`${INPUT} max-w-44`} value={from} onChange={(e) => setFrom(e.target.value)} disabled={running}>
              <option value={INSIDE}>클러스터 안(노드)</option>
              <option value={OUTSIDE}>클러스터 밖(NodePort)</option>
              {pods.map((p) => (
                <option key={p} value={p}>
                  파드 {p.startsWith('default/') ? p.slice(8) : p}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            초당
            <input className={`${INPUT} w-16`} type="number" inputMode="numeric" min={MIN_RATE} max={MAX_RATE} value={live?.rate !== undefined ? String(live.rate) : rate} onChange={(e) => setRate(e.target.value)} disabled={running} />개
          </label>
          <label className="flex items-center gap-1" title="리버스 프록시는 요청의 Host 헤더를 보고 보낼 곳을 골라요. 비워 두면 주소의 호스트가 그대로 가요.">
            Host 헤더
            <input
              className={`${INPUT} w-36`}
              type="text"
              inputMode="url"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              placeholder="예) php.example.com"
              value={host}
              onChange={(e) => setHost(e.target.value)}
              disabled={running}
              aria-invalid={error.startsWith('Host 헤더') || undefined}
              data-traffic-host=""
            />
          </label>
          {running ? (
            <button type="button" className={`${BUTTON} bg-zinc-700 hover:bg-zinc-800 dark:bg-zinc-600`} onClick={stop} data-traffic-stop="">
              ■ 멈추기
            </button>
          ) : (
            <button type="button" className={`${BUTTON} bg-brand-600 hover:bg-brand-700`} onClick={start} disabled={busy} data-traffic-start="">
              ▶ 보내기
            </button>
          )}
          {fold && running && (
            <button type="button" aria-expanded={true} onClick={() => setExpanded(false)} data-traffic-collapse="" className="whitespace-nowrap rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-semibold dark:border-zinc-700">
              ▲ 접기
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {stats?.label && !(compact && running) && (
        <p className="text-[11px] text-zinc-600 dark:text-zinc-400">
          {running ? `보내는 중: ${stats.label}, 초당 ${stats.rate}개` : `멈춤 — 마지막 대상: ${stats.label}`}
        </p>
      )}
      {stats && stats.buckets.length > 0 && (
        <>
          <TrafficChart buckets={stats.buckets} now={stats.now} summary={summaryText(summary)} {...(compact ? { heightPx: 84 } : {})} />
          <p data-traffic-summary="" className="text-xs">
            최근 10초 성공률 <strong>{summary.successRate ?? '-'}%</strong>
            {summary.p95 !== undefined && <>, p95 {summary.p95}ms</>} · 보낸 요청 {summary.sent}개
            {summary.failed > 0 && <span className="font-semibold text-red-700 dark:text-red-300"> · 실패 {summary.failed}개</span>}
          </p>
          {minute.lastFailure && (
            <p data-traffic-failure="" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
              ✕ 최근 1분 동안 실패 {minute.failed}개 (
              {Object.entries(minute.failedBy)
                .filter(([, n]) => n > 0)
                .map(([reason, n]) => `${FAILURE_LABELS[reason as keyof typeof FAILURE_LABELS]} ${n}개`)
                .join(', ')}
              ) — {minute.lastFailure.message}
            </p>
          )}
          {!compact && <PodRates rates={summary.podRates} />}
        </>
      )}
    </section>
  );
}

/** A real cluster (or a replay) has no generator: say why in the panel, not with a button that fails. */
function TrafficUnavailable({ mode }: { mode: ClusterClient['mode'] }) {
  const why = trafficUnavailable(mode);
  return (
    <section aria-label="트래픽 보내기" data-traffic-panel="" data-traffic-unavailable="" className="space-y-1 border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800">
      <p role="status" className="font-semibold">{why.message}</p>
      <p className="text-zinc-600 dark:text-zinc-400">{why.hint}</p>
    </section>
  );
}

function PodRates({ rates }: { rates: Record<string, number> }) {
  const entries = Object.entries(rates).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (!entries.length) return null;
  return (
    <ul aria-label="파드별 초당 요청(최근 10초)" className="flex flex-wrap gap-1 text-[11px]">
      {entries.map(([pod, r]) => (
        <li key={pod} className="rounded border border-zinc-300 px-1.5 py-0.5 font-mono dark:border-zinc-700">
          {pod.startsWith('default/') ? pod.slice(8) : pod} <span className="text-zinc-600 dark:text-zinc-400">{r}/s</span>
        </li>
      ))}
    </ul>
  );
}
