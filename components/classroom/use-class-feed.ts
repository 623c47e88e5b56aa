'use client';

import { useEffect, useRef, useState } from 'react';
import { RoomModel } from '@/lib/classroom/room-model';
import type { ClassUpdate } from '@/lib/classroom/hub';
import { createSseParser } from '@/lib/text/sse-parse';

/** A failure whose message is ours (Korean); anything else (network, browser) gets a generic Korean one. */
class RetryableError extends Error {}

export interface ClassHeader {
  code: string;
  name: string;
  lessons: string[];
  expiresAt: number;
}

export type FeedStatus = { state: 'connecting' } | { state: 'live' } | { state: 'retrying'; message: string } | { state: 'denied'; message: string } | { state: 'gone' };

/**
 * The instructor's live class: reads the SSE feed with fetch (key in a header), folds updates into one
 * RoomModel and re-renders at most once per animation frame. Reconnects with backoff; a fresh connection
 * starts a fresh model from the server's snapshot.
 */
export function useClassFeed(code: string, key: string | null) {
  const [header, setHeader] = useState<ClassHeader | null>(null);
  const [status, setStatus] = useState<FeedStatus>({ state: 'connecting' });
  const [version, setVersion] = useState(0);
  const model = useRef(new RoomModel());

  useEffect(() => {
    if (!key) return;
    const abort = new AbortController();
    let frame = 0;
    let gone = false;
    const bump = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), setVersion((v) => v + 1)));
    };
    async function connect(attempt: number): Promise<void> {
      try {
        const res = await fetch(`/api/class/${encodeURIComponent(code)}/stream`, { headers: { 'x-class-key': key! }, signal: abort.signal });
        if (res.status === 404 || res.status === 400) {
          const body = (await res.json().catch(() => null)) as { message?: string } | null;
          return setStatus({ state: 'denied', message: body?.message ?? '수업을 찾을 수 없습니다.' });
        }
        if (!res.ok || !res.body) throw new RetryableError(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? `서버 응답 ${res.status}`);
        model.current = new RoomModel();
        const feed = createSseParser((event, data) => {
          if (event === 'class') setHeader(JSON.parse(data) as ClassHeader);
          const update = JSON.parse(data) as ClassUpdate;
          if (event === 'members' && update.type === 'members') model.current.addMembers(update.members);
          else if (event === 'events' && update.type === 'events') model.current.apply(update.events);
          else if (event === 'gone') {
            gone = true;
            setStatus({ state: 'gone' });
          }
          bump();
        });
        setStatus({ state: 'live' });
        attempt = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          feed(value);
        }
        if (gone) return;
        throw new RetryableError('서버와의 연결이 끊겼습니다.');
      } catch (e) {
        if (abort.signal.aborted) return;
        setStatus((s) => (s.state === 'gone' ? s : { state: 'retrying', message: e instanceof RetryableError ? e.message : '서버에 연결하지 못했습니다.' }));
        await new Promise((r) => setTimeout(r, Math.min(10_000, 1000 * 2 ** attempt)));
        if (!abort.signal.aborted) return connect(attempt + 1);
      }
    }
    void connect(0);
    return () => {
      abort.abort();
      cancelAnimationFrame(frame);
    };
  }, [code, key]);

  return { header, status, model: model.current, version };
}
