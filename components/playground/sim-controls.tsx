'use client';

import { useEffect, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';

const SPEEDS = [0.5, 1, 2, 5, 10];

function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const BUTTON =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

/** Play/pause, step, speed 0.5×–10× and reset, for clients that own their clock (the simulator). */
export function SimControls({ client }: { client: ClusterClient }) {
  const time = client.time;
  const [playing, setPlaying] = useState(() => time?.playing() ?? false);
  const [speed, setSpeed] = useState(() => time?.speed() ?? 1);
  const [now, setNow] = useState(() => time?.now() ?? 0);

  useEffect(() => {
    if (!time) return;
    const id = setInterval(() => {
      setNow(time.now());
      setPlaying(time.playing());
    }, 250);
    return () => clearInterval(id);
  }, [time]);

  if (!time) return <p className="text-xs text-zinc-600 dark:text-zinc-400">실제 클러스터: 시간 조절 없음</p>;

  const step = (ms: number) => {
    time.step(ms);
    setNow(time.now());
  };
  return (
    <div role="group" aria-label="시뮬레이터 조절" className="flex flex-wrap items-center gap-1.5">
      <button
        type="button"
        className={BUTTON}
        aria-pressed={playing}
        onClick={() => {
          time.setPlaying(!playing);
          setPlaying(!playing);
        }}
      >
        {playing ? '‖ 일시 정지' : '▶ 재생'}
      </button>
      <button type="button" className={BUTTON} onClick={() => step(5_000)} title="시뮬레이션 시간을 5초 앞으로">
        +5초
      </button>
      <button type="button" className={BUTTON} onClick={() => step(60_000)} title="시뮬레이션 시간을 1분 앞으로">
        +1분
      </button>
      <label className="flex items-center gap-1 text-xs">
        <span>속도</span>
        <select
          aria-label="시뮬레이션 속도"
          value={speed}
          onChange={(e) => {
            const x = Number(e.target.value);
            time.setSpeed(x);
            setSpeed(time.speed());
          }}
          className="rounded-md border border-zinc-300 bg-white px-1 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
        >
          {SPEEDS.map((x) => (
            <option key={x} value={x}>
              {x}×
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={BUTTON}
        onClick={() => {
          if (window.confirm('클러스터를 처음 상태로 되돌릴까요? 만든 리소스가 모두 사라집니다.')) time.reset();
        }}
      >
        ↺ 초기화
      </button>
      <span className="ml-1 font-mono text-xs tabular-nums text-zinc-600 dark:text-zinc-400" aria-label="시뮬레이션 시각">
        시각 {formatClock(now)}
      </span>
    </div>
  );
}
