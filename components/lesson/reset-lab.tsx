'use client';

import { useState } from 'react';
import { usePlayground } from '@/components/wiring/playground-context';

/** "실습 초기화": puts the lesson's cluster back to its seeded starting state (setup commands re-run). */
export function ResetLab() {
  const { client, seed } = usePlayground();
  const [message, setMessage] = useState<string | null>(null);
  const canReset = Boolean(client?.time);

  return (
    <div className="not-prose my-4 flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={!canReset}
        onClick={() => {
          client?.time?.reset(seed);
          setMessage('실습 클러스터를 처음 상태로 되돌렸습니다.');
        }}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-semibold hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        ↺ 실습 초기화
      </button>
      <span aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message ?? (client && !client.time ? '실제 클러스터에서는 초기화할 수 없습니다. 직접 만든 리소스를 지워 주세요.' : '')}
      </span>
    </div>
  );
}
