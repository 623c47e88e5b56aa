import type { Metadata } from 'next';
import { PlaygroundProvider } from '@/components/playground/context';
import { Playground } from '@/components/playground/playground';
import { InstructorTools } from '@/components/instructor';
import { loadScenarios } from '@/lib/scenarios/catalog';

export const metadata: Metadata = { title: '강사 모드' };

export default function InstructorPage() {
  const scenarios = loadScenarios();
  return (
    <main className="flex h-[calc(100dvh-3.5rem)] min-h-0 flex-col lg:flex-row" data-instructor-page="">
      <h1 className="sr-only">강사 모드</h1>
      <PlaygroundProvider seed={1}>
        <section aria-label="실습 영역" className="min-h-0 min-w-0 flex-1">
          <Playground />
        </section>
        <aside aria-label="강사 도구" data-instructor-tools="" className="h-[45%] shrink-0 border-t border-zinc-200 lg:h-auto lg:w-[30rem] lg:min-w-80 lg:border-l lg:border-t-0 dark:border-zinc-800">
          <InstructorTools scenarios={scenarios} />
        </aside>
      </PlaygroundProvider>
    </main>
  );
}
