'use client';

import { useEffect, useRef, useState } from 'react';
import type { ClusterClient } from '@/lib/cluster/types';
import { parseRecording, recordingFileName, startRecording, type Recording, type RecordingSession } from '@/lib/cluster/recorder';
import { ReplayClient } from '@/lib/cluster/replay-client';
import { BUTTON, PRIMARY_BUTTON } from './ui';

const SPEEDS = [0.5, 1, 2, 5, 10];

function download(rec: Recording): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(rec)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = recordingFileName(rec);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}초`;

function ReplayControls({ replay, onExit }: { replay: ReplayClient; onExit: () => void }) {
  const [pos, setPos] = useState(replay.time.position());
  const [playing, setPlaying] = useState(replay.time.playing());
  useEffect(() => replay.onProgress((ms) => {
    setPos(ms);
    setPlaying(replay.time.playing());
  }), [replay]);
  const duration = replay.time.duration();
  return (
    <div className="space-y-2" data-replay="">
      <p className="text-sm font-semibold">기록 재생 중 (읽기 전용)</p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={PRIMARY_BUTTON}
          onClick={() => {
            replay.time.setPlaying(!playing);
            setPlaying(!playing);
          }}
        >
          {playing ? '■ 일시 정지' : '▶ 기록 재생'}
        </button>
        <label className="flex items-center gap-1 text-sm">
          속도
          <select aria-label="재생 속도" defaultValue={1} onChange={(e) => replay.time.setSpeed(Number(e.target.value))} className="rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={BUTTON} onClick={onExit}>
          실습 클러스터로 돌아가기
        </button>
      </div>
      <input type="range" aria-label="재생 위치" min={0} max={duration} step={100} value={pos} onChange={(e) => replay.time.seek(Number(e.target.value))} className="w-full" />
      <p className="text-xs" data-replay-position={Math.round(pos)}>
        {seconds(pos)} / {seconds(duration)}
      </p>
    </div>
  );
}

/** Record the current cluster's change stream to a JSON file; open a file and replay it in the same graph. */
export function RecordReplay({ client, replaceClient }: { client: ClusterClient | null; replaceClient: (c: ClusterClient | null) => void }) {
  const session = useRef<RecordingSession | null>(null);
  const [recording, setRecording] = useState(false);
  const [frames, setFrames] = useState(0);
  const [last, setLast] = useState<Recording | null>(null);
  const [error, setError] = useState<string | null>(null);
  const replay = client instanceof ReplayClient ? client : null;

  useEffect(() => {
    if (!recording) return;
    const id = setInterval(() => setFrames(session.current?.frameCount() ?? 0), 500);
    return () => clearInterval(id);
  }, [recording]);

  const startReplay = (rec: Recording) => {
    setError(null);
    replaceClient(new ReplayClient(rec));
  };
  const exitReplay = () => {
    replay?.dispose();
    replaceClient(null);
  };

  if (replay) return <ReplayControls replay={replay} onExit={exitReplay} />;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        지금 클러스터(시뮬레이터 또는 실제 클러스터)의 변화를 JSON 파일로 기록해 두었다가, 나중에 인터넷 없이도 같은 그래프에서 원하는 속도로 다시 볼 수 있어요.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {!recording ? (
          <button
            type="button"
            className={PRIMARY_BUTTON}
            disabled={!client}
            onClick={() => {
              session.current = startRecording(client!);
              setFrames(0);
              setRecording(true);
            }}
          >
            ● 기록 시작
          </button>
        ) : (
          <button
            type="button"
            className={PRIMARY_BUTTON}
            onClick={() => {
              const rec = session.current!.stop();
              session.current = null;
              setRecording(false);
              setLast(rec);
              download(rec);
            }}
          >
            ■ 기록 멈추고 저장
          </button>
        )}
        {recording && <span role="status" className="text-sm">기록 중… 변화 {frames}묶음</span>}
        {last && !recording && (
          <button type="button" className={BUTTON} onClick={() => startReplay(last)}>
            ▶ 방금 기록 재생
          </button>
        )}
      </div>
      <label className="flex flex-col gap-1 text-sm">
        기록 파일 열기
        <input
          type="file"
          accept="application/json,.json"
          aria-label="기록 파일 열기"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            try {
              startReplay(parseRecording(await file.text()));
            } catch (err) {
              setError(err instanceof Error ? err.message : String(err));
            }
          }}
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
