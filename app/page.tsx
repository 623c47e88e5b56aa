import Link from 'next/link';
import { IntentLink } from '@/components/shell/intent-link';
import { lessonMetas } from '@/lib/lessons/content';
import { LessonProgressBadge } from '@/components/lesson/lesson-progress-badge';
import { ProgressResetButton } from '@/components/lesson/lesson-progress-view';

export default function CurriculumPage() {
  const lessons = lessonMetas();
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <section aria-labelledby="hero-title" className="mb-10">
        <p className="text-sm font-semibold text-brand-600 dark:text-blue-300">부트캠프 하루 과정 · 클러스터 없이도 실습</p>
        <h1 id="hero-title" className="mt-2 text-3xl font-extrabold tracking-tight sm:text-4xl">
          쿠버네티스, 살아 있는 클러스터를 보며 배우기
        </h1>
        <p className="mt-4 max-w-3xl text-lg leading-relaxed text-zinc-700 dark:text-zinc-300">
          레슨을 읽다가 <strong>실행</strong>을 누르면 옆의 클러스터 그래프가 바로 반응합니다. 브라우저 안의 시뮬레이터가
          컨트롤 플레인과 워커 노드를 흉내 내므로 설치할 것은 없습니다.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {lessons[0] && (
            <Link href={`/learn/${lessons[0].slug}`} className="rounded-md bg-brand-500 px-5 py-2.5 font-semibold text-white hover:bg-brand-600">
              첫 레슨 시작하기
            </Link>
          )}
          <Link href="/playground" className="rounded-md border border-zinc-300 px-5 py-2.5 font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            자유 실습장 열기
          </Link>
        </div>
      </section>

      <section aria-labelledby="curriculum-title">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2 id="curriculum-title" className="text-xl font-bold">
            커리큘럼 <span className="text-base font-medium text-zinc-500 dark:text-zinc-400">({lessons.length}개 레슨)</span>
          </h2>
          <ProgressResetButton />
        </div>
        {lessons.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            아직 레슨이 없습니다. <code>content/lessons/</code>에 MDX 파일을 추가해 주세요.
          </p>
        ) : (
          <ol className="grid gap-3">
            {lessons.map((l) => (
              <li key={l.slug}>
                <IntentLink
                  href={`/learn/${l.slug}`}
                  className="group flex gap-4 rounded-xl border border-zinc-200 p-5 transition hover:border-brand-500 hover:shadow-sm dark:border-zinc-800 dark:hover:border-blue-400"
                >
                  <span
                    aria-hidden="true"
                    className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-50 font-bold text-brand-700 dark:bg-zinc-800 dark:text-blue-200"
                  >
                    {l.order}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-baseline gap-x-3">
                      <span className="text-lg font-bold group-hover:text-brand-600 dark:group-hover:text-blue-300">{l.title}</span>
                      <span className="text-sm text-zinc-500 dark:text-zinc-400">{l.duration}</span>
                    </span>
                    <span className="mt-1 block text-zinc-700 dark:text-zinc-300">{l.summary}</span>
                    <span className="mt-2 block">
                      <LessonProgressBadge slug={l.slug} />
                    </span>
                  </span>
                </IntentLink>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
