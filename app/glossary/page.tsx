import type { Metadata } from 'next';
import Link from 'next/link';
import { lessonMetas } from '@/lib/lessons/content';
import { loadGlossary } from '@/lib/lessons/glossary';

export const metadata: Metadata = {
  title: '용어집',
  description: '쿠버네티스 용어를 한국어, 영어, 한 줄 설명과 배우는 레슨으로 정리했습니다.',
};

export default function GlossaryPage() {
  const lessons = lessonMetas();
  const titleOf = new Map(lessons.map((l) => [l.slug, `${l.order}. ${l.title}`]));
  const entries = loadGlossary(lessons.map((l) => l.slug));

  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <h1 className="text-3xl font-extrabold tracking-tight">용어집</h1>
      <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">
        레슨에 나오는 쿠버네티스 용어 {entries.length}개를 모았습니다. 한국어 용어는 쿠버네티스 공식 한국어 문서의 표기를 따르고, 리소스 종류와 명령은
        실제 도구가 쓰는 영어 그대로 적었습니다.
      </p>
      {/* On a phone each term is a small card (term and English, then its meaning): four columns leave the meaning
          two letters wide and hidden behind a sideways scroll. */}
      <div className="mt-8 overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="w-full border-collapse text-left max-sm:block">
          <caption className="sr-only">쿠버네티스 용어집: 한국어 용어, 영어 용어, 뜻, 배우는 레슨</caption>
          <thead className="bg-zinc-50 text-sm max-sm:sr-only dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                한국어
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                영어
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                뜻
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                레슨
              </th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {entries.map((e) => (
              <tr key={e.ko} id={`term-${e.en.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`} className="border-t border-zinc-200 align-top first:border-t-0 max-sm:block max-sm:px-4 max-sm:py-3 dark:border-zinc-800">
                <th scope="row" className="px-4 py-3 font-bold max-sm:inline max-sm:p-0">
                  {e.ko}
                </th>
                <td className="px-4 py-3 font-mono text-sm max-sm:ml-2 max-sm:inline max-sm:p-0" lang="en">
                  {e.en}
                </td>
                <td className="px-4 py-3 max-sm:mt-1 max-sm:block max-sm:p-0">
                  {e.meaning}
                </td>
                <td className="px-4 py-3 text-sm max-sm:mt-1 max-sm:block max-sm:p-0">
                  <Link href={`/learn/${e.lesson}`} className="text-brand-600 underline-offset-2 hover:underline dark:text-blue-300">
                    {titleOf.get(e.lesson)}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
