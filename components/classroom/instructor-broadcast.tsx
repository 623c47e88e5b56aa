'use client';

import { useEffect, useRef, useState } from 'react';
import { usePathname } from 'next/navigation';
import { usePlayground } from '@/components/wiring/playground-context';
import { JournaledClient } from '@/lib/store/lab-journal';
import { Broadcaster, followPoster, type BroadcastStatus } from './broadcaster';
import { BAR, BAR_BUTTON } from './follow-bar';

/** Heading ids on lesson pages (the same shape the API accepts). */
const ANCHOR = /^[\p{L}\p{N}_-]{1,80}$/u;

/** The instructor's Playground: broadcast this cluster to the class, and send the class to this lesson. */
export function InstructorBroadcast({ code, instructorKey }: { code: string; instructorKey: string }) {
  const { client } = usePlayground();
  const pathname = usePathname();
  const [status, setStatus] = useState<BroadcastStatus | null>(null);
  const [navNote, setNavNote] = useState<string | null>(null);
  const broadcaster = useRef<Broadcaster | null>(null);
  const lesson = /^\/learn\/([a-z0-9-]+)$/.exec(pathname ?? '')?.[1] ?? null;
  const on = status !== null && status.state !== 'stopped';

  // A scenario or replay shown instead of the lab pauses the broadcast; the lab coming back resumes it.
  useEffect(() => {
    if (!on) return;
    if (broadcaster.current && client instanceof JournaledClient) return;
    broadcaster.current?.dispose();
    broadcaster.current = client instanceof JournaledClient ? new Broadcaster(client, followPoster(code, instructorKey), setStatus) : null;
    if (!broadcaster.current) setStatus({ state: 'error', message: '지금 보이는 클러스터는 방송할 수 없습니다. 내 실습 클러스터로 돌아오면 다시 방송합니다.' });
  }, [on, client, code, instructorKey]);
  useEffect(() => () => broadcaster.current?.dispose(), []);

  async function stop() {
    const b = broadcaster.current;
    broadcaster.current = null;
    await b?.stop();
    setStatus(null);
  }

  async function sendToLesson() {
    if (!lesson) return;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const res = await followPoster(code, instructorKey)({ kind: 'nav', lesson, ...(ANCHOR.test(hash) ? { anchor: hash } : {}) });
    setNavNote(res.ok ? '학생들에게 이 레슨으로 오라고 알렸어요.' : res.message);
  }

  return (
    <div data-follow-bar="instructor" className={`${BAR} border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50`}>
      <span className="min-w-0 flex-1 max-sm:basis-full">
        수업 <span className="font-mono font-bold tracking-wider">{code}</span>
        {' · '}
        {status?.state === 'live' ? (
          <span role="status">
            <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full bg-red-500 align-middle" />
            방송 중 — 따라오는 학생 화면에 이 클러스터가 보입니다
          </span>
        ) : status?.state === 'error' ? (
          <span role="alert">{status.message}</span>
        ) : (
          '이 클러스터를 학생들에게 보여줄 수 있어요'
        )}
        {navNote && <span className="ml-2 text-xs">({navNote})</span>}
      </span>
      {on ? (
        <button type="button" onClick={stop} className={`${BAR_BUTTON} border-sky-700/40 hover:bg-sky-200 dark:hover:bg-sky-800`}>
          방송 끝내기
        </button>
      ) : (
        <button type="button" onClick={() => setStatus({ state: 'live', sent: 0 })} className={`${BAR_BUTTON} border-sky-700/40 bg-sky-600 text-white hover:bg-sky-700`}>
          내 클러스터 방송하기
        </button>
      )}
      {lesson && (
        <button type="button" onClick={sendToLesson} className={`${BAR_BUTTON} border-sky-700/40 hover:bg-sky-200 dark:hover:bg-sky-800`}>
          학생들을 이 레슨으로 안내
        </button>
      )}
    </div>
  );
}
