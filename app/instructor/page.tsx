import type { Metadata } from 'next';
import Link from 'next/link';
import { PlaygroundProvider } from '@/components/wiring/playground-context';
import { SimWorkerStart } from '@/components/wiring/sim-worker-start';
import { Playground } from '@/components/playground/playground';
import { InstructorTools } from '@/components/instructor';
import { loadScenarios } from '@/lib/scenarios/catalog';

export const metadata: Metadata = { title: '강사 모드' };

export default function InstructorPage() {
  const scenarios = loadScenarios();
  // Below lg the tools sit under a full-screen Playground (the page scrolls): sharing one screen left a phone's graph ~90 px.
  return (
    <main className="flex flex-col lg:h-[calc(100dvh-3.5rem)] lg:min-h-0 lg:flex-row" data-instructor-page="">
      <h1 className="sr-only">강사 모드</h1>
      <SimWorkerStart />
      <PlaygroundProvider seed={1}>
        <section aria-label="실습 영역" className="h-[calc(100dvh-3.5rem)] min-w-0 shrink-0 lg:h-auto lg:min-h-0 lg:flex-1 lg:shrink">
          <Playground />
        </section>
        <aside aria-label="강사 도구" data-instructor-tools="" className="flex h-[80dvh] shrink-0 flex-col border-t border-zinc-200 lg:h-auto lg:w-[30rem] lg:min-w-80 lg:border-l lg:border-t-0 dark:border-zinc-800">
          <Link href="/class/new" className="block shrink-0 border-b border-zinc-200 px-3 py-2 text-sm font-semibold text-sky-800 hover:bg-sky-50 dark:border-zinc-800 dark:text-sky-300 dark:hover:bg-sky-950/40">
            실시간 수업 열기 — 학생 진도를 한 화면에서 보기 →
          </Link>
          <div className="min-h-0 flex-1">
            <InstructorTools scenarios={scenarios} />
          </div>
        </aside>
      </PlaygroundProvider>
    </main>
  );
}
