'use client';

import { memo } from 'react';
import { whyNotSelected } from '@/lib/graph/service-selection';
import { usePlaygroundStore, usePod, usePodIdsOn } from '@/components/wiring/store-context';

const PodRow = memo(function PodRow({ id, showService }: { id: string; showService: boolean }) {
  const pod = usePod(id);
  const selectedBy = usePlaygroundStore((s) => (s.highlight ? s.highlight[id] === true : null));
  const service = usePlaygroundStore((s) => (s.serviceKey ? s.services[s.serviceKey] : null));
  const select = usePlaygroundStore((s) => s.select);
  if (!pod) return null;
  return (
    <tr data-list-pod={pod.name} className="border-t border-zinc-100 dark:border-zinc-800">
      <td className="py-1 pl-6 pr-2">
        <button type="button" className="font-mono hover:underline focus-visible:outline-2 focus-visible:outline-brand-500" onClick={() => select({ kind: 'Pod', key: id })}>
          {pod.name}
        </button>
      </td>
      <td className="px-2">{pod.namespace}</td>
      <td className="px-2">
        <span aria-hidden="true">{pod.status.icon} </span>
        {pod.status.status} <span className="text-zinc-600 dark:text-zinc-400">({pod.status.label})</span>
      </td>
      <td className="px-2 tabular-nums">{pod.status.ready ? '예' : '아니요'}</td>
      <td className="px-2 tabular-nums">{pod.status.restarts}</td>
      <td className="px-2 font-mono">{pod.ip ?? '-'}</td>
      {showService && (
        <td className="px-2" data-selected={selectedBy ? 'yes' : 'no'}>
          {selectedBy ? '✓ 선택됨' : service ? `✕ ${whyNotSelected(service, pod) ?? ''}` : ''}
        </td>
      )}
    </tr>
  );
});

const NodeRows = memo(function NodeRows({ name, showService, cols }: { name: string; showService: boolean; cols: number }) {
  const node = usePlaygroundStore((s) => s.nodes[name]);
  const ids = usePodIdsOn(name);
  if (!node) return null;
  return (
    <tbody data-list-node={name}>
      <tr className="bg-zinc-50 dark:bg-zinc-900">
        <th scope="rowgroup" colSpan={cols} className="px-2 py-1.5 text-left font-semibold">
          {node.role === 'control-plane' ? '컨트롤 플레인' : '워커 노드'} <span className="font-mono">{name}</span> — {node.status}, 파드 {ids.length}개
        </th>
      </tr>
      {ids.map((id) => (
        <PodRow key={id} id={id} showService={showService} />
      ))}
    </tbody>
  );
});

/** The same data as the graph, as a table: nodes, each followed by its pods; then the pending pods. */
export function ListView() {
  const names = usePlaygroundStore((s) => s.nodeNames);
  const pending = usePodIdsOn(null);
  const showService = usePlaygroundStore((s) => s.serviceKey !== null);
  const cols = showService ? 7 : 6;
  return (
    <div className="h-full overflow-auto p-2">
      <table className="w-full border-collapse text-left text-xs" aria-label="노드별 파드 목록">
        <thead className="sticky top-0 bg-white dark:bg-zinc-950">
          <tr>
            <th scope="col" className="py-1.5 pl-6 pr-2">이름</th>
            <th scope="col" className="px-2">네임스페이스</th>
            <th scope="col" className="px-2">상태</th>
            <th scope="col" className="px-2">준비</th>
            <th scope="col" className="px-2">재시작</th>
            <th scope="col" className="px-2">IP</th>
            {showService && <th scope="col" className="px-2">서비스 선택</th>}
          </tr>
        </thead>
        {names.map((n) => (
          <NodeRows key={n} name={n} showService={showService} cols={cols} />
        ))}
        <tbody data-list-node="__pending__">
          <tr className="bg-amber-50 dark:bg-amber-950/30">
            <th scope="rowgroup" colSpan={cols} className="px-2 py-1.5 text-left font-semibold">
              스케줄 대기 중 — 파드 {pending.length}개
            </th>
          </tr>
          {pending.map((id) => (
            <PodRow key={id} id={id} showService={showService} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
