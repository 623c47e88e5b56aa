'use client';

import { useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { usePlaygroundStore } from '@/components/wiring/store-context';

const BUTTON =
  'rounded-md border px-2 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-brand-500';
const DANGER = `${BUTTON} border-red-300 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100 dark:hover:bg-red-900/60`;
const NEUTRAL = `${BUTTON} border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800`;

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 6_000) / 10}분` : `${Math.round(ms / 1000)}초`;
}

/** 파드 삭제 (the selected pod), 노드 장애 / 노드 복구 / 코든 (the chosen node), with a Korean note on what will happen. */
export function FailureControls({ client }: { client: ClusterClient }) {
  const selection = usePlaygroundStore((s) => s.selection);
  const select = usePlaygroundStore((s) => s.select);
  const pod = usePlaygroundStore((s) => (s.selection?.kind === 'Pod' ? s.pods[s.selection.key] : undefined));
  const nodeNames = usePlaygroundStore((s) => s.nodeNames);
  const firstWorker = usePlaygroundStore((s) => s.nodeNames.find((n) => s.nodes[n]?.role === 'worker') ?? s.nodeNames[0] ?? '');
  const [chosen, setChosen] = useState('');
  const nodeName = selection?.kind === 'Node' ? selection.key : chosen && nodeNames.includes(chosen) ? chosen : firstWorker;
  const node = usePlaygroundStore((s) => s.nodes[nodeName]);
  // The note belongs to the cluster it was written about: when a lesson's scenario player swaps the client (or gives
  // the practice cluster back), an old "worker-1의 kubelet이 멈췄어요" must not describe the other cluster.
  const [written, setWritten] = useState<{ client: ClusterClient; text: string } | null>(null);
  const note = written?.client === client ? written.text : '';

  const run = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setWritten({ client, text: done });
    } catch (e) {
      setWritten({ client, text: `실패했어요: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  const timings = client.time?.timings();

  return (
    <div role="group" aria-label="장애 실험" className="flex flex-wrap items-center gap-1.5">
      <button
        type="button"
        className={DANGER}
        disabled={!pod}
        title={pod ? `${pod.name} 삭제` : '그래프에서 파드를 먼저 선택하세요'}
        onClick={() =>
          pod &&
          run(
            () => client.delete('Pod', pod.name, pod.namespace),
            pod.owner
              ? `${pod.name}을(를) 삭제했어요. ${pod.owner.kind} 컨트롤러가 원하는 개수를 맞추려고 새 파드를 만들 거예요.`
              : `${pod.name}을(를) 삭제했어요. 소유자가 없는 파드라 다시 만들어지지 않아요.`,
          )
        }
      >
        ✕ 파드 삭제
      </button>
      <label className="flex items-center gap-1 text-xs">
        <span>노드</span>
        <select
          aria-label="장애 실험 대상 노드"
          value={nodeName}
          onChange={(e) => {
            setChosen(e.target.value);
            if (selection?.kind === 'Node') select({ kind: 'Node', key: e.target.value });
          }}
          className="rounded-md border border-zinc-300 bg-white px-1 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        >
          {nodeNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={DANGER}
        disabled={!node || !client.failures}
        onClick={() =>
          run(
            () => client.failures!.failNode(nodeName),
            `${nodeName}의 kubelet이 멈췄어요. ${timings ? seconds(timings.nodeMonitorGrace) : '50초'} 뒤 NotReady가 되고, ${
              timings ? seconds(timings.podEvictionTimeout) : '5분'
            } 더 지나면 파드가 축출되어 다른 노드에 다시 만들어져요. 속도를 올려 보세요.`,
          )
        }
      >
        ⚡ 노드 장애
      </button>
      <button
        type="button"
        className={NEUTRAL}
        disabled={!node || !client.failures}
        onClick={() => run(() => client.failures!.recoverNode(nodeName), `${nodeName}의 kubelet이 다시 보고를 시작했어요. 곧 Ready로 돌아와요.`)}
      >
        ✚ 노드 복구
      </button>
      <button
        type="button"
        className={NEUTRAL}
        disabled={!node}
        aria-pressed={node?.unschedulable ?? false}
        onClick={() => {
          const cordon = !node?.unschedulable;
          void run(
            () => client.patch('Node', nodeName, undefined, { spec: { unschedulable: cordon ? true : null } }, 'merge'),
            cordon
              ? `${nodeName}을(를) 코든했어요: 새 파드는 이 노드에 배치되지 않지만, 이미 있는 파드는 그대로 실행돼요.`
              : `${nodeName}의 코든을 풀었어요: 다시 새 파드를 받을 수 있어요.`,
          );
        }}
      >
        {node?.unschedulable ? '▶ 언코든' : '⊘ 코든'}
      </button>
      <p role="status" aria-live="polite" className="basis-full text-xs text-zinc-700 empty:hidden dark:text-zinc-300">
        {note}
      </p>
    </div>
  );
}
