import type { Metadata } from 'next';
import { JoinPanel } from '@/components/classroom/join-panel';
import { lessonMetas } from '@/lib/lessons/content';

export const metadata: Metadata = { title: '수업 참여' };

export default async function JoinClassPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const lessons = lessonMetas().map(({ slug, title, order }) => ({ slug, title, order }));
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight">실시간 수업</h1>
      <p className="mt-2 mb-6 text-zinc-700 dark:text-zinc-300">강사에게 받은 참여 코드와 닉네임으로 참여하면, 진도가 강사 화면에 실시간으로 보입니다.</p>
      <JoinPanel initialCode={typeof code === 'string' ? code.slice(0, 12) : ''} lessons={lessons} />
    </main>
  );
}
