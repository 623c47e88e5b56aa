import type { Metadata } from 'next';
import { OpenClassForm } from '@/components/classroom/open-class-form';
import { lessonMetas } from '@/lib/lessons/content';

export const metadata: Metadata = { title: '수업 열기' };

export default function OpenClassPage() {
  const lessons = lessonMetas().map(({ slug, title, order }) => ({ slug, title, order }));
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight">실시간 수업 열기</h1>
      <p className="mt-2 mb-6 text-zinc-700 dark:text-zinc-300">수업을 열면 참여 코드와 QR 코드가 생깁니다. 학생들은 닉네임만으로 참여하고, 진도는 수업 현황에 실시간으로 모입니다.</p>
      <OpenClassForm lessons={lessons} />
    </main>
  );
}
