import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { allLessons, findLesson } from '@/lib/lessons/content';
import { LessonBody } from '@/components/lesson/lesson-body';
import { PlaygroundProvider } from '@/components/wiring/playground-context';
import { SimWorkerStart } from '@/components/wiring/sim-worker-start';
import { Playground } from '@/components/playground/playground';
import { LessonSplit } from '@/components/shell/lesson-split';

export const dynamicParams = false;

export function generateStaticParams() {
  return allLessons().map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const found = findLesson((await params).slug);
  return found ? { title: found.lesson.title, description: found.lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const found = findLesson((await params).slug);
  if (!found) notFound();
  const { lesson, prev, next } = found;

  const article = (
    <article className="mx-auto max-w-3xl px-6 py-8">
      <p className="text-sm font-semibold text-brand-600 dark:text-blue-300">
        레슨 {lesson.order} · {lesson.duration}
      </p>
      <h1 className="mt-1 text-3xl font-extrabold tracking-tight">{lesson.title}</h1>
      <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{lesson.summary}</p>
      <section aria-labelledby="objectives-title" className="mt-6 rounded-xl border border-brand-100 bg-brand-50/60 p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="objectives-title" className="font-bold">
          이 레슨을 마치면
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {lesson.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      <div className="lesson-prose mt-6">
        <LessonBody slug={lesson.slug} body={lesson.body} />
      </div>
      <nav aria-label="레슨 이동" className="mt-12 flex justify-between gap-4 border-t border-zinc-200 pt-6 dark:border-zinc-800">
        {prev ? (
          <Link href={`/learn/${prev.slug}`} className="rounded-md px-3 py-2 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">이전 레슨</span>← {prev.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/learn/${next.slug}`} className="rounded-md px-3 py-2 text-right hover:bg-zinc-100 dark:hover:bg-zinc-800">
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">다음 레슨</span>
            {next.title} →
          </Link>
        ) : (
          <Link href="/" className="rounded-md px-3 py-2 text-right hover:bg-zinc-100 dark:hover:bg-zinc-800">
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">모든 레슨을 마쳤어요</span>
            커리큘럼으로 →
          </Link>
        )}
      </nav>
    </article>
  );

  return (
    <main>
      {!lesson.machines && <SimWorkerStart />}
      <PlaygroundProvider seed={lesson.seed ?? lesson.order} setup={lesson.setup} persistAs={`lesson:${lesson.slug}`} machines={lesson.machines}>
        <LessonSplit lesson={article} playground={<Playground lesson />} />
      </PlaygroundProvider>
    </main>
  );
}
