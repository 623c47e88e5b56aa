'use client';

import { memo } from 'react';
import { OP_TITLE } from '@/lib/machines/kubeadm-phases';
import type { PhaseFrame } from '@/lib/machines/phase-timeline';

/**
 * The kubeadm phase happening now (or that just happened) on a machine, with what it does in Korean, and the
 * other phases of the same command as a checklist.
 */
export const KubeadmPhasePanel = memo(function KubeadmPhasePanel({ frame }: { frame: PhaseFrame }) {
  const { event, phases, index, finished } = frame;
  if (!event || phases.length === 0)
    return (
      <section aria-label="kubeadm 단계" className="rounded-lg border border-dashed border-zinc-300 p-2 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" data-kubeadm-phases="">
        아직 kubeadm을 실행하지 않았어요. master에서 <code className="font-mono">sudo kubeadm init</code>을 실행하면 단계마다 무슨 일을 하는지 여기서 설명합니다.
      </section>
    );
  const current = phases[index];
  const failed = !event.ok && index === phases.length - 1;
  return (
    <section aria-label="kubeadm 단계" aria-live="polite" className="rounded-lg border-2 border-sky-400 bg-sky-50 p-2 text-sm dark:border-sky-600 dark:bg-sky-950/40" data-kubeadm-phases="" data-kubeadm-phase={current.id} data-kubeadm-op={event.op}>
      <p className="font-bold">
        {OP_TITLE[event.op]} <span className="font-mono font-normal">({event.machine})</span>
      </p>
      <p className="mt-1" data-kubeadm-phase-current="">
        <span className="font-mono font-semibold">[{current.id}]</span>{' '}
        <span className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">{finished ? (failed ? '여기서 멈췄어요' : '방금 끝남') : failed ? '실패' : '진행 중'}</span>
        <br />
        {current.ko}
      </p>
      {failed && <p className="mt-1 font-semibold text-red-700 dark:text-red-300" role="status">이 단계에서 실패했어요. 터미널의 오류와 힌트를 보세요.</p>}
      <ol className="mt-2 flex flex-wrap gap-1 text-xs" aria-label="단계 목록">
        {phases.map((p, i) => {
          const state = i < index || (finished && i === index && !failed) ? 'done' : i === index ? 'now' : 'next';
          return (
            <li
              key={p.id}
              data-phase-state={state}
              className={`rounded px-1.5 py-0.5 font-mono ${state === 'now' ? 'bg-sky-600 font-bold text-white' : state === 'done' ? 'bg-zinc-200 dark:bg-zinc-800' : 'text-zinc-500 dark:text-zinc-400'}`}
            >
              <span aria-hidden="true">{state === 'done' ? '✓ ' : state === 'now' ? '→ ' : ''}</span>
              {p.id}
              <span className="sr-only">{state === 'done' ? ' (끝남)' : state === 'now' ? ' (지금)' : ' (다음)'}</span>
            </li>
          );
        })}
      </ol>
      {frame.waiting > 0 && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">다음 kubeadm 명령 {frame.waiting}개 대기</p>}
    </section>
  );
});
