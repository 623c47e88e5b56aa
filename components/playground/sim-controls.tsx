'use client';

import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ClusterClient, TimeControls } from '@/lib/cluster/types';

/** Up to 60×: a node failure (40 s to NotReady, 300 s to eviction) then plays in about six seconds. */
export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 60];

function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "40초", "5분", "5분 2초". */
export function formatSkipped(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}초`;
  return s % 60 === 0 ? `${s / 60}분` : `${Math.floor(s / 60)}분 ${s % 60}초`;
}

const BUTTON =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

/**
 * Play state and speed of the one simulator clock. Every control that shows them reads them here, so the toolbar and
 * the scenario panel can never disagree; updates arrive through TimeControls.onChange (polled where it is missing).
 */
export function useClockState(time: TimeControls | undefined): { playing: boolean; speed: number } {
  const subscribe = useCallback(
    (cb: () => void) => {
      if (!time) return () => {};
      if (time.onChange) return time.onChange(cb);
      const id = setInterval(cb, 250);
      return () => clearInterval(id);
    },
    [time],
  );
  const key = useSyncExternalStore(subscribe, () => (time ? `${time.playing()}|${time.speed()}` : 'false|1'), () => 'false|1');
  const [playing, speed] = key.split('|');
  return { playing: playing === 'true', speed: Number(speed) };
}

/** ‖ 일시 정지 / ▶ 재생 for the one clock. */
export function PlayPauseButton({ time, className = BUTTON }: { time: TimeControls; className?: string }) {
  const { playing } = useClockState(time);
  return (
    <button type="button" className={className} aria-pressed={playing} onClick={() => time.setPlaying(!playing)} data-clock-play="">
      {playing ? '‖ 일시 정지' : '▶ 재생'}
    </button>
  );
}

/** Jump simulated time to the next thing the engine has scheduled (a node going NotReady, an eviction, a pull). */
export function SkipAheadButton({ time, className = BUTTON, shortcut }: { time: TimeControls; className?: string; /** Where a page binds a key to it (the instructor page: N). */ shortcut?: string }) {
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!note) return;
    const id = setTimeout(() => setNote(''), 4000);
    return () => clearTimeout(id);
  }, [note]);
  if (!time.skipToNextEvent) return null;
  const skip = async () => {
    const r = await time.skipToNextEvent!();
    setNote(!r ? '예정된 사건이 없습니다' : r.changed ? `${formatSkipped(r.skippedMs)} 건너뜀` : `${formatSkipped(r.skippedMs)} 지났지만 바뀐 것이 없습니다`);
  };
  return (
    <>
      <button type="button" className={className} onClick={() => void skip()} aria-keyshortcuts={shortcut} title="다음에 예정된 일(노드 상태 변화, 파드 축출, 이미지 받기 등)까지 시간을 건너뜁니다" data-skip-ahead="">
        다음 사건으로 ▶|
      </button>
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400" data-skip-note="">
        {note}
      </span>
    </>
  );
}

/** The speed list, plus the current speed when a shortcut set one that is not in it (e.g. 9×). */
function SpeedSelect({ time }: { time: TimeControls }) {
  const { speed } = useClockState(time);
  const options = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <label className="flex items-center gap-1 text-xs">
      <span>속도</span>
      <select
        aria-label="시뮬레이션 속도"
        value={speed}
        onChange={(e) => time.setSpeed(Number(e.target.value))}
        className="rounded-md border border-zinc-300 bg-white px-1 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map((x) => (
          <option key={x} value={x}>
            {x}×
          </option>
        ))}
      </select>
    </label>
  );
}

/** Play/pause, step, skip ahead, speed 0.5×–60× and reset, for clients that own their clock (the simulator). */
export function SimControls({ client }: { client: ClusterClient }) {
  const time = client.time;
  const [now, setNow] = useState(() => time?.now() ?? 0);

  useEffect(() => {
    if (!time) return;
    const id = setInterval(() => setNow(time.now()), 250);
    return () => clearInterval(id);
  }, [time]);

  if (!time) return <p className="text-xs text-zinc-600 dark:text-zinc-400">실제 클러스터: 시간 조절 없음</p>;

  const step = async (ms: number) => {
    await time.step(ms);
    setNow(time.now());
  };
  return (
    <div role="group" aria-label="시뮬레이터 조절" className="flex flex-wrap items-center gap-1.5">
      <PlayPauseButton time={time} />
      <button type="button" className={BUTTON} onClick={() => void step(5_000)} title="시뮬레이션 시간을 5초 앞으로">
        +5초
      </button>
      <button type="button" className={BUTTON} onClick={() => void step(60_000)} title="시뮬레이션 시간을 1분 앞으로">
        +1분
      </button>
      <SkipAheadButton time={time} />
      <SpeedSelect time={time} />
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
