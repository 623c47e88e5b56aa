'use client';

import { memo, useState } from 'react';
import type { EventView } from '@/lib/graph/projection';
import { usePlaygroundStore } from '@/components/wiring/store-context';

/** A Korean "why" for common reasons, used when the engine recorded an event without a cause. */
const REASON_WHY: Record<string, string> = {
  Scheduled: '스케줄러가 자원과 조건이 맞는 노드를 골라 파드를 배정했어요.',
  Pulling: 'kubelet이 노드에 없는 컨테이너 이미지를 내려받기 시작했어요.',
  Pulled: '컨테이너 이미지가 노드에 준비됐어요.',
  Created: 'kubelet이 컨테이너를 만들었어요.',
  Started: '컨테이너가 시작됐어요.',
  Killing: '파드가 삭제되어 kubelet이 컨테이너를 멈추고 있어요.',
  SuccessfulCreate: '원하는 개수보다 파드가 적어서 컨트롤러가 새로 만들었어요.',
  SuccessfulDelete: '원하는 개수보다 파드가 많아서 컨트롤러가 지웠어요.',
  ScalingReplicaSet: '디플로이먼트 컨트롤러가 레플리카셋의 개수를 바꿨어요 (롤링 업데이트 또는 스케일링).',
  FailedScheduling: '어느 노드에도 들어갈 수 없어 파드가 대기 중이에요 (자원 부족, 코든, 테인트 등).',
  BackOff: '컨테이너가 계속 실패해서 kubelet이 점점 더 오래 기다렸다가 다시 시작해요.',
  Failed: '컨테이너를 시작하지 못했어요.',
  NodeNotReady: '노드가 하트비트를 보내지 않아 NotReady가 됐어요.',
  NodeReady: '노드가 다시 정상적으로 보고하고 있어요.',
  TaintManagerEviction: '노드가 오래 응답하지 않아 파드를 축출했어요.',
  NodeSchedulable: '노드가 다시 새 파드를 받을 수 있어요.',
  NodeNotSchedulable: '노드가 코든되어 새 파드를 받지 않아요.',
};

function clock(ms: number): string {
  if (!ms) return '--:--:--';
  return new Date(ms).toISOString().slice(11, 19);
}

const EventRow = memo(function EventRow({ ev }: { ev: EventView }) {
  const select = usePlaygroundStore((s) => s.select);
  const [kind, name] = ev.involved.split('/');
  const selectable = kind === 'Pod' || kind === 'Node' || kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'Service';
  const why = ev.why ?? REASON_WHY[ev.reason] ?? null;
  const warning = ev.type === 'Warning';
  return (
    <li className={`border-l-4 px-2 py-1.5 ${warning ? 'border-amber-500 bg-amber-50 dark:bg-amber-950/30' : 'border-zinc-300 dark:border-zinc-700'}`}>
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs">
        <span className="font-mono tabular-nums text-zinc-600 dark:text-zinc-400">{clock(ev.time)}</span>
        <span className={`font-semibold ${warning ? 'text-amber-800 dark:text-amber-300' : ''}`}>
          {warning ? '⚠ ' : ''}
          {ev.reason}
        </span>
        {selectable ? (
          <button
            type="button"
            className="font-mono hover:underline"
            onClick={() => select({ kind, key: kind === 'Node' ? name : ev.involvedKey } as never)}
          >
            {ev.involved}
          </button>
        ) : (
          <span className="font-mono">{ev.involved}</span>
        )}
        {ev.count > 1 && <span className="text-zinc-600 dark:text-zinc-400">×{ev.count}</span>}
      </div>
      <p className="font-mono text-[11px] text-zinc-700 dark:text-zinc-300">{ev.message}</p>
      {why && (
        <p className="text-xs text-zinc-900 dark:text-zinc-100">
          <span className="font-semibold text-brand-600 dark:text-brand-100">왜? </span>
          {why}
        </p>
      )}
    </li>
  );
});

/** Cluster events, newest first, each with its Korean "why". */
export function EventsPanel() {
  const events = usePlaygroundStore((s) => s.events);
  const selection = usePlaygroundStore((s) => s.selection);
  const [onlySelected, setOnlySelected] = useState(false);
  const selectedKey = selection ? (selection.kind === 'Node' ? `Node//${selection.key}` : selection.key) : null;
  const shown = onlySelected && selectedKey ? events.filter((e) => e.involvedKey === selectedKey) : events;
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-3 border-b border-zinc-200 px-2 py-1 text-xs dark:border-zinc-800">
        <span>이벤트 {shown.length}개 (최신순)</span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} disabled={!selection} className="accent-brand-500" />
          선택한 리소스만
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="p-3 text-xs text-zinc-600 dark:text-zinc-400">아직 이벤트가 없어요. 리소스를 만들거나 장애를 일으켜 보세요.</p>
      ) : (
        <ol aria-label="클러스터 이벤트 (최신순)" className="min-h-0 flex-1 space-y-1 overflow-y-auto p-1.5">
          {shown.map((ev) => (
            <EventRow key={ev.key} ev={ev} />
          ))}
        </ol>
      )}
    </div>
  );
}
