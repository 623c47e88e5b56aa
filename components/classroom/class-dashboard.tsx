'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { describeMistake, type StuckReason } from '@/lib/classroom/room-model';
import { classApi } from './api';
import { Field, FormError, primaryButton, secondaryButton } from './field';
import { instructorKeyFor, saveInstructorKey } from './membership';
import { JoinInfo } from './join-info';
import { ProgressGrid, type LessonColumn } from './progress-grid';
import { useClassFeed } from './use-class-feed';

/** The instructor's class page. Without the key in this browser it asks for it and shows nothing else. */
export function ClassDashboard({ code, lessons }: { code: string; lessons: LessonColumn[] }) {
  const [key, setKey] = useState<string | null | undefined>(undefined);
  useEffect(() => setKey(instructorKeyFor(code)), [code]);
  if (key === undefined) return <p className="p-6 text-zinc-600 dark:text-zinc-400">불러오는 중…</p>;
  if (!key) return <KeyForm code={code} onKey={setKey} />;
  return <LiveClass code={code} instructorKey={key} lessons={lessons} onForget={() => setKey(null)} />;
}

/** Instructor keys are base64url (see lib/classroom/codes.ts); anything else can't be one, nor go in a header. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

function KeyForm({ code, onKey }: { code: string; onKey: (k: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const k = String(new FormData(e.currentTarget).get('key') ?? '').trim();
    if (!KEY_PATTERN.test(k)) return setError('강사 키 형식이 아닙니다. 수업을 열 때 받은 32자리 키(영문, 숫자, -, _)를 입력하세요.');
    saveInstructorKey(code, k);
    onKey(k);
  }
  return (
    <form onSubmit={onSubmit} className="mx-auto mt-10 max-w-md space-y-4 rounded-xl border border-zinc-200 p-6 dark:border-zinc-800" aria-labelledby="key-title">
      <h1 id="key-title" className="text-xl font-bold">
        강사 키가 필요합니다
      </h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">수업 현황은 수업을 연 강사만 볼 수 있습니다. 수업을 열 때 받은 강사 키를 입력하세요.</p>
      <Field label="강사 키" name="key" type="password" required autoComplete="off" />
      <FormError message={error} />
      <button type="submit" className={primaryButton}>
        확인
      </button>
    </form>
  );
}

function LiveClass({ code, instructorKey, lessons, onForget }: { code: string; instructorKey: string; lessons: LessonColumn[]; onForget: () => void }) {
  const { header, status, model } = useClassFeed(code, instructorKey);
  const [showJoin, setShowJoin] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [deleteError, setDeleteError] = useState<string | null>(null);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  if (status.state === 'denied') {
    return (
      <div className="mx-auto mt-10 max-w-md space-y-4 p-6" role="alert">
        <p className="font-semibold">{status.message}</p>
        <button type="button" className={secondaryButton} onClick={() => (saveInstructorKey(code, null), onForget())}>
          다른 강사 키 입력하기
        </button>
      </div>
    );
  }
  if (status.state === 'gone') return <p className="mx-auto mt-10 max-w-md p-6 font-semibold" role="status">이 수업은 삭제되었습니다.</p>;

  const columns = lessons.filter((l) => header?.lessons.includes(l.slug));
  const members = [...model.members.values()];
  const stuck = members.map((m) => ({ m, why: model.stuck(m.member.id, now) })).filter((x): x is { m: (typeof members)[number]; why: StuckReason } => x.why !== null);
  const mistakes = model.topMistakes(5);

  async function remove() {
    if (!window.confirm('이 수업과 학생들의 진도 기록을 모두 삭제할까요? 되돌릴 수 없습니다.')) return;
    const res = await classApi(`/api/class/${code}`, { method: 'DELETE', key: instructorKey });
    if (!res.ok) return setDeleteError(res.message);
    saveInstructorKey(code, null);
  }

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6 2xl:max-w-none 2xl:px-10">
      <header className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
          <h1 className="text-2xl font-extrabold tracking-tight">{header?.name ?? '수업 현황'}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status" aria-live="polite">
            참여 코드 <span className="font-mono font-bold tracking-widest text-zinc-900 dark:text-zinc-100">{code}</span> · 학생 {members.length}명 · {statusText(status)}
          </p>
        </div>
        <button type="button" className={secondaryButton} aria-expanded={showJoin} onClick={() => setShowJoin((v) => !v)}>
          {showJoin ? '참여 안내 닫기' : '참여 안내 크게 보기'}
        </button>
        <button type="button" className={`${secondaryButton} text-red-700 dark:text-red-400`} onClick={remove}>
          수업 삭제
        </button>
      </header>
      <FormError message={deleteError} />
      {showJoin && <JoinInfo code={code} />}
      {!header ? (
        <p className="text-zinc-600 dark:text-zinc-400">수업 정보를 불러오는 중…</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <ProgressGrid columns={columns} members={members} stuck={new Map(stuck.map((s) => [s.m.member.id, s.why]))} />
          <aside className="space-y-6">
            <section aria-labelledby="stuck-title" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
              <h2 id="stuck-title" className="font-bold">
                도움이 필요한 학생
              </h2>
              {stuck.length === 0 ? (
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">지금은 막힌 학생이 없습니다.</p>
              ) : (
                <ul className="mt-2 space-y-1 text-sm" data-stuck-list="">
                  {stuck.map(({ m, why }) => (
                    <li key={m.member.id}>
                      <strong>{m.member.nickname}</strong> — {stuckText(why)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="mistakes-title" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
              <h2 id="mistakes-title" className="font-bold">
                자주 나오는 실수
              </h2>
              {mistakes.length === 0 ? (
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">아직 기록된 실수가 없습니다.</p>
              ) : (
                <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
                  {mistakes.map((m) => (
                    <li key={m.key}>
                      {describeMistake(m.key)} · {m.count}회
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </aside>
        </div>
      )}
    </div>
  );
}

function statusText(s: ReturnType<typeof useClassFeed>['status']): string {
  if (s.state === 'live') return '실시간 연결됨';
  if (s.state === 'retrying') return `연결이 끊겨 다시 연결하는 중… (${s.message})`;
  return '연결하는 중…';
}

export function stuckText(why: StuckReason): string {
  return why.kind === 'failing' ? `과제 ${why.exercise}를 ${why.times}번 연속 실패` : `${why.minutes}분째 진도 없음 (다른 학생은 진행 중)`;
}
