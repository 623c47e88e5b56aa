'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { classApi, type CreateAnswer } from './api';
import { Field, FormError, primaryButton } from './field';
import { saveInstructorKey } from './membership';
import { JoinInfo } from './join-info';
import type { LessonLink } from './join-panel';

/** The instructor opens a class: name and lessons in, join code, link, QR and the one-time key out. */
export function OpenClassForm({ lessons }: { lessons: LessonLink[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<CreateAnswer | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await classApi<CreateAnswer>('/api/class', { body: { name: form.get('name'), lessons: form.getAll('lessons') } });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    saveInstructorKey(res.data.code, res.data.key);
    setOpened(res.data);
  }

  if (opened) {
    return (
      <section aria-labelledby="opened" className="space-y-6" data-class-opened={opened.code}>
        <h2 id="opened" className="text-xl font-bold">
          «{opened.name}» 수업을 열었습니다
        </h2>
        <JoinInfo code={opened.code} />
        <div className="rounded-xl border-2 border-amber-500/60 bg-amber-50 p-4 dark:bg-amber-950/30">
          <p className="font-semibold">강사 키 (지금 한 번만 보여 드립니다)</p>
          <p className="mt-1 break-all font-mono text-lg" data-instructor-key="">
            {opened.key}
          </p>
          <p className="mt-2 text-sm">이 브라우저에는 저장해 두었습니다. 다른 기기에서 수업 현황을 열려면 이 키가 필요하니 안전한 곳에 적어 두세요. 학생에게는 보여 주지 마세요.</p>
        </div>
        <Link href={`/class/${opened.code}`} className={`${primaryButton} inline-block`}>
          수업 현황 열기
        </Link>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="수업 열기">
      <Field label="수업 이름" name="name" required maxLength={60} placeholder="예: 월요일 오전 쿠버네티스 입문" autoComplete="off" />
      <fieldset>
        <legend className="text-sm font-semibold">이번 수업에서 다룰 레슨</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {lessons.map((l) => (
            <label key={l.slug} className="flex items-center gap-2 rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
              <input type="checkbox" name="lessons" value={l.slug} defaultChecked className="h-4 w-4" />
              <span>
                {l.order}. {l.title}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormError message={error} />
      <button type="submit" className={primaryButton} disabled={busy}>
        {busy ? '여는 중…' : '수업 열기'}
      </button>
    </form>
  );
}
