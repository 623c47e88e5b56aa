import type { Metadata } from 'next';
import { PlaygroundProvider } from '@/components/wiring/playground-context';
import { SimWorkerStart } from '@/components/wiring/sim-worker-start';
import { Playground } from '@/components/playground/playground';

export const metadata: Metadata = { title: '실습장' };

export default function PlaygroundPage() {
  return (
    <main className="h-[calc(100dvh-3.5rem)]">
      <h1 className="sr-only">실습장</h1>
      <SimWorkerStart />
      <PlaygroundProvider seed={1} persistAs="playground">
        <section aria-label="실습 영역" className="h-full">
          <Playground />
        </section>
      </PlaygroundProvider>
    </main>
  );
}
