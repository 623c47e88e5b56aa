'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { classApi, type JoinAnswer } from './api';
import { Field, FormError, primaryButton, secondaryButton } from './field';
import { saveMembership } from './membership';
import { useMembership } from './use-membership';

export interface LessonLink {
  slug: string;
  title: string;
  order: number;
}

/** The student's side: join with a code and nickname, or come back with a rejoin code; then where to go next. */
export function JoinPanel({ initialCode, lessons }: { initialCode: string; lessons: LessonLink[] }) {
  const membership = useMembership();
  if (membership === undefined) return <p className="text-zinc-600 dark:text-zinc-400">불러오는 중…</p>;
  if (membership) {
    const titles = new Map(lessons.map((l) => [l.slug, l]));
    return (
      <section aria-labelledby="joined" className="rounded-xl border border-sky-600/30 bg-sky-50 p-5 dark:bg-sky-950/30" data-class-joined="">
        <h2 id="joined" className="text-xl font-bold">
          «{membership.name}» 수업에 {membership.nickname}(으)로 참여 중입니다
        </h2>
        <p className="mt-2 text-sm">레슨의 단계, 실습 과제 결과, 퀴즈 점수가 강사에게 자동으로 전달됩니다. 입력한 명령이나 글은 보내지 않습니다.</p>
        <p className="mt-3 text-sm">
          다른 기기에서 이어 하려면 재참여 코드를 적어 두세요:{' '}
          <strong className="rounded bg-white px-2 py-0.5 font-mono text-base tracking-widest dark:bg-zinc-900" data-rejoin-code="">
            {membership.rejoin}
          </strong>
        </p>
        <ol className="mt-4 grid gap-2 sm:grid-cols-2">
          {membership.lessons.map((slug) => (
            <li key={slug}>
              <Link href={`/learn/${slug}`} className="block rounded-md border border-zinc-300 bg-white px-3 py-2 font-semibold hover:border-sky-600 dark:border-zinc-700 dark:bg-zinc-900">
                {titles.get(slug) ? `${titles.get(slug)!.order}. ${titles.get(slug)!.title}` : slug}
              </Link>
            </li>
          ))}
        </ol>
        <button type="button" className={`${secondaryButton} mt-4`} onClick={() => saveMembership(null)}>
          수업에서 나가기
        </button>
      </section>
    );
  }
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <JoinForm initialCode={initialCode} />
      <RejoinForm initialCode={initialCode} />
    </div>
  );
}

function useSubmit(path: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(body: unknown) {
    setBusy(true);
    setError(null);
    const res = await classApi<JoinAnswer>(path, { body });
    setBusy(false);
    if (!res.ok) return setError(res.message);
    saveMembership({ code: res.data.code, rejoin: res.data.rejoin, nickname: res.data.nickname, name: res.data.name, lessons: res.data.lessons });
  }
  return { busy, error, submit };
}

function JoinForm({ initialCode }: { initialCode: string }) {
  const { busy, error, submit } = useSubmit('/api/class/join');
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void submit({ code: form.get('code'), nickname: form.get('nickname') });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800" aria-labelledby="join-title">
      <h2 id="join-title" className="text-lg font-bold">
        수업 참여하기
      </h2>
      <Field label="참여 코드" name="code" defaultValue={initialCode} required autoComplete="off" autoCapitalize="characters" placeholder="예: ABCD2345" hint="강사 화면에 보이는 8자리 코드" />
      <Field label="닉네임" name="nickname" required maxLength={20} autoComplete="off" placeholder="예: 하늘" hint="실명 대신 닉네임만 씁니다 (20자 이내)" />
      <FormError message={error} />
      <button type="submit" className={primaryButton} disabled={busy}>
        {busy ? '참여하는 중…' : '참여하기'}
      </button>
    </form>
  );
}

function RejoinForm({ initialCode }: { initialCode: string }) {
  const { busy, error, submit } = useSubmit('/api/class/rejoin');
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void submit({ code: form.get('code'), rejoin: form.get('rejoin') });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800" aria-labelledby="rejoin-title">
      <h2 id="rejoin-title" className="text-lg font-bold">
        다른 기기에서 이어 하기
      </h2>
      <Field label="참여 코드" name="code" defaultValue={initialCode} required autoComplete="off" autoCapitalize="characters" />
      <Field label="재참여 코드" name="rejoin" required autoComplete="off" autoCapitalize="characters" hint="처음 참여할 때 받은 12자리 코드" />
      <FormError message={error} />
      <button type="submit" className={secondaryButton} disabled={busy}>
        {busy ? '확인하는 중…' : '이어 하기'}
      </button>
    </form>
  );
}
