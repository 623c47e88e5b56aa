'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { choosePreferredSource, setWriteToken, storedWriteToken, type ClusterSource } from '@/lib/cluster/source';
import { useClusterSource } from '@/components/wiring/cluster-source';
import { useLiveInfo } from './live-info';

function WriteUnlock() {
  const [unlocked, setUnlocked] = useState(false);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  useEffect(() => setUnlocked(storedWriteToken() !== null), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setWriteToken(value.trim() || null);
    setUnlocked(value.trim() !== '');
    setValue('');
    setEditing(false);
  };
  if (unlocked) {
    return (
      <button type="button" className="whitespace-nowrap text-xs text-zinc-600 underline dark:text-zinc-300" onClick={() => (setWriteToken(null), setUnlocked(false))}>
        쓰기 잠그기
      </button>
    );
  }
  if (!editing) {
    return (
      <button type="button" className="whitespace-nowrap text-xs text-zinc-600 underline dark:text-zinc-300" onClick={() => setEditing(true)}>
        쓰기 잠금 해제
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="flex shrink-0 items-center gap-1">
      <label className="sr-only" htmlFor="cluster-write-token">
        강사 쓰기 토큰
      </label>
      <input
        id="cluster-write-token"
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="강사 토큰"
        className="w-20 rounded border border-zinc-300 px-1.5 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button type="submit" className="whitespace-nowrap rounded bg-zinc-800 px-2 py-0.5 text-xs text-white dark:bg-zinc-200 dark:text-zinc-900">
        확인
      </button>
    </form>
  );
}

/**
 * 시뮬레이터 / 실제 클러스터 switch. Shown only when the server has a cluster; otherwise the app stays on the
 * simulator (and says so if the visitor had asked for the real cluster).
 */
export function SourceSwitch() {
  const source = useClusterSource();
  const info = useLiveInfo();

  if (!info) return null;
  if (info.mode !== 'live') {
    return source === 'live' ? (
      <span data-testid="source-switch-none" className="text-xs text-zinc-500 dark:text-zinc-400">
        연결된 클러스터가 없어 시뮬레이터로 실습합니다
      </span>
    ) : null;
  }
  const option = (value: ClusterSource, label: string) => (
    <button
      type="button"
      aria-pressed={source === value}
      onClick={() => choosePreferredSource(value)}
      className={`whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-semibold ${
        source === value ? 'bg-zinc-900 text-white dark:bg-white dark:text-zinc-900' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white'
      }`}
    >
      {label}
    </button>
  );
  return (
    <div className="flex shrink-0 items-center gap-2">
      <div role="group" aria-label="클러스터 선택" data-testid="source-switch" className="inline-flex rounded-full border border-zinc-300 p-0.5 dark:border-zinc-700">
        {option('sim', '시뮬레이터')}
        {option('live', '실제 클러스터')}
      </div>
      {source === 'live' && info.writable ? <WriteUnlock /> : null}
    </div>
  );
}
