'use client';

import { useEffect, useRef } from 'react';
import { useProgress } from '@/components/lesson/progress-provider';
import { CHECK_EVENT, type CheckSignal } from '@/lib/classroom/signals';
import { progressEvents } from '@/lib/classroom/progress-diff';
import type { ProgressEvent } from '@/lib/classroom/validation';
import type { LessonProgress } from '@/lib/lessons/progress-schema';
import { saveMembership } from './membership';
import { useMembership } from './use-membership';

const FLUSH_MS = 1000;
const BATCH = 50;

/**
 * Sends a joined student's progress to the class in small batches, once a second at most. Renders nothing;
 * without a class it only reads localStorage once. A failed send keeps the batch and tries again later.
 */
export function ClassProgressReporter() {
  const membership = useMembership();
  const hydrated = useProgress((s) => s.hydrated);
  const lessons = useProgress((s) => s.lessons);
  const queue = useRef<ProgressEvent[]>([]);
  const seen = useRef<{ code: string; lessons: Record<string, LessonProgress> } | null>(null);

  useEffect(() => {
    if (!membership || !hydrated) return;
    // On joining (or a reload) everything already done is reported once; then only changes.
    const before = seen.current?.code === membership.code ? seen.current.lessons : {};
    queue.current.push(...progressEvents(before, lessons, membership.lessons));
    seen.current = { code: membership.code, lessons };
  }, [membership, hydrated, lessons]);

  useEffect(() => {
    if (!membership) return;
    const onCheck = (e: Event) => {
      const s = (e as CustomEvent<CheckSignal>).detail;
      // Passes arrive through the progress store; failures only through this signal.
      if (!s.ok && membership.lessons.includes(s.lesson)) queue.current.push({ kind: 'check', lesson: s.lesson, exercise: s.exercise, ok: false });
    };
    window.addEventListener(CHECK_EVENT, onCheck);
    let sending = false;
    const timer = setInterval(async () => {
      if (sending || queue.current.length === 0) return;
      sending = true;
      const events = queue.current.slice(0, BATCH);
      try {
        const res = await fetch('/api/class/progress', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: membership.code, rejoin: membership.rejoin, events }) });
        if (res.ok || res.status === 400) queue.current.splice(0, events.length);
        if (res.status === 404) saveMembership(null); // the class was deleted or expired
      } catch {
        // offline: keep the batch for the next tick
      } finally {
        sending = false;
      }
    }, FLUSH_MS);
    return () => {
      window.removeEventListener(CHECK_EVENT, onCheck);
      clearInterval(timer);
    };
  }, [membership]);

  return null;
}
