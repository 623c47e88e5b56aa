'use client';

import { useEffect, useRef } from 'react';
import { useProgress } from '@/components/lesson/progress-provider';
import { CHECK_EVENT, KUBECTL_ERROR_EVENT, type CheckSignal } from '@/lib/classroom/signals';
import { classifyKubectlError, hintIdOf } from '@/lib/classroom/kubectl-errors';
import { progressEvents } from '@/lib/classroom/progress-diff';
import type { ProgressEvent } from '@/lib/classroom/validation';
import type { LessonProgress } from '@/lib/lessons/progress-schema';
import { saveMembership } from './membership';
import { useMembership } from './use-membership';
import { ClassNavNotice } from './class-nav-notice';

const FLUSH_MS = 1000;
const BATCH = 50;

/** One-off events (a failed check, a kubectl error) get a random name when they happen; a resend reuses it. */
const onceKey = () => `once.${Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('')}`;

/** The class lesson this page shows, if any (kubectl errors are counted per lesson when known). */
function currentLesson(lessons: readonly string[]): string | undefined {
  const slug = /^\/learn\/([a-z0-9-]+)/.exec(window.location.pathname)?.[1];
  return slug && lessons.includes(slug) ? slug : undefined;
}

/**
 * Sends a joined student's progress to the class in small batches, once a second at most, and shows where the
 * instructor sends the class. Without a class it renders nothing and only reads localStorage once. A failed send keeps the batch and tries again later.
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
      if (!s.ok && membership.lessons.includes(s.lesson)) queue.current.push({ kind: 'check', lesson: s.lesson, exercise: s.exercise, ok: false, key: onceKey() });
    };
    const onKubectlError = (e: Event) => {
      const errorClass = classifyKubectlError((e as CustomEvent<string>).detail);
      if (errorClass) queue.current.push({ kind: 'kubectl-error', lesson: currentLesson(membership.lessons), errorClass, hint: hintIdOf(errorClass), key: onceKey() });
    };
    window.addEventListener(CHECK_EVENT, onCheck);
    window.addEventListener(KUBECTL_ERROR_EVENT, onKubectlError);
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
      window.removeEventListener(KUBECTL_ERROR_EVENT, onKubectlError);
      clearInterval(timer);
    };
  }, [membership]);

  return membership ? <ClassNavNotice membership={membership} /> : null;
}
