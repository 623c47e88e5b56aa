import type { Metadata } from 'next';
import { ClassDashboard } from '@/components/classroom/class-dashboard';
import { allLessons } from '@/lib/lessons/content';
import { lessonTotals } from '@/lib/lessons/outline';

export const metadata: Metadata = { title: '수업 현황', robots: { index: false } };

export default async function ClassPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Only public lesson facts go to the page; the class itself streams in after the key is checked.
  const lessons = allLessons().map((l) => ({ slug: l.slug, title: l.title, order: l.order, ...lessonTotals(l.body) }));
  return (
    <main>
      <ClassDashboard code={code.toUpperCase().slice(0, 12)} lessons={lessons} />
    </main>
  );
}
