'use client';

import { useMemo } from 'react';
import { rollingUpdateBudget } from '@/lib/graph/rolling-update-budget';
import { usePlaygroundStore, usePlaygroundStoreShallow } from '@/components/wiring/store-context';

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
      <dt className="text-[11px] text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="font-mono text-sm font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/**
 * The rolling-update budget of one Deployment: the numbers the controller works with and, in Korean,
 * what it may do next and why.
 */
export function BudgetPanel({ deploymentKey, compact = false }: { deploymentKey: string; compact?: boolean }) {
  const deployment = usePlaygroundStore((s) => s.deployments[deploymentKey]);
  const revision = usePlaygroundStore((s) => s.deploymentRevisions[deploymentKey] ?? null);
  const replicaSets = usePlaygroundStoreShallow((s) =>
    Object.values(s.replicaSets).filter((rs) => rs.owner?.kind === 'Deployment' && rs.owner.name === deployment?.name && rs.namespace === deployment?.namespace),
  );
  // The pods record changes in place; its version says when.
  const pods = usePlaygroundStore((s) => s.pods);
  const podsVersion = usePlaygroundStore((s) => s.podsVersion);
  const budget = useMemo(
    () => (deployment ? rollingUpdateBudget(deployment, replicaSets, Object.values(pods), revision) : null),
    [deployment, replicaSets, pods, podsVersion, revision], // eslint-disable-line react-hooks/exhaustive-deps
  );
  if (!deployment || !budget) return null;
  return (
    <section aria-label={`롤링 업데이트 예산: ${deployment.name}`} data-budget-panel={deployment.name} className={`${compact ? 'space-y-1' : 'space-y-2'} text-sm`}>
      <h3 className="font-semibold">
        롤링 업데이트 예산 <span className="font-mono font-normal">{deployment.name}</span>
        <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-normal dark:bg-zinc-800">
          {budget.inProgress ? '롤아웃 진행 중' : '롤아웃 완료'}
        </span>
      </h3>
      {compact ? (
        <p className="font-mono text-xs tabular-nums text-zinc-700 dark:text-zinc-300">
          원하는 {budget.desired} · maxSurge {String(budget.maxSurgeSpec)}→{budget.maxSurge} · maxUnavailable {String(budget.maxUnavailableSpec)}→
          {budget.maxUnavailable} · 새 파드 {budget.newPods}(준비 {budget.newReady}) · 이전 파드 {budget.oldPods}(준비 {budget.oldReady}) · 종료 중{' '}
          {budget.terminatingPods}
        </p>
      ) : (
        <dl className="grid grid-cols-3 gap-1">
          <Stat label="원하는 레플리카" value={budget.desired} />
          <Stat label="maxSurge" value={`${budget.maxSurgeSpec} → ${budget.maxSurge}`} />
          <Stat label="maxUnavailable" value={`${budget.maxUnavailableSpec} → ${budget.maxUnavailable}`} />
          <Stat label={`새 파드${budget.newRevision !== null ? ` (리비전 ${budget.newRevision})` : ''}`} value={`${budget.newPods} (준비 ${budget.newReady})`} />
          <Stat label="이전 파드" value={`${budget.oldPods} (준비 ${budget.oldReady})`} />
          <Stat label="종료 중" value={budget.terminatingPods} />
        </dl>
      )}
      <ul className={`space-y-1 leading-snug ${compact ? 'text-xs' : 'text-[13px]'}`} aria-label="컨트롤러가 다음에 할 수 있는 일">
        {budget.explanation.map((line) => (
          <li key={line} className={`rounded border-l-4 border-brand-500 bg-brand-50 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100 ${compact ? 'px-2 py-0.5' : 'px-2 py-1'}`}>
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}
